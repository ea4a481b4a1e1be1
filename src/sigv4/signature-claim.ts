// Locating the signature a request claims: the Authorization header or presigned X-Amz-* query parameters
// (docs/aws-behaviour/sigv4.md, with its IncompleteSignature texts).
import { httpDateToAmzDate, parseAmzDate } from './amz-date.ts';
import { SIGV4_ALGORITHM } from './canonical-request.ts';
import { findParam, type EncodedParam } from './canonical-query.ts';
import { SIGV4_MESSAGES, sigv4Error } from './sigv4-error.ts';
import { headerValue, isRepeated, type SigV4Request } from './sigv4-request.ts';
import { uriDecode } from './uri-encode.ts';

/** Where the signature travelled. */
export type SignatureLocation = 'authorization-header' | 'presigned-url';

/** The signing parameters a request presents, before any of them is checked against a secret. */
export interface SignatureClaim {
  readonly location: SignatureLocation;
  /** `AKID/yyyymmdd/region/service/aws4_request`, decoded. */
  readonly credential: string;
  /** Signed header names, sorted. */
  readonly signedHeaders: readonly string[];
  /** Signed header names joined by `;`, as they enter the canonical request. */
  readonly signedHeaderList: string;
  readonly signature: string;
  /** The request time in basic ISO format (converted from the `Date` header when that was used). */
  readonly amzDate: string;
  /** `amzDate` in milliseconds since the epoch. */
  readonly requestTime: number;
  readonly sessionToken: string | undefined;
  /** Presigned only: `X-Amz-Expires` in seconds. */
  readonly expiresSeconds: number | undefined;
}

/** The longest presigned lifetime, one week (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html). */
export const MAX_EXPIRES_SECONDS = 604800;

const QUERY_AUTH_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature'] as const;

/**
 * The claim of `request` (whose query is `params`). Throws MissingAuthenticationToken when it carries neither
 * form, SignatureDoesNotMatch when it carries both, IncompleteSignature when the one it carries is malformed
 * or when several Authorization headers were sent.
 */
export function readSignatureClaim(request: Pick<SigV4Request, 'headers' | 'repeatedHeaders'>, params: readonly EncodedParam[]): SignatureClaim {
  const { headers } = request;
  const authorization = headerValue(headers, 'authorization');
  const presigned = QUERY_AUTH_PARAMS.some((name) => findParam(params, name) !== undefined);
  if (authorization !== undefined && presigned) throw sigv4Error('SignatureDoesNotMatch', SIGV4_MESSAGES.signatureMismatch);
  if (authorization !== undefined) {
    // Several Authorization headers are read as one comma-joined value, as AWS reads them (a doubled header
    // is refused with `'AWS4-HMAC-SHA256' not a valid key=value pair ...`). When the joined value happens to
    // parse (a second line `x=y`), the request is still ambiguous and is refused all the same.
    const claim = fromAuthorizationHeader(authorization, headers);
    if (isRepeated(request, 'authorization')) {
      throw sigv4Error('IncompleteSignature', `Authorization header requires exactly one value. Authorization=${authorization}`);
    }
    return claim;
  }
  if (presigned) return fromQuery(params);
  throw sigv4Error('MissingAuthenticationToken', 'Request is missing Authentication Token');
}

const WHITESPACE = /\s/;
/** Spaces and tabs inside a comma-separated piece (HTTP's optional whitespace). */
const SPACE_RUN = /[ \t]+/;

/** The three Authorization fields the verifier reads. */
interface AuthorizationFields {
  credential: string | undefined;
  signature: string | undefined;
  signedHeaders: string | undefined;
}

/** Reads one `key=value` field of Authorization header `header` into `into`. */
function readField(field: string, header: string, into: AuthorizationFields): void {
  const eq = field.indexOf('=');
  if (eq < 0) {
    throw sigv4Error('IncompleteSignature', `'${field}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`);
  }
  const key = field.slice(0, eq);
  if (key === 'Credential') into.credential = field.slice(eq + 1);
  else if (key === 'Signature') into.signature = field.slice(eq + 1);
  else if (key === 'SignedHeaders') into.signedHeaders = field.slice(eq + 1);
}

