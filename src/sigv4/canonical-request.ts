// The canonical request and the string to sign (docs/aws-behaviour/sigv4.md;
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
import { hash } from 'node:crypto';

/** The algorithm name in `Authorization`, `X-Amz-Algorithm` and the first line of the string to sign. */
export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** Hex SHA-256 of the empty payload. */
export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The already-canonical pieces a canonical request is assembled from. */
export interface CanonicalRequestParts {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQuery: string;
  /** Lines `name:value\n`, from `canonicalHeaderBlock`. */
  readonly canonicalHeaders: string;
  /** Signed header names joined by `;`. */
  readonly signedHeaders: string;
  readonly payloadHash: string;
}

/** The canonical request text. */
export function canonicalRequest(p: CanonicalRequestParts): string {
  return `${p.method}\n${p.canonicalUri}\n${p.canonicalQuery}\n${p.canonicalHeaders}\n${p.signedHeaders}\n${p.payloadHash}`;
}

/** The string to sign for a canonical request, given the basic-ISO request time and the credential scope. */
export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return `${SIGV4_ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
}

/** Lower-case hex SHA-256 of `data` (strings as UTF-8). */
export function sha256Hex(data: string | Uint8Array): string {
  if (data.length === 0) return EMPTY_PAYLOAD_SHA256;
  return hash('sha256', data, 'hex'); // the one-shot form: a third of createHash's cost for short inputs
}
