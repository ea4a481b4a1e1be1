/**
 * The node:http side of the endpoint: every request the fast path leaves to it (see http-endpoint.ts)
 * is read here (bounded), handed to `app.handle`, and answered.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { App } from './app.ts';
import { splitTarget, type HttpRequest } from './http-exchange.ts';
import type { InFlight } from './in-flight.ts';

/** Bodies larger than this are refused before they are read in full. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A node:http server for `app` that is never listened on: connections are given to it. */
export function createNodeHttpServer(app: App, inFlight: InFlight, keepAliveTimeoutMs: number): Server {
  const server = createServer({ keepAlive: true }, (req, res) => receive(app, req, res, inFlight));
  server.keepAliveTimeout = keepAliveTimeoutMs;
  return server;
}

const EMPTY = Buffer.alloc(0);

/**
 * Reads the body (refusing more than MAX_BODY_BYTES before reading it all) with plain listeners and
 * answers once all of it arrived. A request whose body never finished arriving (the client closed or
 * half-closed first: a chunked body without its last chunk, a Content-Length body cut short, an
 * `Expect: 100-continue` body abandoned) is discarded: what did arrive may itself be a valid, different
 * request, so nothing of it runs.
 */
function receive(app: App, req: IncomingMessage, res: ServerResponse, inFlight: InFlight): void {
  inFlight.begin();
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    tooLarge(req, res, inFlight);
    return;
  }
  const { headers, repeated } = readHeaders(req.rawHeaders);
  if (repeated?.includes('host')) {
    badRequest(res, inFlight); // RFC 9112 §3.2: more than one Host line is a 400
    return;
  }
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let size = 0;
  let answered = false;
  const discard = (): void => {
    if (answered) return;
    answered = true;
    res.destroy();
    inFlight.end();
  };
  req.on('data', (chunk: Buffer) => {
    if (answered) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      answered = true;
      req.pause();
      tooLarge(req, res, inFlight);
      return;
    }
    if (first === undefined) first = chunk;
    else (more ??= [first]).push(chunk);
  });
  req.on('end', () => {
    if (answered) return;
    if (!req.complete) return discard();
    answered = true;
    const body = more ? Buffer.concat(more) : first ?? EMPTY;
    void respond(app, req, res, headers, repeated, body).finally(() => inFlight.end());
  });
  // 'close' without a complete message: the connection ended mid-request ('aborted'); 'error' likewise.
  req.on('close', discard);
  req.on('error', discard);
}

function tooLarge(req: IncomingMessage, res: ServerResponse, inFlight: InFlight): void {
  res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' }).end('Request Entity Too Large');
  req.destroy();
  inFlight.end();
}

function badRequest(res: ServerResponse, inFlight: InFlight): void {
  res.writeHead(400, { 'content-type': 'text/plain', connection: 'close' }).end('Bad Request');
  inFlight.end();
}

async function respond(
  app: App, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, repeated: readonly string[] | undefined, body: Buffer,
): Promise<void> {
  try {
    const request: HttpRequest = {
      method: req.method ?? 'GET',
      ...splitTarget(req.url ?? '/'),
      headers,
      ...(repeated === undefined ? {} : { repeatedHeaders: repeated }),
      body,
      sourceIp: peerAddress(req.socket.remoteAddress),
      secure: false,
    };
    const response = await app.handle(request);
    res.writeHead(response.status, { ...response.headers, 'content-length': response.bodyBytes ? response.bodyBytes.length : Buffer.byteLength(response.body) });
    res.end(response.bodyBytes ?? response.body);
  } catch {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end();
  }
}

/** The peer's address as `aws:SourceIp` shows it: IPv4-mapped IPv6 addresses in their IPv4 form. */
export function peerAddress(remote: string | undefined): string {
  const address = remote ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * The request's headers by lower-case name, read from the lines as sent. node:http's own `headers` keeps
 * only the first `Authorization`, `Host`, `Content-Type`, ... and joins other repeats with `, `; here a
 * header sent several times is joined with `,`, as SigV4 canonicalises it, and named in `repeated`, so
 * that no signing input is silently read from one line of several.
 */
export function readHeaders(raw: readonly string[]): { headers: Record<string, string>; repeated: string[] | undefined } {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  let repeated: string[] | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const earlier = headers[name];
    if (earlier === undefined) {
      headers[name] = value;
    } else {
      headers[name] = `${earlier},${value}`;
      if (!(repeated ??= []).includes(name)) repeated.push(name);
    }
  }
  return { headers, repeated };
}
