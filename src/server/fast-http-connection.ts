/**
 * One connection on the endpoint's fast path: plain HTTP/1.1 requests with Content-Length bodies (what
 * the AWS SDKs, the AWS CLI, boto3 and kubectl send) are parsed here, one at a time in arrival order,
 * and each answer leaves in a single write. node:http spends about as much per request as deciding
 * an IAM call does; this path spends a fraction of it.
 *
 * Answers finished during one turn of the event loop are written together at its end (see
 * ResponseBatch), and the first request this path does not take (see http1-request-head.ts) hands the connection, at
 * that request boundary, to node:http with the bytes not yet consumed; node:http then serves it to
 * the end. Timeouts follow node:http's defaults: a head within 60 s, a whole request within 300 s,
 * an idle keep-alive connection closed after `keepAliveTimeoutMs`.
 */
import { STATUS_CODES } from 'node:http';
import { TimeText } from '../kernel/time-text.ts';
import type { Socket } from 'node:net';
import type { App } from './app.ts';
import { splitTarget, type HttpRequest, type HttpResponse } from './http-exchange.ts';
import { EndOfTurnBatch } from './end-of-turn-batch.ts';
import { FIELD_VALUE, readRequestHead, TOKEN, type RequestHead } from './http1-request-head.ts';
import type { InFlight } from './in-flight.ts';
import { peerAddress } from './node-http-server.ts';

const HEAD_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 300_000;
const EMPTY = Buffer.alloc(0);
const INTERNAL_ERROR: HttpResponse = { status: 500, headers: { 'content-type': 'text/plain' }, body: '' };

/** What a fast connection needs from the endpoint. */
export interface FastPathContext {
  readonly app: App;
  readonly inFlight: InFlight;
  readonly maxBodyBytes: number;
  readonly keepAliveTimeoutMs: number;
  readonly responses: ResponseBatch;
  /** Gives the socket, and the bytes read but not consumed, to node:http. */
  handOver(socket: Socket, unread: Buffer): void;
  /** Called once the connection is closed or handed over. */
  released(connection: FastHttpConnection): void;
}

/** Serves one socket until it closes or is handed to node:http. */
export class FastHttpConnection {
  private unread: Buffer = EMPTY;
  private busy = false;
  private closing = false;
  private done = false;
  private peerEnded = false;
  /** Since when the request being received has been awaited (0 when none is). */
  private receivingSince = 0;
  private readonly sourceIp: string;
  private readonly onData = (chunk: Buffer): void => this.received(chunk);
  /** The client will send no more: answer what is in hand, then close. */
  private readonly onEnd = (): void => {
    this.closing = true;
    this.peerEnded = true;
    if (!this.busy) this.next();
  };
  private readonly onTimeout = (): void => {
    if (!this.busy) this.finish(true);
  };
  private readonly onClose = (): void => this.release();
  private readonly onError = (): void => this.finish(true);

  constructor(private readonly socket: Socket, private readonly context: FastPathContext) {
    this.sourceIp = peerAddress(socket.remoteAddress);
    socket.setNoDelay(true);
    socket.setTimeout(context.keepAliveTimeoutMs);
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('timeout', this.onTimeout);
    socket.on('close', this.onClose);
    socket.on('error', this.onError);
  }

  /** The server is shutting down: finish the request in hand, then close; close at once when idle. */
  shutDown(): void {
    this.closing = true;
    if (!this.busy && this.unread.length === 0) this.finish(false);
  }

  private received(chunk: Buffer): void {
    this.unread = this.unread.length === 0 ? chunk : Buffer.concat([this.unread, chunk]);
    if (!this.busy) this.next();
  }

  /** Takes the next whole request from `unread`, if there is one. */
  private next(): void {
    if (this.done) return;
    if (this.unread.length === 0) {
      this.receivingSince = 0;
      if (this.closing) this.finish(false);
      return;
    }
    this.receivingSince ||= Date.now();
    const head = readRequestHead(this.unread, 0, this.context.maxBodyBytes);
    if (head === 'unusual') return this.handOver();
    const waited = Date.now() - this.receivingSince;
    if (head === 'incomplete') {
      if (this.peerEnded || waited > HEAD_TIMEOUT_MS) this.finish(true);
      return;
    }
    const total = head.headBytes + head.bodyBytes;
    if (this.unread.length < total) {
      if (this.peerEnded || waited > REQUEST_TIMEOUT_MS) this.finish(true);
      return;
    }
    const body = this.unread.subarray(head.headBytes, total);
    this.unread = this.unread.length === total ? EMPTY : this.unread.subarray(total);
    this.receivingSince = 0;
    this.busy = true;
    this.context.inFlight.begin();
    void this.answer(head, body);
  }

