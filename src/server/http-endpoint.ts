/**
 * The listening endpoint. Each connection starts on the fast path (fast-http-connection.ts), which
 * serves the plain HTTP/1.1 that AWS clients send; a connection whose next request is anything else
 * is handed, at that request boundary, to node:http (node-http-server.ts). Both paths end in
 * `app.handle`. Shutting down stops accepting, closes idle connections at once, lets in-flight requests
 * finish (for a bounded time), and closes every connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { App } from './app.ts';
import { FastHttpConnection, ResponseBatch } from './fast-http-connection.ts';
import { InFlight } from './in-flight.ts';
import { createNodeHttpServer, MAX_BODY_BYTES } from './node-http-server.ts';

/** How long an idle keep-alive connection stays open (above the 60 s idle timeout of common load balancers). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** How long shutting down waits for requests in flight before it closes their connections anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** A listening server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections, closes idle ones at once, and resolves once in-flight requests are
   * answered and every connection is closed; after `graceMs` (10 s by default) it closes the rest anyway.
   */
  close(graceMs?: number): Promise<void>;
}

/** Starts serving `app` on host:port (port 0 picks a free one). */
export function listen(app: App, host: string, port: number): Promise<RunningServer> {
  const inFlight = new InFlight();
  const nodeHttp = createNodeHttpServer(app, inFlight, KEEP_ALIVE_TIMEOUT_MS);
  const fast = new Set<FastHttpConnection>();
  /** Every open connection, whichever path serves it. */
  const sockets = new Set<Socket>();
  /**
   * The connections node:http serves, with the number of requests it is answering on each. (node:http
   * tracks idle connections only on a server it listens with, which this one never does.)
   */
  const handed = new Map<Socket, number>();
  let closing = false;
  nodeHttp.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    handed.set(socket, (handed.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const answering = (handed.get(socket) ?? 1) - 1;
      if (handed.has(socket)) handed.set(socket, answering);
      if (closing && answering === 0) socket.end();
    });
  });
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
      handed.set(socket, 0);
      socket.once('close', () => handed.delete(socket));
      nodeHttp.emit('connection', socket);
      process.nextTick(() => socket.resume());
    },
    released: (connection: FastHttpConnection) => fast.delete(connection),
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const connection = new FastHttpConnection(socket, context);
    fast.add(connection);
    if (closing) {
      closeOnceWritten(socket);
      connection.shutDown();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        close: async (graceMs = SHUTDOWN_GRACE_MS) => {
          closing = true;
          const stopped = new Promise<void>((closed) => server.close(() => closed()));
          let timer: NodeJS.Timeout | undefined;
          const graceOver = new Promise<void>((over) => { timer = setTimeout(over, graceMs); });
          // A connection whose last answer has gone out is closed outright: an idle keep-alive
          // client (a connection pool nobody reads) may never end its side.
          for (const socket of sockets) closeOnceWritten(socket);
          for (const connection of [...fast]) connection.shutDown();
          for (const [socket, answering] of handed) if (answering === 0) socket.end();
          context.responses.flush();
          await Promise.race([inFlight.settled(), graceOver]);
          // Every request is answered (or out of time): what is still open is idle, or half-received.
          context.responses.flush();
          for (const socket of sockets) if (!socket.writableEnded) socket.end();
          await Promise.race([stopped, graceOver]);
          for (const socket of sockets) socket.destroy();
          clearTimeout(timer);
          await stopped;
        },
      });
    });
  });
}

/** Closes `socket` once its writable side has finished: the answers written to it have been sent. */
function closeOnceWritten(socket: Socket): void {
  if (socket.writableFinished) socket.destroy();
  else socket.once('finish', () => socket.destroy());
}
