/**
 * The process's listening connection (docs/postgresql-store.md, "Exact across processes"): one
 * dedicated `pg` client, outside the pool, that LISTENs on the schema's change channel. Every write
 * transaction of every process sends one notification on that channel at its commit
 * (`pg_notify`, sent if and only if the transaction commits), its payload the writer's nonce and a
 * counter, so a writer recognises its own notification (its echo) among the others'.
 *
 * While the connection listens, the store trusts its read memo and drops it on each other process's
 * notification (`onChange`); the moment the connection is lost (an error, PostgreSQL restarting, the
 * backend terminated), `onLost` tells the store to stop trusting the memo, and the listener connects
 * again by itself, with a growing pause. `onListening` is told after LISTEN has succeeded again:
 * notifications sent while nobody listened are lost, so the store then drops the whole memo.
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

/** A writer's wait for its own notification. */
export interface Echo {
  wait(timeoutMs: number): Promise<boolean>;
  cancel(): void;
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
  /** Writers waiting for their echo, by payload. */
  private readonly waiting = new Map<string, (heard: boolean) => void>();

  constructor(private readonly options: ChangeListenerOptions) {}

  /** Whether notifications are being received now. */
  get state(): ListenerState {
    return this.current;
  }

  /** Connects and listens; resolves once the first attempt has succeeded or failed (a failure is retried in the background). */
  start(): Promise<void> {
    return this.connect();
  }

  /** A payload no other write of any process uses. */
  payload(): string {
    return `${this.nonce}:${(this.sent += 1)}`;
  }

  /**
   * Starts waiting for the notification carrying `payload` to come back on this connection. Call it
   * before the transaction commits (the echo may arrive before COMMIT's answer); then `wait` resolves
   * true when it has come, false when the connection is lost first or `timeoutMs` passes (the
   * connection is then taken for broken and made anew), and `cancel` forgets it (a rollback).
   */
  expect(payload: string): Echo {
    if (this.current !== 'listening') return { wait: () => Promise.resolve(false), cancel: () => undefined };
    let settle!: (heard: boolean) => void;
    const heard = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    this.waiting.set(payload, settle);
    const client = this.client;
    return {
      wait: (timeoutMs) => {
        if (!this.waiting.has(payload)) return heard;
        const timeout = setTimeout(() => {
          if (this.waiting.get(payload) !== settle) return;
          this.waiting.delete(payload);
          settle(false);
          this.lose(client, new Error(`the notification of a committed write did not come back within ${timeoutMs} ms`));
        }, timeoutMs);
        return heard.finally(() => clearTimeout(timeout));
      },
      cancel: () => {
        if (this.waiting.get(payload) === settle) this.waiting.delete(payload);
        settle(false);
      },
    };
  }

  /** Ends the connection for good. */
  async close(): Promise<void> {
    this.current = 'closed';
    clearTimeout(this.timer);
    this.settleAll(false);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    if (this.current === 'closed') return;
    const client = new pg.Client({ ...this.options.client, application_name: 'tollgate-listener', keepAlive: true });
    this.client = client;
    client.on('error', (error) => this.lose(client, error));
    client.on('end', () => this.lose(client, undefined));
    client.on('notification', (message) => {
      if (client !== this.client) return;
      const payload = message.payload ?? '';
      const waiter = this.waiting.get(payload);
      if (waiter !== undefined) {
        this.waiting.delete(payload);
        waiter(true);
      } else if (!payload.startsWith(`${this.nonce}:`)) this.options.onChange();
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
    this.settleAll(false);
    this.options.onLost(error);
    this.timer = setTimeout(() => void this.connect(), this.pause);
    this.timer.unref();
    this.pause = Math.min(this.pause * 2, LONGEST_PAUSE_MS);
  }

  private settleAll(heard: boolean): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const settle of waiting) settle(heard);
  }
}
