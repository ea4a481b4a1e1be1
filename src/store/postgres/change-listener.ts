/**
 * The process's listening connection (docs/postgresql-store.md, "Exact across processes"): one
 * dedicated `pg` client, outside the pool, that LISTENs on the schema's change channel. Every write
 * transaction of every process sends one notification on that channel at its commit
 * (`pg_notify`, sent if and only if the transaction commits), its payload the writer's nonce and a
 * counter, so that a process recognises its own notifications among the others'.
 *
 * While the connection listens, the store trusts its read memo, drops it on each other process's
 * notification (`onChange`), and makes sure with `barrier` that every notification committed before
 * a request arrived has been handled before the memo answers the request. The moment the connection
 * is lost (an error, PostgreSQL restarting, the backend terminated), `onLost` tells the store to stop
 * trusting the memo, and the listener connects again by itself, with a growing pause. `onListening`
 * is told after LISTEN has succeeded again: notifications sent while nobody listened are lost, so the
 * store then drops the whole memo. The connection is named `tollgate-listener <pid>` in
 * `pg_stat_activity`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The first pause before connecting again, and the longest. */
const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 2000;

/** The state `/_tollgate/health` reports. */
export type ListenerState = 'listening' | 'connecting' | 'closed';

/** What the listener needs and tells. */
export interface ChangeListenerOptions {
  /** How to reach the database (the pool's own settings). */
  readonly client: pg.ClientConfig;
  /** The channel, an SQL identifier. */
  readonly channel: string;
  /** LISTEN has succeeded (at first or again): notifications from now on will arrive. */
  readonly onListening: () => void;
  /** The connection is lost: notifications may be missed until `onListening`. */
  readonly onLost: (error: Error | undefined) => void;
  /** Another process committed a write. */
  readonly onChange: () => void;
}

/** One listening connection, connected again by itself whenever it is lost. */
export class ChangeListener {
  /** This process's mark in payloads: random, so that no two processes share it. */
  private readonly nonce = randomBytes(9).toString('base64url');
  private sent = 0;
  private client: pg.Client | undefined;
  private current: ListenerState = 'connecting';
  private pause = FIRST_PAUSE_MS;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ChangeListenerOptions) {}

  /** Whether notifications are being received now. */
  get state(): ListenerState {
    return this.current;
  }

  /** Connects and listens; resolves once the first attempt has succeeded or failed (a failure is retried in the background). */
  start(): Promise<void> {
    return this.connect();
  }

  /** A payload no other write of any process uses; the listener recognises this process's own. */
  payload(): string {
    return `${this.nonce}:${(this.sent += 1)}`;
  }

  /**
   * Resolves once every notification committed before this call has been handled (`onChange`):
   * an empty query on the listening connection, answered only after the backend has sent the
   * notifications it was signalled for (PostgreSQL signals listening backends before it acknowledges
   * the COMMIT, and a backend delivers pending notifications before it reads the next command), on
   * the same ordered stream. Rejects when the connection does not listen, is lost, or does not
   * answer within `timeoutMs` (it is then taken for broken and made anew).
   */
  barrier(timeoutMs: number): Promise<void> {
    const client = this.client;
    if (this.current !== 'listening' || client === undefined) return Promise.reject(new Error('no connection listens'));
    return new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => {
        const error = new Error(`the listening connection did not answer within ${timeoutMs} ms`);
        this.lose(client, error);
        reject(error);
      }, timeoutMs);
      client.query(';').then(() => {
        clearTimeout(timeout);
        // Lost meanwhile: a notification may have been missed before the answer.
        if (client === this.client) resolve();
        else reject(new Error('the listening connection was lost'));
      }, (error: unknown) => {
        clearTimeout(timeout);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  /** Ends the connection for good. */
  async close(): Promise<void> {
    this.current = 'closed';
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    if (this.current === 'closed') return;
    const client = new pg.Client({ ...this.options.client, application_name: `tollgate-listener ${process.pid}`, keepAlive: true });
    this.client = client;
    client.on('error', (error) => this.lose(client, error));
    client.on('end', () => this.lose(client, undefined));
    client.on('notification', (message) => {
      if (client !== this.client) return;
      const payload = message.payload ?? '';
      // This process's own writes dropped its memo as they ended.
      if (!payload.startsWith(`${this.nonce}:`)) this.options.onChange();
    });
    try {
      await client.connect();
      await client.query(`listen ${this.options.channel}`);
    } catch (error) {
      this.lose(client, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    // Closed, or lost, meanwhile.
    if (client !== this.client) return;
    this.current = 'listening';
    this.pause = FIRST_PAUSE_MS;
    this.options.onListening();
  }

  /** `client` failed: stop trusting, settle the writers waiting on it, and connect again after a pause. */
  private lose(client: pg.Client | undefined, error: Error | undefined): void {
    if (client === undefined || client !== this.client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.current === 'closed') return;
    this.current = 'connecting';
    this.options.onLost(error);
    this.timer = setTimeout(() => void this.connect(), this.pause);
    this.timer.unref();
    this.pause = Math.min(this.pause * 2, LONGEST_PAUSE_MS);
  }
}
