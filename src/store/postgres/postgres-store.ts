/**
 * The Store on PostgreSQL (docs/postgresql-store.md), for several Tollgate processes sharing one
 * database. It runs the SQLite store's repositories and migrations (both are written in Kysely's
 * portable query builder) through Kysely's PostgreSQL dialect on a `pg` pool.
 *
 * Locking. Every write, in `transaction` or alone, is a PostgreSQL transaction that first takes one
 * transaction-scoped advisory lock of the schema (`pg_advisory_xact_lock`), so write transactions of
 * every process run one at a time, as SQLite's `BEGIN IMMEDIATE` makes them: a check-then-write (two
 * access keys per user, five policy versions, one EKS update at a time) sees no other writer between
 * its check and its write. The audit trail's batches take a lock of their own (TRAIL_LOCK). Reads
 * outside a transaction run on any pooled connection, in parallel, and see committed data only.
 *
 * Exactness. Generations move in the write's own transaction (`../sqlite/account-generations.ts`), and
 * every write transaction sends a notification at its commit (`pg_notify`, queued with the lock). Each
 * process listens on a connection of its own (`change-listener.ts`), drops its read memo
 * (`snapshot-memo.ts`) on another process's notification and acknowledges it; a write is answered
 * once the processes listening at its commit have acknowledged (at most a second). While no
 * connection listens, the memo compares PostgreSQL's snapshot at each turn instead. So a change
 * committed by any process is seen by every process's next request.
 *
 * Faults. A refused or dropped connection becomes StoreUnavailable (`unavailable.ts`); a transaction
 * that did not commit left nothing, and the pool connects afresh when the database is back.
 *
 * INVARIANT: inside `transaction(work)`, `work` uses only the session it is given; a write through the
 * store itself would wait for the lock its own transaction holds. Under the test runner such a use is
 * refused with an error (AsyncLocalStorage, as in the SQLite store).
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { applyMigrations } from '../sqlite/migrate.ts';
import type { Runner } from '../sqlite/runner.ts';
import type { Database } from '../sqlite/schema.ts';
import { change, StoreGuard, transactionSession, type TouchingWork, type TransactionScope } from '../sqlite/transaction-scope.ts';
import { createSession } from '../sqlite/session.ts';
import type { Store, StoreSession } from '../store.ts';
import { describeUrl } from './describe-url.ts';
import { postgresColumnTypes } from './postgres-schema-plugin.ts';
import { trailRepository } from '../sqlite/repositories/trail-repository.ts';
import { ChangeListener, type ListenerState } from './change-listener.ts';
import { SnapshotMemo } from './snapshot-memo.ts';
import { storeError } from './unavailable.ts';
import { inTransactionOn } from '../sqlite/immediate-transaction.ts';

/** Where the PostgreSQL store keeps its data. */
export interface PostgresStoreOptions {
  /** `postgres://USER:PASSWORD@HOST:PORT/DATABASE`. */
  readonly url: string;
  /** The schema holding Tollgate's tables (created when missing); the user's default (`public`) when absent. */
  readonly schema?: string;
  /** The most connections the pool opens (10 by default). */
  readonly poolSize?: number;
  /** Refuse use of the store inside its own transaction; by default, under `node --test` only. */
  readonly detectNestedUse?: boolean;
  /** Told of errors of idle pooled connections (the server went away between queries). */
  readonly onIdleError?: (error: Error) => void;
  /** Told when the listening connection is lost (it connects again by itself). */
  readonly onListenerLost?: (error: Error | undefined) => void;
}

/** How long a write waits for the other processes' acknowledgements before it answers anyway. */
const ACK_TIMEOUT_MS = 1000;

/** Lock classes of `pg_advisory_xact_lock(class, hashtext(schema))`. */
const MIGRATION_LOCK = 74_131;
const WRITE_LOCK = 74_132;
/** The audit trail's own lock: its batches (numbered by `max(seq) + 1`) run one at a time, but not in the way of IAM and EKS writes. */
const TRAIL_LOCK = 74_133;

