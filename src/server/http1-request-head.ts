/**
 * Reads the head of one HTTP/1.1 request from a connection's bytes, for the fast path of the endpoint
 * (see http-endpoint.ts). It accepts only the plain, unambiguous form every AWS client sends:
 *
 *   METHOD SP origin-form SP "HTTP/1.1" CRLF, then `name: value` CRLF lines, then CRLF,
 *   a Host header, a body framed by Content-Length (or none), each header name once.
 *
 * Anything else (chunked bodies, Expect, Upgrade, HTTP/1.0, repeated or folded headers, control
 * characters, oversized heads or bodies, absolute-form targets, HEAD) is answered `unusual`, and the
 * connection is handed to node:http, which implements every corner of RFC 9112 and its error answers.
 * So this parser only has to be right about what it accepts, never about how to refuse.
 */

import { BoundedMemo } from '../kernel/bounded-memo.ts';

/** Heads larger than this go to node:http (its default `maxHeaderSize`), which answers 431. */
export const MAX_HEAD_BYTES = 16 * 1024;

/** A request head the fast path can serve. */
export interface RequestHead {
  readonly method: string;
  /** The request target as sent (origin-form: starts with `/`). */
  readonly target: string;
  /** Lower-case names; each appears once. */
  readonly headers: Record<string, string>;
  /** Bytes of the head, CRLF CRLF included. */
  readonly headBytes: number;
  readonly bodyBytes: number;
  /** False when the client sent `Connection: close`. */
  readonly keepAlive: boolean;
}

/** Not a whole head yet, or a request the fast path leaves to node:http. */
export type HeadResult = RequestHead | 'incomplete' | 'unusual';

/** A field name (RFC 9110 token). */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const METHOD = /^[A-Z]+$/;
/** Visible ASCII only: no spaces, controls or raw non-ASCII in the target. */
const TARGET = /^\/[\x21-\x7e]*$/;
/** Field values: HTAB, visible ASCII, SP and obs-text; no other controls. */
export const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const DIGITS = /^\d{1,16}$/;
/** In a head: a control other than HTAB, CR and LF, or DEL (the head is read as latin1). */
const CONTROL = /[^\t\r\n\x20-\x7e\x80-\xff]/;
/** Headers whose presence means framing or semantics the fast path does not implement. */
const LEFT_TO_NODE = new Set(['transfer-encoding', 'expect', 'upgrade', 'te', 'trailer', 'http2-settings']);

/**
 * The head starting at `start` in `bytes`, when `bytes` holds all of it, and the body it announces is
 * at most `maxBodyBytes`.
 */
export function readRequestHead(bytes: Buffer, start: number, maxBodyBytes: number): HeadResult {
  const end = headEnd(bytes, start);
  if (end < 0) return bytes.length - start > MAX_HEAD_BYTES ? 'unusual' : 'incomplete';
  if (end - start > MAX_HEAD_BYTES) return 'unusual';
  const text = bytes.toString('latin1', start, end);
  // One scan of the whole head for what no line may hold (controls other than HTAB, CR and LF; DEL);
  // CRs and LFs are then counted against the line breaks found. Each value is then a FIELD_VALUE
  // without a test of its own.
  if (CONTROL.test(text)) return 'unusual';
  const firstBreak = text.indexOf('\r\n');
  if (firstBreak < 0) return 'unusual'; // no header lines, so no Host
  const space1 = text.indexOf(' ');
  const space2 = space1 < 0 ? -1 : text.indexOf(' ', space1 + 1);
  if (space2 < 0 || space2 > firstBreak || text.slice(space2 + 1, firstBreak) !== 'HTTP/1.1') return 'unusual';
  const method = text.slice(0, space1);
  const target = text.slice(space1 + 1, space2);
  if (!METHOD.test(method) || method === 'HEAD' || method === 'CONNECT' || !TARGET.test(target)) return 'unusual';

  // A plain object: a name that Object.prototype already answers to (`constructor`, `__proto__`) is
  // `in` it, so such a request goes to node:http rather than being misread here.
  const headers: Record<string, string> = {};
  let breaks = 1;
  for (let lineStart = firstBreak + 2; lineStart <= text.length; ) {
    const found = text.indexOf('\r\n', lineStart);
    const lineEnd = found < 0 ? text.length : found;
    const colon = text.indexOf(':', lineStart);
    if (colon <= lineStart || colon > lineEnd) return 'unusual';
    const lower = lowerName(text.slice(lineStart, colon)); // undefined also for `name :` and folded lines
    if (lower === undefined) return 'unusual';
    if (lower in headers || LEFT_TO_NODE.has(lower)) return 'unusual';
    headers[lower] = trimOws(text, colon + 1, lineEnd);
    if (found < 0) break;
    breaks++;
    lineStart = found + 2;
  }
  if (occurrences(text, '\r') !== breaks || occurrences(text, '\n') !== breaks) return 'unusual'; // a bare CR or LF
  if (headers['host'] === undefined) return 'unusual';

  const length = headers['content-length'];
  let bodyBytes = 0;
  if (length !== undefined) {
    if (!DIGITS.test(length)) return 'unusual';
    bodyBytes = Number(length);
    if (bodyBytes > maxBodyBytes) return 'unusual';
  }
  const connection = headers['connection']?.toLowerCase();
  if (connection !== undefined && /(?:^|[\s,])upgrade(?:$|[\s,])/.test(connection)) return 'unusual';
  const keepAlive = connection === undefined || !/(?:^|[\s,])close(?:$|[\s,])/.test(connection);
  return { method, target, headers, headBytes: end + 4 - start, bodyBytes, keepAlive };
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** The offset of the CRLF CRLF ending the head that starts at `start`, or -1 (also when none is within reach). */
function headEnd(bytes: Buffer, start: number): number {
  // One native search over at most the largest head accepted, rather than one per line.
  const reach = Math.min(bytes.length, start + MAX_HEAD_BYTES + HEAD_END.length);
  return (reach === bytes.length ? bytes : bytes.subarray(0, reach)).indexOf(HEAD_END, start);
}

/** Clients send the same few header names in every request: each is checked and lower-cased once. */
const lowerNames = new BoundedMemo<string, string | undefined>(1024);

/** `name.toLowerCase()` when `name` is a field name (a token), else undefined. */
function lowerName(name: string): string | undefined {
  return lowerNames.get(name, checkedLowerName);
}

function checkedLowerName(name: string): string | undefined {
  return TOKEN.test(name) ? name.toLowerCase() : undefined;
}

/** How many times `char` occurs in `text`. */
function occurrences(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** `text` from `from` to `to`, without the optional whitespace (SP, HTAB) at either end. */
function trimOws(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && (text.charCodeAt(a) === 0x20 || text.charCodeAt(a) === 0x09)) a++;
  while (b > a && (text.charCodeAt(b - 1) === 0x20 || text.charCodeAt(b - 1) === 0x09)) b--;
  return text.slice(a, b);
}
