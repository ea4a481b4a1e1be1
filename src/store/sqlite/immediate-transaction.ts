/**
 * SQLite write transactions that take the database's write lock at BEGIN (`BEGIN IMMEDIATE`), so
 * that a check-then-write (a quota, a uniqueness check) cannot interleave with another process's.
 * Kysely's own SQLite transactions start with a plain (deferred) BEGIN, which would only lock at the
 * first write and then fail with SQLITE_BUSY instead of waiting; hence this.
 */
import { sql, type Kysely } from 'kysely';

/**
 * Runs `work` on the connection between `BEGIN IMMEDIATE` and `COMMIT`, rolling back when it throws.
 * Waits (up to the connection's busy timeout) while another process holds the write lock.
 */
export async function inImmediateTransaction<DB, T>(db: Kysely<DB>, work: (connection: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
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
