/**
 * Answers repeated point reads (an account's generation, a user by name, an access key) from memory
 * for as long as the database has not changed, as the SQLite store's read memo does. "Not changed" is
 * exact across processes, not a time-to-live: at the first memo read of each turn of the event loop,
 * the memo asks PostgreSQL for its current snapshot (`pg_current_snapshot()`: the oldest transaction
 * still running, the next transaction id, and those running in between). Two equal snapshots mean the
 * same set of committed transactions, so the same data; any commit since, by any process, changes
 * it, and the memo starts afresh. A request sent after a commit (one its client learned of) arrived
 * in an I/O poll that returned after that commit, so it is served by a turn whose check runs later
 * still. The one round trip is shared by every request of the turn, and saves the several reads of
 * each (generation, access key, user or role).
 *
 * Entries are filled only when no check or local write ran between the start and the end of the
 * read that found them (the epoch), so memory holds no value older than the snapshot it is kept under.
 * Records are readonly by type and are shared, never copied.
 */
import { BoundedMemo } from '../../kernel/bounded-memo.ts';

/** The most entries kept per space (past it the space starts afresh, `BoundedMemo`). */
const MAX_ENTRIES = 10_000;

/** A memo of committed point reads, kept exact by comparing PostgreSQL snapshots. */
export class SnapshotMemo {
  private readonly spaces = new Map<string, BoundedMemo<string, unknown>>();
  /** Moves whenever entries are dropped; a read that began in another epoch keeps nothing. */
  private epoch = 0;
  private seen: string | undefined;
  /** This turn's check, shared by every memo read of the turn. */
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

  /** Forgets everything: this process committed (or rolled back) a transaction. */
  invalidate(): void {
    this.epoch += 1;
    this.spaces.clear();
  }

  private current(): Promise<void> {
    if (this.check === undefined) {
      this.check = this.snapshot().then((snapshot) => {
        if (snapshot !== this.seen) {
          this.seen = snapshot;
          this.invalidate();
        }
      });
      setImmediate(this.endTurn);
    }
    return this.check;
  }
}
