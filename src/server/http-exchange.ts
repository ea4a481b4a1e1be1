/** An HTTP request and response as the application core sees them: no sockets (Hono's `handle(Request)`). */

/** A request as received. Headers are keyed by lower-case name. */
export interface HttpRequest {
  readonly method: string;
  /** The path as received, still percent-encoded, without the query string. */
  readonly path: string;
  /** The raw query string without `?`. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Lower-case names of the headers sent more than once (their values are joined with `,` in `headers`). */
  readonly repeatedHeaders?: readonly string[];
  readonly body: Buffer;
  /** The peer's address (`aws:SourceIp`). */
  readonly sourceIp: string;
  /** True when the request came over TLS (`aws:SecureTransport`). */
  readonly secure: boolean;
}

/** A response to send. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Bytes to send instead of `body` (the console's static files); `body` is then empty. */
  readonly bodyBytes?: Buffer;
}

/** The path (still percent-encoded) and the raw query string of a request target. */
export function splitTarget(target: string): { readonly path: string; readonly query: string } {
  const mark = target.indexOf('?');
  return mark < 0 ? { path: target, query: '' } : { path: target.slice(0, mark), query: target.slice(mark + 1) };
}
