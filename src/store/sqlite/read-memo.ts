/**
 * Answers repeated point reads (an account's generation, a user by name, an access key) from memory
 * for as long as the database has not changed, so a signed request that reads what the one before it
 * read costs no query. "Not changed" is exact, not a time-to-live:
 *
 * - another connection's commit changes SQLite's `PRAGMA data_version` for this connection. Reading
 *   it costs about 3 µs in WAL mode, so it is read once per turn of the event loop, at the first
 *   memo read of the turn. A request sent after another process's commit (one the client learned
 *   of) arrives in an I/O poll that returned after that commit, so in a later turn or in this one
 *   after the poll: either way after the check. (libuv re-polls within one turn only when a poll
 *   returns over a thousand events at once; such a burst is not a supported multi-process setup.)
 * - this connection's own commits do not change `data_version`, so the store calls `invalidate()`
 *   after each of its transactions.
 *
 * Entries are filled only by reads that hold the process's connection mutex, so no fill overlaps a
 * transaction of this process: memory holds committed data only. Records are readonly by type and
 * are shared, never copied.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { BoundedMemo } from '../../kernel/bounded-memo.ts';

/** What `known` answers for a key not remembered. */
export const NOT_KNOWN: unique symbol = Symbol('not known');

/** The most entries kept per space (past it the space starts afresh, `BoundedMemo`). */
const MAX_ENTRIES = 10_000;

/** A memo of committed point reads, valid while the database is unchanged. */
export class ReadMemo {
  /**
   * Entries by space (what was read: `user`, `eks`, ...) and then by key, so that a key is the bare
   * value a request brings (an access key id, an account id that a cached record holds and whose hash
   * V8 then keeps) rather than a string concatenated, and hashed anew, for every read.
   */
  private readonly spaces = new Map<string, BoundedMemo<string, unknown>>();
  private readonly dataVersion: BetterSqlite3.Statement<[], number>;
  private seenVersion: number;
  /** Whether data_version was read in this turn of the event loop. */
  private checkedThisTurn = false;
  private readonly endTurn = (): void => {
    this.checkedThisTurn = false;
  };

  constructor(database: BetterSqlite3.Database) {
    this.dataVersion = database.prepare<[], number>('PRAGMA data_version').pluck();
    this.seenVersion = this.dataVersion.get()!;
  }

  /** The value of `key` in `space` as of now, or NOT_KNOWN (after dropping everything if another connection committed). */
  known(space: string, key: string): unknown {
    if (!this.checkedThisTurn) {
      this.checkedThisTurn = true;
      setImmediate(this.endTurn);
      const version = this.dataVersion.get()!;
      if (version !== this.seenVersion) {
        this.seenVersion = version;
        this.spaces.clear();
      }
    }
    const entries = this.spaces.get(space);
    if (entries === undefined) return NOT_KNOWN;
    // One lookup for a known value; a second only for undefined, which may be a remembered "none".
    const value = entries.peek(key);
    return value !== undefined || entries.has(key) ? value : NOT_KNOWN;
  }

  /** Records what a read under the mutex found. */
  set(space: string, key: string, value: unknown): void {
    let entries = this.spaces.get(space);
    if (entries === undefined) this.spaces.set(space, (entries = new BoundedMemo(MAX_ENTRIES)));
    entries.set(key, value);
  }

  /** Forgets everything: this process committed (or rolled back) a transaction. */
  invalidate(): void {
    this.spaces.clear();
  }
}
