/**
 * The node:http adapter: reads each request (bounded), hands it to `app.handle`, writes the answer.
 * Keep-alive is on; SIGTERM-style shutdown lets in-flight requests finish before the caller closes
 * the store.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from './app.ts';
import type { HttpRequest } from './http-exchange.ts';

/** Bodies larger than this are refused before they are read in full. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A listening server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and resolves once in-flight requests are answered. */
  close(): Promise<void>;
}

/** Starts serving `app` on host:port (port 0 picks a free one). */
export function listen(app: App, host: string, port: number): Promise<RunningServer> {
  const inFlight = new Set<Promise<void>>();
  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    const done = serve(app, req, res).finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        close: async () => {
          await new Promise<void>((closed) => {
            server.close(() => closed());
            server.closeIdleConnections();
          });
          await Promise.allSettled([...inFlight]);
        },
      });
    });
  });
}

async function serve(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const body = await readBody(req);
    if (body === undefined) {
      res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' }).end('Request Entity Too Large');
      req.destroy();
      return;
    }
    const target = req.url ?? '/';
    const mark = target.indexOf('?');
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(',') : value;
    const request: HttpRequest = {
      method: req.method ?? 'GET',
      path: mark < 0 ? target : target.slice(0, mark),
      query: mark < 0 ? '' : target.slice(mark + 1),
      headers,
      body,
      sourceIp: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
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

/** The body, or undefined when it exceeds MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => resolve(Buffer.concat(chunks)));
  });
}
