// The HTTP request as the SigV4 verifier sees it: exactly what arrived, before any decoding.

/** One header's value; repeated headers may be given as a list (joined with `,` when canonicalised). */
export type HeaderValue = string | readonly string[];

/** A decoded query parameter: name and value as plain text (they are percent-encoded when canonicalised). */
export type QueryPair = readonly [name: string, value: string];

/** A request to authenticate. Headers are keyed by lower-case name (as node:http delivers them). */
export interface SigV4Request {
  /** The HTTP method, upper case (`GET`, `POST`). */
  readonly method: string;
  /** The path as received, still percent-encoded, without the query string (`/tags/arn%3Aaws%3A…`). */
  readonly path: string;
  /** The raw query string as received (no leading `?`), or already decoded pairs; absent means none. */
  readonly query?: string | readonly QueryPair[];
  /** Request headers keyed by lower-case name. */
  readonly headers: Readonly<Record<string, HeaderValue | undefined>>;
  /**
   * Lower-case names of headers sent more than once whose values `headers` already holds joined with `,`
   * (as an HTTP layer that keeps one string per name delivers them); a list value says the same by itself.
   */
  readonly repeatedHeaders?: readonly string[] | undefined;
  /** The raw body. Give this or `payloadHash`; when both are absent the body is empty. */
  readonly body?: string | Uint8Array;
  /** Lower-case hex SHA-256 of the body, when the caller has already computed it. */
  readonly payloadHash?: string;
}

/** Splits an HTTP request target (`/path?query`) into the raw path and raw query string. */
export function splitRequestTarget(target: string): { path: string; query: string } {
  const mark = target.indexOf('?');
  return mark < 0 ? { path: target, query: '' } : { path: target.slice(0, mark), query: target.slice(mark + 1) };
}

/**
 * The value of header `name` (lower case) as the canonical request sees it: a repeated header's values
 * joined with `,`, never one of them alone; undefined when absent.
 */
export function headerValue(headers: SigV4Request['headers'], name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' || value === undefined ? value : value.join(',');
}

/** True when header `name` (lower case) was sent more than once. */
export function isRepeated(request: Pick<SigV4Request, 'headers' | 'repeatedHeaders'>, name: string): boolean {
  const value = request.headers[name];
  return (typeof value === 'object' && value.length > 1) || (request.repeatedHeaders?.includes(name) ?? false);
}
