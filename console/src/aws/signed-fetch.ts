/**
 * SigV4-signed requests to Tollgate's own endpoints (sign-out, the explanation of a denial, a cluster's
 * Kubernetes API), with the session's credentials, like any other signed client.
 */
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { currentSession } from '../session/session-store.ts';

/** A signed request's answer: status, text and the request id. */
export interface SignedAnswer {
  readonly status: number;
  readonly text: string;
  readonly requestId: string | undefined;
}

/** Sends a signed `method` request to `path` (with its query) on this endpoint. */
export async function signedFetch(method: 'GET' | 'POST', path: string, options: { service: string; region: string; body?: string }): Promise<SignedAnswer> {
  const session = currentSession();
  if (!session) throw new Error('Not signed in.');
  const url = new URL(path, window.location.origin);
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => { query[key] = value; });
  const { accessKeyId, secretAccessKey, sessionToken } = session.credentials;
  const signer = new SignatureV4({ credentials: { accessKeyId, secretAccessKey, sessionToken }, region: options.region, service: options.service, sha256: Sha256 });
  const headers: Record<string, string> = { host: url.host };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const signed = await signer.sign({
    method, protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: url.pathname, query, headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const { host: _host, ...sendable } = signed.headers;
  const response = await fetch(url, { method, headers: sendable, ...(options.body === undefined ? {} : { body: options.body }) });
  return { status: response.status, text: await response.text(), requestId: response.headers.get('x-amzn-requestid') ?? undefined };
}
