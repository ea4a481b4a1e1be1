// A SigV4 signer (Authorization header or presigned URL) for our own tests, benchmarks and clients; it shares the
// canonicalisation code with the verifier and reproduces botocore's output (the botocore vectors in sigv4-vectors.ts; docs/aws-behaviour/sigv4.md).
import { formatAmzDate } from './amz-date.ts';
import { canonicalHeaderBlock } from './canonical-headers.ts';
import { canonicalQueryString, parseQuery } from './canonical-query.ts';
import { canonicalRequest, EMPTY_PAYLOAD_SHA256, SIGV4_ALGORITHM, sha256Hex, stringToSign } from './canonical-request.ts';
import { canonicalUri } from './canonical-uri.ts';
import { hmac, sharedSigningKeys } from './signing-key.ts';
import type { QueryPair, SigV4Request } from './sigv4-request.ts';
import { uriEncode } from './uri-encode.ts';

/** Credentials to sign with. */
export interface SigningIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

/** A request to sign: every header given is signed (it must include `host`). */
export interface SignRequestInput {
  readonly method: string;
  /** Percent-encoded path, as it will be sent. */
  readonly path: string;
  /** Raw query string (no `?`) or decoded pairs. */
  readonly query?: string | readonly QueryPair[];
  /** Headers to send and sign; names are lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly credentials: SigningIdentity;
  readonly region: string;
  readonly service: string;
  /** Signing time, ms since the epoch. */
  readonly time: number;
  /** Presign into the query string (X-Amz-*) instead of adding an Authorization header. */
  readonly presign?: { readonly expiresIn: number };
}

/** A signed request, ready for `verifySignature`, with the intermediate texts for debugging and test vectors. */
export interface SignedRequest {
  readonly request: SigV4Request & { readonly query: string; readonly headers: Readonly<Record<string, string>> };
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  /** Header mode: the Authorization header value. */
  readonly authorization: string | undefined;
}

/**
 * Signs `input` as botocore does: header mode adds `x-amz-date` (and `x-amz-security-token`) and signs them; an
 * `x-amz-content-sha256` header, when given, stands for the payload hash (as in the SDKs).
 */
export function signRequest(input: SignRequestInput): SignedRequest {
  const amzDate = formatAmzDate(input.time);
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const credential = `${input.credentials.accessKeyId}/${scope}`;
  const token = input.credentials.sessionToken;

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) headers[name.toLowerCase()] = value;
  if (headers['host'] === undefined) throw new Error('signRequest: a `host` header is required');

  let rawQuery = typeof input.query === 'string' ? input.query : encodePairs(input.query ?? []);
  if (input.presign === undefined) {
    headers['x-amz-date'] = amzDate;
    if (token !== undefined) headers['x-amz-security-token'] = token;
  }
  const signedHeaders = Object.keys(headers).sort();
  const signedHeaderList = signedHeaders.join(';');
  if (input.presign !== undefined) {
    const auth: QueryPair[] = [
      ['X-Amz-Algorithm', SIGV4_ALGORITHM],
      ['X-Amz-Credential', credential],
      ['X-Amz-Date', amzDate],
      ['X-Amz-Expires', String(input.presign.expiresIn)],
      ['X-Amz-SignedHeaders', signedHeaderList],
    ];
    if (token !== undefined) auth.push(['X-Amz-Security-Token', token]);
    rawQuery = rawQuery === '' ? encodePairs(auth) : `${rawQuery}&${encodePairs(auth)}`;
  }

  const params = parseQuery(rawQuery);
  const canonical = canonicalRequest({
    method: input.method,
    canonicalUri: canonicalUri(input.path),
    canonicalQuery: canonicalQueryString(params),
    canonicalHeaders: canonicalHeaderBlock(headers, signedHeaders),
    signedHeaders: signedHeaderList,
    payloadHash: headers['x-amz-content-sha256'] ?? (input.body === undefined ? EMPTY_PAYLOAD_SHA256 : sha256Hex(input.body)),
  });
  const toSign = stringToSign(amzDate, scope, canonical);
  const key = sharedSigningKeys.get(credential, input.credentials.secretAccessKey, date, input.region, input.service);
  const signature = hmac(key, toSign).toString('hex');

  let authorization: string | undefined;
  if (input.presign === undefined) {
    authorization = `${SIGV4_ALGORITHM} Credential=${credential}, SignedHeaders=${signedHeaderList}, Signature=${signature}`;
    headers['authorization'] = authorization;
  } else {
    rawQuery = `${canonicalQueryString(params)}&X-Amz-Signature=${signature}`;
  }
  const request = { method: input.method, path: input.path, query: rawQuery, headers, ...(input.body === undefined ? {} : { body: input.body }) };
  return { request, canonicalRequest: canonical, stringToSign: toSign, signature, authorization };
}

function encodePairs(pairs: readonly QueryPair[]): string {
  return pairs.map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`).join('&');
}
