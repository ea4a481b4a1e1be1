/**
 * What Kysely's SQLite dialect is given in place of the better-sqlite3 connection: the slice of it the
 * dialect uses (Kysely's `SqliteDatabase`: `prepare` and `close`), with prepared statements kept by
 * their SQL text. Kysely's driver prepares every statement it runs, and compiling the same SQL again on
 * every request was a fifth of a signed request's cost. The connection itself is left as the driver
 * made it: its own `prepare` still prepares afresh, so what else uses it (the read memo's
 * `PRAGMA data_version`, set to pluck) shares no statement with Kysely.
 *
 * Sharing a statement is sound because Kysely runs statements to completion one at a time on the one
 * connection (its driver lends the connection to one holder at a time, and the store's mutex does too),
 * no statement is iterated while another use of it starts, and a statement keeps its SQL for life.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { BoundedCache } from '../../kernel/bounded-cache.ts';

/** How many distinct statements are kept; queries with `in (?, ?, …)` lists make the set open-ended. */
const STATEMENT_CACHE_SIZE = 512;

/** `database` (a better-sqlite3 connection) as Kysely's dialect needs it, answering a statement already prepared for the same SQL. */
export function withPreparedStatements(database: SqliteDatabase, max = STATEMENT_CACHE_SIZE): SqliteDatabase {
  // The least recently used statement goes first: the repositories' hot statements outlive a run of one-off `in` lists.
  const statements = new BoundedCache<string, SqliteStatement>(max);
  return {
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement === undefined) statements.set(sql, (statement = database.prepare(sql)));
      return statement;
    },
    close(): void {
      database.close();
    },
  };
}
