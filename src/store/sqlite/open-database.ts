/**
 * Opens the SQLite file with the settings the Store's guarantees rest on:
 *
 * - `journal_mode = WAL`: readers never block the writer nor see its uncommitted pages, and a commit
 *   is one append to the log.
 * - `synchronous = FULL`: every COMMIT fsyncs the log before it returns. In WAL mode NORMAL would
 *   already keep every committed transaction across a crash of the process (SIGKILL: the log is in
 *   the OS's page cache); FULL also keeps it across an OS crash or power loss, for one fsync per
 *   write transaction, which IAM's write rates afford. So an acknowledged write is a durable one.
 * - `busy_timeout = 5000`: a writer that finds another process holding the write lock waits up to
 *   5 s (better-sqlite3 waits synchronously) before failing with SQLITE_BUSY.
 * - `foreign_keys = ON`: memberships, keys, login profiles and policy versions follow their owner.
 *
 * The file holds password hashes and sealed secrets, so it is made its owner's alone before SQLite
 * opens it (`../private-files.ts`): created 0600 (its directory 0700 when made here), or narrowed to
 * its owner when it exists wider, and likewise the `-wal` and `-shm` files, which SQLite then creates
 * with the database file's own permissions.
 *
 * The connection is answered as the driver made it; what Kysely receives keeps prepared statements
 * (`prepared-statements.ts`).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ensurePrivateFile, PRIVATE_DIRECTORY_MODE, restrictToOwner } from '../private-files.ts';

/** How long a writer waits for another process's write lock, in milliseconds. */
export const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating when needed) the database at `file`; `:memory:` gives a private in-memory one. */
export function openDatabase(file: string): BetterSqlite3.Database {
  const inMemory = file === ':memory:';
  if (!inMemory) {
    mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    ensurePrivateFile(file);
    restrictToOwner(`${file}-wal`);
    restrictToOwner(`${file}-shm`);
  }
  const database = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!inMemory) {
      const mode: unknown = database.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for \`${file}\` (got \`${String(mode)}\`)`);
    }
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}
