/**
 * Answers repeated point reads (an account's generation, a user by name, an access key) from memory
 * for as long as the database has not changed, as the SQLite store's read memo does. "Not changed" is
 * exact across processes, not a time-to-live, in one of two modes (docs/postgresql-store.md):
 *
 * - **Notified** (`trust()`), while the process's listening connection listens (`change-listener.ts`):
 *   every committed write of any process drops the memo, this process's at its end, the others' when
 *   their notification arrives, which their writer waits for. A memo read waits for the check phase
 *   of the event loop's turn, so every socket event the kernel reported together with the request
 *   that asked (a notification, or the loss of the listening connection) is handled before the memo
 *   answers.
 * - **Checked** (`distrust()`), while no connection listens (at start, after an error, reconnecting):
 *   at the first memo read of each turn the memo asks PostgreSQL for its current snapshot
 *   (`pg_current_snapshot()`: the oldest transaction still running, the next transaction id, and those
 *   running in between). Two equal snapshots mean the same set of committed transactions, so the same
 *   data; any commit since, by any process, changes it, and the memo starts afresh. One round trip per
 *   turn, shared by every request of the turn.
 *
 * Either switch drops every entry: notifications sent while nobody listened are lost, so a reconnect
 * reads everything again. Entries are filled only when nothing dropped the memo between the start and
 * the end of the read that found them (the epoch), so memory holds no value older than the last drop.
 * Records are readonly by type and are shared, never copied.
 */
import { BoundedMemo } from '../../kernel/bounded-memo.ts';

/** The most entries kept per space (past it the space starts afresh, `BoundedMemo`). */
const MAX_ENTRIES = 10_000;

/** A memo of committed point reads, kept exact by notifications, or by comparing PostgreSQL snapshots while they cannot be trusted. */
export class SnapshotMemo {
  private readonly spaces = new Map<string, BoundedMemo<string, unknown>>();
  /** Moves whenever entries are dropped; a read that began in another epoch keeps nothing. */
  private epoch = 0;
  private trusted = false;
  private seen: string | undefined;
  /** This turn's wait (notified) or check (checked), shared by every memo read of the turn. */
  private check: Promise<void> | undefined;
  /** Reads answered from memory, and read from the database. */
  hits = 0;
  misses = 0;
  private readonly endTurn = (): void => {
    this.check = undefined;
  };

  constructor(private readonly snapshot: () => Promise<string>) {}

  /** The value of `key` in `space`: remembered when the database is unchanged since it was read, else read by `load`. */
  async read<T>(space: string, key: string, load: () => Promise<T>): Promise<T> {
    await this.current();
    const entries = this.spaces.get(space);
    if (entries?.has(key)) {
      this.hits += 1;
      return entries.peek(key) as T;
    }
    this.misses += 1;
    const epoch = this.epoch;
    const value = await load();
    if (epoch === this.epoch) {
      let kept = this.spaces.get(space);
      if (kept === undefined) this.spaces.set(space, (kept = new BoundedMemo<string, unknown>(MAX_ENTRIES)));
      kept.set(key, value);
    }
    return value;
  }

  /** Forgets everything: a write committed (or rolled back), here or, as notified, in another process. */
  invalidate(): void {
    this.epoch += 1;
    this.spaces.clear();
  }

  /** Notifications arrive from now on: the memo drops everything and then trusts them. */
  trust(): void {
    this.invalidate();
    this.trusted = true;
    this.check = undefined;
  }

  /** Notifications may be missed from now on: the memo drops everything and compares snapshots each turn. */
  distrust(): void {
    this.invalidate();
    this.trusted = false;
    this.seen = undefined;
    this.check = undefined;
  }

  private current(): Promise<void> {
    if (this.check === undefined) {
      this.check = this.trusted ? new Promise((resolve) => setImmediate(resolve)) : this.compareSnapshots();
      setImmediate(this.endTurn);
    }
    return this.check;
  }

  private async compareSnapshots(): Promise<void> {
    const snapshot = await this.snapshot();
    if (snapshot !== this.seen) {
      this.seen = snapshot;
      this.invalidate();
    }
  }
}
