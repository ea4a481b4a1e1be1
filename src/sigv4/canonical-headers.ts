// CanonicalHeaders: `name:value\n` for each signed header, values trimmed with inner whitespace runs collapsed,
// repeated values joined by `,` (docs/aws-behaviour/sigv4.md; https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
import type { SigV4Request } from './sigv4-request.ts';

const NEEDS_TRIM = /^[ \t\r\n]|[ \t\r\n]$|[ \t\r\n]{2}|[\t\r\n]/;

/** A header value in canonical form: leading/trailing SP/HTAB/CR/LF removed, inner runs collapsed to one space. */
export function trimAll(value: string): string {
  return NEEDS_TRIM.test(value) ? value.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '') : value;
}

/**
 * The canonical header block for `signedHeaders` (lower-case, sorted), each line ending in `\n`.
 * A signed header absent from the request contributes no line, so its signature cannot match.
 */
export function canonicalHeaderBlock(headers: SigV4Request['headers'], signedHeaders: readonly string[]): string {
  let out = '';
  for (const name of signedHeaders) {
    const value = headers[name];
    if (value === undefined) continue;
    out += `${name}:${typeof value === 'string' ? trimAll(value) : value.map(trimAll).join(',')}\n`;
  }
  return out;
}
