/**
 * The listening endpoint. Each connection starts on the fast path (fast-http-connection.ts), which
 * serves the plain HTTP/1.1 that AWS clients send; a connection whose next request is anything else
 * is handed, at that request boundary, to node:http (node-http-server.ts). Both paths end in
 * `app.handle`. Shutting down stops accepting, lets in-flight requests finish, and closes connections.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { App } from './app.ts';
import { FastHttpConnection, ResponseBatch } from './fast-http-connection.ts';
import { InFlight } from './in-flight.ts';
import { createNodeHttpServer, MAX_BODY_BYTES } from './node-http-server.ts';

/** How long an idle keep-alive connection stays open (above the 60 s idle timeout of common load balancers). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** A listening server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and resolves once in-flight requests are answered. */
  close(): Promise<void>;
}

/** Starts serving `app` on host:port (port 0 picks a free one). */
export function listen(app: App, host: string, port: number): Promise<RunningServer> {
  const inFlight = new InFlight();
  const nodeHttp = createNodeHttpServer(app, inFlight, KEEP_ALIVE_TIMEOUT_MS);
  const fast = new Set<FastHttpConnection>();
  let closing = false;
  const context = {
    app,
    inFlight,
    maxBodyBytes: MAX_BODY_BYTES,
    keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
    responses: new ResponseBatch(),
    handOver: (socket: Socket, unread: Buffer) => {
      context.responses.flush(); // the answers already given on this connection go first
      socket.pause();
      if (unread.length > 0) socket.unshift(unread);
      nodeHttp.emit('connection', socket);
      if (closing) nodeHttp.closeIdleConnections();
      process.nextTick(() => socket.resume());
    },
    released: (connection: FastHttpConnection) => fast.delete(connection),
  };
  const server = createServer((socket) => {
    const connection = new FastHttpConnection(socket, context);
    fast.add(connection);
    if (closing) connection.shutDown();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        close: async () => {
          closing = true;
          const stopped = new Promise<void>((closed) => server.close(() => closed()));
          for (const connection of [...fast]) connection.shutDown();
          // Not listening itself: close() only marks it closing and drops its idle connections.
          nodeHttp.close(() => {});
          nodeHttp.closeIdleConnections();
          await inFlight.settled();
          nodeHttp.closeIdleConnections(); // those whose last answer just went out
          await stopped;
        },
      });
    });
  });
}