  private async answer(head: RequestHead, body: Buffer): Promise<void> {
    let response: HttpResponse;
    try {
      response = await this.context.app.handle(this.request(head, body));
    } catch {
      response = INTERNAL_ERROR;
    }
    this.busy = false;
    this.context.inFlight.end();
    if (this.done) return;
    let keepAlive = head.keepAlive && !this.closing;
    let wire: string | Buffer;
    try {
      wire = serialize(response, keepAlive, this.context.keepAliveTimeoutMs);
      if (response.bodyBytes) wire = Buffer.concat([Buffer.from(wire, 'latin1'), response.bodyBytes]);
    } catch {
      keepAlive = false;
      wire = serialize(INTERNAL_ERROR, false, 0);
    }
    if (keepAlive) {
      this.context.responses.add(this.socket, wire, false);
      this.next();
    } else {
      this.context.responses.add(this.socket, wire, true);
      this.release();
    }
  }

  private request(head: RequestHead, body: Buffer): HttpRequest {
    return {
      method: head.method,
      ...splitTarget(head.target),
      headers: head.headers,
      body,
      sourceIp: this.sourceIp,
      secure: false,
    };
  }

  private handOver(): void {
    this.detach();
    this.context.handOver(this.socket, this.unread);
    this.unread = EMPTY;
    this.context.released(this);
  }

  /** Ends the connection: gracefully after the answers queued for it, or at once (`abort`). */
  private finish(abort: boolean): void {
    if (this.done) return;
    if (abort) this.socket.destroy();
    else this.context.responses.add(this.socket, '', true);
    this.release();
  }

  private release(): void {
    if (this.done) return;
    this.detach();
    this.socket.on('error', () => {}); // errors after we let go (a reset during end) are of no interest
    this.context.released(this);
  }

  private detach(): void {
    this.done = true;
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('timeout', this.onTimeout);
    this.socket.off('close', this.onClose);
    this.socket.off('error', this.onError);
    this.socket.setTimeout(0);
  }
}

/**
 * Answers waiting for the end of the current turn of the event loop. Under load one turn answers many
 * connections; written back to back, they wake the client once rather than once each, which on this
 * kind of virtual machine halves what a write costs (about 16 µs → 9 µs here). The wait is at most
 * the rest of the turn.
 */
export class ResponseBatch {
  private readonly batch = new EndOfTurnBatch<{ socket: Socket; wire: string | Buffer; end: boolean }>((answers) => {
    for (const { socket, wire, end } of answers) {
      if (socket.destroyed) continue;
      if (end) socket.end(wire);
      else socket.write(wire);
    }
  });

  /** Queues `wire` for `socket`, to be followed by the end of the connection when `end`. */
  add(socket: Socket, wire: string | Buffer, end: boolean): void {
    this.batch.add({ socket, wire, end });
  }

  /** Writes what is queued now. */
  flush(): void {
    this.batch.flush();
  }
}

/** The response as bytes on the wire, in node:http's header style (Date, Connection, Keep-Alive); without `bodyBytes`, which go after it. */
function serialize(response: HttpResponse, keepAlive: boolean, keepAliveTimeoutMs: number): string {
  let head = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? 'Unknown'}\r\n`;
  for (const name in response.headers) {
    const value = response.headers[name]!;
    // A CR or LF from data would split the response; such a header is a bug, answered as a 500.
    if (!TOKEN.test(name) || !FIELD_VALUE.test(value)) throw new TypeError(`invalid response header ${name}`);
    head += `${name}: ${value}\r\n`;
  }
  head += `content-length: ${response.bodyBytes ? response.bodyBytes.length : Buffer.byteLength(response.body)}\r\nDate: ${httpDate()}\r\n`;
  head += keepAlive ? `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(keepAliveTimeoutMs / 1000)}\r\n\r\n` : 'Connection: close\r\n\r\n';
  return head + response.body;
}

const HTTP_DATE = new TimeText(1000, (ms) => new Date(ms).toUTCString());

/** The IMF-fixdate of now. */
function httpDate(): string {
  return HTTP_DATE.at(Date.now());
}