function fromAuthorizationHeader(header: string, headers: SigV4Request['headers']): SignatureClaim {
  const trimmed = header.trim();
  const space = firstWhitespace(trimmed);
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  const fields: AuthorizationFields = { credential: undefined, signature: undefined, signedHeaders: undefined };
  // `key=value` fields separated by commas, and by spaces too: AWS names the bare `AWS4-HMAC-SHA256` of
  // a header doubled into one value as the field without `=`. Empty ones are skipped; a repeated key:
  // the last one wins.
  for (let start = space < 0 ? trimmed.length : space + 1; start < trimmed.length; ) {
    const comma = trimmed.indexOf(',', start);
    const end = comma < 0 ? trimmed.length : comma;
    const piece = trimmed.slice(start, end).trim();
    start = end + 1;
    if (piece === '') continue;
    if (piece.indexOf(' ') < 0 && piece.indexOf('\t') < 0) readField(piece, header, fields);
    else for (const field of piece.split(SPACE_RUN)) readField(field, header, fields);
  }
  const { credential, signature, signedHeaders } = fields;
  const xAmzDate = headerValue(headers, 'x-amz-date');
  const rawDate = xAmzDate ?? headerValue(headers, 'date');
  const missing: string[] = [];
  if (credential === undefined) missing.push("Authorization header requires 'Credential' parameter.");
  if (signature === undefined) missing.push("Authorization header requires 'Signature' parameter.");
  if (signedHeaders === undefined) missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (rawDate === undefined) missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (credential === undefined || signature === undefined || signedHeaders === undefined || rawDate === undefined) {
    throw sigv4Error('IncompleteSignature', `${missing.join(' ')} Authorization=${header}`);
  }
  if (algorithm !== SIGV4_ALGORITHM) throw sigv4Error('IncompleteSignature', `Unsupported AWS 'algorithm': '${algorithm}'.`);
  const amzDate = xAmzDate ?? httpDateToAmzDate(rawDate) ?? rawDate;
  const token = headerValue(headers, 'x-amz-security-token');
  return finish('authorization-header', credential, signedHeaders, signature, amzDate, rawDate, token, undefined);
}

function fromQuery(params: readonly EncodedParam[]): SignatureClaim {
  const algorithm = decoded(params, 'X-Amz-Algorithm');
  const credential = decoded(params, 'X-Amz-Credential');
  const signature = decoded(params, 'X-Amz-Signature');
  const signedHeaders = decoded(params, 'X-Amz-SignedHeaders');
  const amzDate = decoded(params, 'X-Amz-Date');
  const expires = decoded(params, 'X-Amz-Expires');
  const missing: string[] = [];
  for (const [name, value] of [
    ['X-Amz-Algorithm', algorithm],
    ['X-Amz-Credential', credential],
    ['X-Amz-Signature', signature],
    ['X-Amz-SignedHeaders', signedHeaders],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', expires],
  ] as const) {
    if (value === undefined) missing.push(`AWS query-string parameters must include '${name}'.`);
  }
  if (
    algorithm === undefined || credential === undefined || signature === undefined ||
    signedHeaders === undefined || amzDate === undefined || expires === undefined
  ) {
    throw sigv4Error('IncompleteSignature', `${missing.join(' ')} Re-examine the query-string parameters.`);
  }
  if (algorithm !== SIGV4_ALGORITHM) throw sigv4Error('IncompleteSignature', `Unsupported AWS 'algorithm': '${algorithm}'.`);
  const token = decoded(params, 'X-Amz-Security-Token');
  return finish('presigned-url', credential, signedHeaders, signature, amzDate, amzDate, token, parseExpires(expires));
}

function finish(
  location: SignatureLocation,
  credential: string,
  signedHeaderText: string,
  signature: string,
  amzDate: string,
  rawDate: string,
  sessionToken: string | undefined,
  expiresSeconds: number | undefined,
): SignatureClaim {
  const signedHeaders = signedHeaderText.split(';');
  if (!signedHeaders.includes('host') && !signedHeaders.includes(':authority')) {
    throw sigv4Error('IncompleteSignature', SIGV4_MESSAGES.hostNotSigned);
  }
  const requestTime = parseAmzDate(amzDate);
  if (requestTime === undefined) {
    throw sigv4Error('IncompleteSignature', `Date must be in ISO-8601 'basic format'. Got '${rawDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  }
  // SDKs send the list sorted; sort defensively, as the canonical request needs it sorted.
  const signedHeaderList = isSorted(signedHeaders) ? signedHeaderText : signedHeaders.sort().join(';');
  return { location, credential, signedHeaders, signedHeaderList, signature, amzDate, requestTime, sessionToken, expiresSeconds };
}

function parseExpires(text: string): number {
  if (!/^-?\d+$/.test(text)) throw sigv4Error('IncompleteSignature', 'X-Amz-Expires should be a number');
  const seconds = Number(text);
  if (seconds < 0) throw sigv4Error('IncompleteSignature', 'X-Amz-Expires must be non-negative');
  if (seconds > MAX_EXPIRES_SECONDS) {
    throw sigv4Error('IncompleteSignature', `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_EXPIRES_SECONDS}`);
  }
  return seconds;
}

function decoded(params: readonly EncodedParam[], name: string): string | undefined {
  const value = findParam(params, name);
  return value === undefined ? undefined : uriDecode(value);
}

/** The index of the first whitespace character (as `/\s/` matches), or -1. */
function firstWhitespace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return i;
    if (c > 0x7f && WHITESPACE.test(text[i]!)) return i;
  }
  return -1;
}

function isSorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if ((names[i - 1] as string) > (names[i] as string)) return false;
  return true;
}
