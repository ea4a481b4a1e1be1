// The slice of an HTTP exchange the codecs read and write; server/ adapts node:http to it.

/** An HTTP request as the decoders see it. */
export interface ProtocolRequest {
  readonly method: string;
  /** The raw (still percent-encoded) path, without the query string. */
  readonly path: string;
  /** The raw query string, without the leading `?`. */
  readonly query: string;
  /** Header values keyed by lower-cased name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

/** An HTTP response as the encoders produce it. */
export interface ProtocolResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

