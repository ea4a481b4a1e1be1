/**
 * The Store on an embedded SQLite file (docs/architecture.md, "The store"): one better-sqlite3 connection per
 * process, in WAL mode (see `open-database.ts` for durability).
 *
 * Locking. Across processes, every transaction begins with `BEGIN IMMEDIATE`, which takes SQLite's
 * single write lock before the first read, so a check-then-write (two access keys per user, a free
 * name) sees no other writer between its check and its write. Within the process, one FIFO mutex
 * runs transactions and the reads made outside any transaction one at a time on the shared
 * connection, so statements of concurrent transactions never interleave and a read never sees the
 * uncommitted writes of an in-flight transaction. Reads by other processes see committed data only
 * (WAL snapshots). A write made outside `transaction` runs as its own transaction. (Kysely's SQLite
 * driver also lends its one connection to one holder at a time; the mutex keeps the guarantee ours.)
 * better-sqlite3 is synchronous: a writer waiting for another process's lock blocks this process's
 * event loop for up to the busy timeout (5 s), which write transactions of milliseconds make rare.
 *
 * Generations. A write moves the generation of the account it changes on the connection it writes on,
 * so in the same transaction (`account-generations.ts`): once per account and transaction, right
 * after that account's first write in it.
 *
 * INVARIANT: inside `transaction(work)`, `work` uses only the session it is given. Using the store
 * itself there would wait for the very transaction it runs in. With `detectNestedUse` such a call is
 * refused with an error instead; the detection needs AsyncLocalStorage, whose promise hooks tax every
 * promise of the process (about a tenth of a request's cost), so it is on under the test runner and
 * off in a serving process.
 */
import { Kysely, sql, SqliteDialect } from 'kysely';
import type { Store, StoreSession } from '../store.ts';
import { AsyncMutex } from './async-mutex.ts';
import { inImmediateTransaction } from './immediate-transaction.ts';
import { migrate } from './migrate.ts';
import { openDatabase } from './open-database.ts';
import { TrailWriter } from './trail-writer.ts';
import { withPreparedStatements } from './prepared-statements.ts';
import { NOT_KNOWN, ReadMemo } from './read-memo.ts';
import type { DatabaseWork, Runner } from './runner.ts';
import type { Database } from './schema.ts';
import { change, StoreGuard, transactionSession, type TouchingWork, type TransactionScope } from './transaction-scope.ts';
import { createSession } from './session.ts';

/** Where the SQLite store keeps its data. */
export interface SqliteStoreOptions {
  /** A file path (its directory is created when missing), or `:memory:` for a private in-memory database. */
  readonly file: string;
  /** Refuse use of the store inside its own transaction (see above); by default, under `node --test` only. */
  readonly detectNestedUse?: boolean;
}

/** Opens the SQLite store at `file`, creating and migrating the database as needed. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const database = openDatabase(options.file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withPreparedStatements(database) }) });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const mutex = new AsyncMutex();
  const memo = new ReadMemo(database);
  const guard = new StoreGuard(options.detectNestedUse);
  let memoHits = 0;
  let memoMisses = 0;

  // Runs `work` in a BEGIN IMMEDIATE transaction, its turn taken on the process's mutex.
  const inTransaction = async <T>(work: (connection: Kysely<Database>, scope: TransactionScope) => Promise<T>): Promise<T> => {
    guard.refuseMisuse();
    return mutex.run(async () => {
      try {
        return await inImmediateTransaction(db, async (connection) => {
          const scope: TransactionScope = { open: true, moved: new Set() };
          try {
            return await guard.within(scope, () => work(connection, scope));
          } finally {
            scope.open = false;
          }
        });
      } finally {
        memo.invalidate();
      }
    });
  };

  const transaction = <T>(work: (session: StoreSession) => Promise<T>): Promise<T> => inTransaction((connection, scope) => work(transactionSession(connection, scope)));

  const touchingOutside = <R>(step: TouchingWork<R>): Promise<R> => inTransaction((connection, scope) => change(connection, scope, step));

  const outside: Runner = {
    read: async (work) => {
      guard.refuseMisuse();
      return mutex.run(() => work(db));
    },
    write: (accountId, work) => touchingOutside((db, touch) => { touch(accountId); return work(db); }),
    writeTouching: touchingOutside,
    writeQuietly: (work) => inTransaction((connection) => work(connection)),
    // Not an async function: a known value (nearly every read of a request) then costs one settled
    // promise rather than an async frame too; misuse still rejects rather than throws.
    memo: <T>(space: string, key: string, work: DatabaseWork<T>): Promise<T> => {
      try {
        guard.refuseMisuse();
      } catch (error) {
        return Promise.reject(error);
      }
      const known = memo.known(space, key);
      if (known !== NOT_KNOWN) {
        memoHits += 1;
        return Promise.resolve(known as T);
      }
      memoMisses += 1;
      return mutex.run(async () => {
        const value = await work(db);
        memo.set(space, key, value);
        return value;
      });
    },
  };

  // Outside a transaction the trail's batches go to a worker thread (trail-writer.ts), started at the first.
  let trailWriter: TrailWriter | undefined;
  const session = createSession(outside);
  const trail: StoreSession['trail'] = options.file === ':memory:' ? session.trail : {
    ...session.trail,
    // Not async: the batch is posted at once, and no suspended frame holds its events while it commits.
    append: (records, retention) => {
      try {
        guard.refuseMisuse();
        return (trailWriter ??= new TrailWriter(options.file)).append(records, retention);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };

  return {
    ...session,
    trail,
    transaction,
    description: `sqlite:${options.file}`,
    stats: () => ({ memoHits, memoMisses }),
    ping: () => outside.read(async (connection) => { await sql`select 1`.execute(connection); }),
    close: async () => {
      if (!guard.close()) return;
      await trailWriter?.close();
      await mutex.run(() => db.destroy());
    },
  };
}
