/**
 * The process's listening connection (docs/postgresql-store.md, "Exact across processes"): one
 * dedicated `pg` client, outside the pool, that LISTENs on the schema's change channel.
 *
 * Every write transaction of every process sends one notification on the channel at its commit
 * (`pg_notify`, sent if and only if the transaction commits), its payload the writer's nonce and a
 * counter. A process told of another's write drops its read memo (`onChange`) and then answers with
 * an acknowledgement on the same channel (`ack <payload>`), sent from its listening connection. The
 * writer collects the acknowledgements of the listening connections that were there at its commit
 * (`awaitAcknowledgements`), so it answers its client only once every other process has dropped what
 * the write made stale.
 *
 * The moment the connection is lost (an error, PostgreSQL restarting, the backend terminated),
 * `onLost` tells the store to stop trusting its memo, and the listener connects again by itself, with
 * a growing pause. `onListening` is told after LISTEN has succeeded again: notifications sent while
 * nobody listened are lost, so the store then drops the whole memo. Only then is the connection named
 * `tollgate-listener <channel tag> <pid>` in `pg_stat_activity`, which is how writers find the
 * connections whose acknowledgements they wait for.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

/** The first pause before connecting again, and the longest. */
const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 2000;
/** The prefix of an acknowledgement's payload. */
const ACK = 'ack ';

/** The state `/_tollgate/health` reports. */
export type ListenerState = 'listening' | 'connecting' | 'closed';

/** What the listener needs and tells. */
export interface ChangeListenerOptions {
  /** How to reach the database (the pool's own settings). */
  readonly client: pg.ClientConfig;
  /** The channel: lower-case letters, digits and underscores. */
  readonly channel: string;
  /** LISTEN has succeeded (at first or again): notifications from now on will arrive. */
  readonly onListening: () => void;
  /** The connection is lost: notifications may be missed until `onListening`. */
  readonly onLost: (error: Error | undefined) => void;
  /** Another process committed a write. */
  readonly onChange: () => void;
}

/** A write's wait for the acknowledgements of the other processes. */
interface Waiter {
  readonly acknowledged: Set<number>;
  expected: ReadonlySet<number> | undefined;
  settle(complete: boolean): void;
}

/** One listening connection, connected again by itself whenever it is lost. */
export class ChangeListener {
  /** This process's mark in payloads: random, so that no two processes share it. */
  private readonly nonce = randomBytes(9).toString('base64url');
  /** How the listening connections of this channel are named in `pg_stat_activity` (before the pid). */
  readonly tag: string;
  private sent = 0;
  private client: pg.Client | undefined;
  /** The backend pid of the listening connection, while it listens. */
  private backend: number | undefined;
  private current: ListenerState = 'connecting';
  private pause = FIRST_PAUSE_MS;
  private timer: NodeJS.Timeout | undefined;
  private readonly waiting = new Map<string, Waiter>();
  /** Acknowledgements not yet sent, and whether a query sending some is on its way. */
  private unsent: string[] = [];
  private acking = false;

