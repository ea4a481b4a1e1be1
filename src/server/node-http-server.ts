/**
 * The node:http side of the endpoint: every request the fast path leaves to it (see http-endpoint.ts)
 * is read here (bounded), handed to `app.handle`, and answered.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
 * answers once it ended.
 */
function receive(app: App, req: IncomingMessage, res: ServerResponse, inFlight: InFlight): void {
  inFlight.begin();
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    tooLarge(req, res, inFlight);
    return;
  }
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let size = 0;
  let answered = false;
  const bodyRead = (): void => {
    if (answered) return;
    answered = true;
    const body = more ? Buffer.concat(more) : first ?? EMPTY;
    void respond(app, req, res, body).finally(() => inFlight.end());
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
  req.on('end', bodyRead);
  req.on('aborted', bodyRead);
  req.on('error', () => {
    if (answered) return;
    answered = true;
    res.destroy();
    inFlight.end();
  });
}

function tooLarge(req: IncomingMessage, res: ServerResponse, inFlight: InFlight): void {
  res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' }).end('Request Entity Too Large');
  req.destroy();
  inFlight.end();
}

async function respond(app: App, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  try {
    const request: HttpRequest = {
      method: req.method ?? 'GET',
      ...splitTarget(req.url ?? '/'),
      headers: singleValued(req.headers),
      body,
      sourceIp: peerAddress(req.socket.remoteAddress),
      secure: false,
    };
    const response = await app.handle(request);
    res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
    res.end(response.body);
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

/** node:http joins repeated headers into one value except `set-cookie`, which stays a list. */
function singleValued(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const cookies = headers['set-cookie'];
  if (cookies === undefined) return headers as Record<string, string | undefined>;
  return { ...headers, 'set-cookie': cookies.join(',') };
}