/** int8 (bigint) as a JavaScript number: epoch milliseconds, counts and generations are far below 2^53. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text'))) as typeof pg.types.getTypeParser,
};

/** Opens the PostgreSQL store at `options.url`, creating the schema and migrating it (once, whoever starts first). */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`\`${schema}\` is not a plain schema name`);
  const connection: pg.ClientConfig = {
    connectionString: options.url,
    connectionTimeoutMillis: 5000,
    types,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  // A connection whose server went away emits 'error' (the pool's, when idle; its own, when lent out or
  // being removed): unheard, either would end the process. The query that was running fails anyway.
  pool.on('error', (error) => options.onIdleError?.(error));
  pool.on('connect', (client) => client.on('error', (error) => options.onIdleError?.(error)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema !== undefined) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    await inLockedTransaction(db, MIGRATION_LOCK, (connection) => applyMigrations(connection.withPlugin(postgresColumnTypes)));
  } catch (error) {
    await db.destroy();
    throw storeError(error);
  }

  // One channel per schema: stores of other schemas in the database are not told of these writes.
  const channel = `tollgate_changes_${schema ?? 'public'}`;
  const memo = new SnapshotMemo(async () => {
    const result = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
    return result.rows[0]!.snapshot;
  });
  const listener = new ChangeListener({
    client: connection,
    channel,
    onListening: () => memo.trust(),
    onLost: (error) => {
      memo.distrust();
      options.onListenerLost?.(error);
    },
    onChange: () => memo.invalidate(),
  });
  await listener.start();
  const guard = new StoreGuard(options.detectNestedUse);

  // A write transaction: it notifies every process at its commit, drops this process's memo when it
  // ends, and answers once the processes listening at its commit have dropped theirs.
  const inTransaction = async <T>(work: (connection: Kysely<Database>, scope: TransactionScope) => Promise<T>): Promise<T> => {
    guard.refuseMisuse();
    const payload = listener.payload();
    const acknowledgements = listener.collect(payload);
    let result: T;
    try {
      result = await inLockedTransaction(db, WRITE_LOCK, async (connection) => {
        const scope: TransactionScope = { open: true, moved: new Set() };
        try {
          return await guard.within(scope, () => work(connection, scope));
        } finally {
          scope.open = false;
        }
      }, { channel, payload });
    } catch (error) {
      acknowledgements.cancel();
      throw storeError(error);
    } finally {
      memo.invalidate();
    }
    const own = listener.backendPid;
    if (own !== undefined) {
      // The listening connections named now listened at the commit, or began after it (and dropped their memo then).
      const others = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and application_name like ${`${listener.tag} %`} and pid <> ${own}`.execute(db)
        .then((found) => new Set(found.rows.map((row) => row.pid)), () => undefined);
      if (others !== undefined) await acknowledgements.wait(others, ACK_TIMEOUT_MS);
    }
    acknowledgements.cancel();
    return result;
  };

  const transaction = <T>(work: (session: StoreSession) => Promise<T>): Promise<T> => inTransaction((connection, scope) => {
    const session = transactionSession(connection, scope);
    // A transaction's trail writes take the trail's lock too (after the write lock, as no batch takes them).
    const lockTrail = () => sql`select pg_advisory_xact_lock(${sql.lit(TRAIL_LOCK)}, hashtext(current_schema()))`.execute(connection);
    return work({
      ...session,
      trail: {
        ...session.trail,
        append: async (records, retention) => { await lockTrail(); return session.trail.append(records, retention); },
        expire: async (before) => { await lockTrail(); return session.trail.expire(before); },
      },
    });
  });

  const touchingOutside = <R>(step: TouchingWork<R>): Promise<R> => inTransaction((connection, scope) => change(connection, scope, step));
  const read = async <T>(work: () => Promise<T>): Promise<T> => {
    guard.refuseMisuse();
    try {
      return await work();
    } catch (error) {
      throw storeError(error);
    }
  };

  const outside: Runner = {
    read: (work) => read(() => work(db)),
    memo: (space, key, work) => read(() => memo.read(space, key, () => work(db))),
    write: (accountId, work) => touchingOutside((db, touch) => { touch(accountId); return work(db); }),
    writeTouching: touchingOutside,
    writeQuietly: (work) => inTransaction((connection) => work(connection)),
  };

  // The audit trail is never read through the memo: its batches (outside a transaction) notify no one,
  // drop nothing, and take the trail's lock only, so that a long batch holds up no IAM or EKS write.
  const trail = trailRepository({
    ...outside,
    writeQuietly: async (work) => {
      guard.refuseMisuse();
      try {
        return await inLockedTransaction(db, TRAIL_LOCK, work);
      } catch (error) {
        throw storeError(error);
      }
    },
  });

  return {
    ...createSession(outside),
    trail,
    transaction,
    description: describeUrl(options.url) + (schema === undefined ? '' : ` (schema ${schema})`),
    ping: () => read(async () => { await sql`select 1`.execute(db); }),
    stats: () => ({ memoHits: memo.hits, memoMisses: memo.misses, pool: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }, listener: listenerState(listener.state) }),
    close: async () => {
      if (!guard.close()) return;
      await listener.close();
      await db.destroy();
    },
  };
}

/** What `/_tollgate/health` says of the listening connection. */
function listenerState(state: ListenerState): 'listening' | 'reconnecting' | 'closed' {
  return state === 'connecting' ? 'reconnecting' : state;
}

/**
 * Runs `work` in a transaction on one pooled connection, after taking the schema's advisory lock of
 * class `lock`; with `notify`, the same statement queues that notification, which PostgreSQL sends
 * if and only if the transaction commits.
 */
async function inLockedTransaction<T>(db: Kysely<Database>, lock: number, work: (connection: Kysely<Database>) => Promise<T>, notify?: { channel: string; payload: string }): Promise<T> {
  return inTransactionOn(db, sql`begin`, async (connection) => {
    if (notify === undefined) await sql`select pg_advisory_xact_lock(${sql.lit(lock)}, hashtext(current_schema()))`.execute(connection);
    else await sql`select pg_advisory_xact_lock(${sql.lit(lock)}, hashtext(current_schema())), pg_notify(${notify.channel}, ${notify.payload})`.execute(connection);
    return work(connection);
  });
}