  constructor(private readonly options: ChangeListenerOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) throw new Error(`\`${options.channel}\` is not a plain channel name`);
    this.tag = `tollgate-listener ${createHash('sha256').update(options.channel).digest('hex').slice(0, 12)}`;
  }

  /** Whether notifications are being received now. */
  get state(): ListenerState {
    return this.current;
  }

  /** The backend pid of the listening connection while it listens (a writer waits for no acknowledgement of its own). */
  get backendPid(): number | undefined {
    return this.current === 'listening' ? this.backend : undefined;
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
   * Starts collecting the acknowledgements of the write notified with `payload`; call it before the
   * commit, since they may arrive before COMMIT's answer. `wait(expected)` then resolves true once
   * every backend pid of `expected` has acknowledged, false when this connection does not listen, is
   * lost meanwhile, or `timeoutMs` passes first. `cancel` forgets the wait (the transaction rolled back).
   */
  collect(payload: string): { wait(expected: ReadonlySet<number>, timeoutMs: number): Promise<boolean>; cancel(): void } {
    if (this.current !== 'listening') return { wait: () => Promise.resolve(false), cancel: () => undefined };
    let settle!: (complete: boolean) => void;
    const done = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    const waiter: Waiter = {
      acknowledged: new Set(),
      expected: undefined,
      settle: (complete) => {
        if (this.waiting.get(payload) === waiter) this.waiting.delete(payload);
        settle(complete);
      },
    };
    this.waiting.set(payload, waiter);
    return {
      wait: (expected, timeoutMs) => {
        if (this.waiting.get(payload) !== waiter) return done;
        waiter.expected = expected;
        if ([...expected].every((pid) => waiter.acknowledged.has(pid))) waiter.settle(true);
        else {
          const timeout = setTimeout(() => waiter.settle(false), timeoutMs);
          void done.then(() => clearTimeout(timeout));
        }
        return done;
      },
      cancel: () => waiter.settle(false),
    };
  }

  /** Ends the connection for good. */
  async close(): Promise<void> {
    this.current = 'closed';
    clearTimeout(this.timer);
    this.settleAll();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    if (this.current === 'closed') return;
    const client = new pg.Client({ ...this.options.client, application_name: 'tollgate-listener (starting)', keepAlive: true });
    this.client = client;
    client.on('error', (error) => this.lose(client, error));
    client.on('end', () => this.lose(client, undefined));
    client.on('notification', (message) => {
      if (client === this.client) this.heard(client, message);
    });
    try {
      await client.connect();
      await client.query(`listen ${this.options.channel}`);
      this.backend = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      // Named only now that it listens: a writer that finds it may count on its acknowledgement.
      await client.query(`set application_name = '${this.tag} ${process.pid}'`);
    } catch (error) {
      this.lose(client, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    // Closed, or lost, meanwhile.
    if (client !== this.client) return;
    this.current = 'listening';
    this.pause = FIRST_PAUSE_MS;
    this.options.onListening();
    void this.sendAcknowledgements(client); // any heard while the connection was being set up
  }

  private heard(client: pg.Client, message: pg.Notification): void {
    const payload = message.payload ?? '';
    if (payload.startsWith(ACK)) {
      const waiter = this.waiting.get(payload.slice(ACK.length));
      if (waiter === undefined) return;
      waiter.acknowledged.add(message.processId);
      if (waiter.expected !== undefined && [...waiter.expected].every((pid) => waiter.acknowledged.has(pid))) waiter.settle(true);
      return;
    }
    // This process's own writes dropped its memo as they ended.
    if (payload.startsWith(`${this.nonce}:`)) return;
    this.options.onChange();
    // Dropped: now the writer may answer its client.
    this.unsent.push(ACK + payload);
    void this.sendAcknowledgements(client);
  }

  /**
   * Sends the acknowledgements heard so far from `client`, once it listens: one query at a time (a `pg`
   * client runs one query at a time; pg@9 refuses a second while one runs), each carrying all that
   * gathered while the previous one was on its way. A failure is the connection's, heard through 'error'.
   */
  private async sendAcknowledgements(client: pg.Client): Promise<void> {
    if (this.acking || this.current !== 'listening') return;
    this.acking = true;
    try {
      while (this.unsent.length > 0 && client === this.client) {
        const payloads = this.unsent;
        this.unsent = [];
        await client.query('select pg_notify($1, payload) from unnest($2::text[]) as payload', [this.options.channel, payloads]).catch(() => undefined);
      }
    } finally {
      this.acking = false;
    }
    // Lost meanwhile and listening again on a new connection: what it heard is sent from there.
    if (this.unsent.length > 0 && this.client !== undefined && this.client !== client) void this.sendAcknowledgements(this.client);
  }

  /** `client` failed: stop trusting, give up the waits on it, and connect again after a pause. */
  private lose(client: pg.Client | undefined, error: Error | undefined): void {
    if (client === undefined || client !== this.client) return;
    this.client = undefined;
    this.backend = undefined;
    this.unsent = []; // the writers waiting for them are given up on the other side, or time out
    client.end().catch(() => undefined);
    if (this.current === 'closed') return;
    this.current = 'connecting';
    this.settleAll();
    this.options.onLost(error);
    this.timer = setTimeout(() => void this.connect(), this.pause);
    this.timer.unref();
    this.pause = Math.min(this.pause * 2, LONGEST_PAUSE_MS);
  }

  private settleAll(): void {
    for (const waiter of [...this.waiting.values()]) waiter.settle(false);
  }
}
