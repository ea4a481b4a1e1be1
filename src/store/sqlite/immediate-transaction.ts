/**
 * Transactions run by hand on one connection, for both stores: Kysely's own SQLite transactions start
 * with a plain (deferred) BEGIN, which would only lock at the first write and then fail with
 * SQLITE_BUSY instead of waiting, and the PostgreSQL store takes an advisory lock as its first step.
 * SQLite's write transactions take the database's write lock at BEGIN (`BEGIN IMMEDIATE`), so that a
 * check-then-write (a quota, a uniqueness check) cannot interleave with another process's.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Runs `work` on one connection between `begin` and `COMMIT`, rolling back when it (or the COMMIT)
 * throws, so the connection never goes back to its pool inside a transaction.
 */
export async function inTransactionOn<DB, T>(db: Kysely<DB>, begin: RawBuilder<unknown>, work: (connection: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await begin.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      // A failed COMMIT may have ended the transaction already; the original error is what matters.
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Runs `work` on the connection between `BEGIN IMMEDIATE` and `COMMIT`, rolling back when it throws.
 * Waits (up to the connection's busy timeout) while another process holds the write lock.
 */
export async function inImmediateTransaction<DB, T>(db: Kysely<DB>, work: (connection: Kysely<DB>) => Promise<T>): Promise<T> {
  return inTransactionOn(db, sql`begin immediate`, work);
}
