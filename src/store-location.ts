/**
 * Where a command finds Tollgate's state: a data directory's SQLite file, or a PostgreSQL database that
 * several processes share (`--database`). `why` and `diagnose --data-dir` open it to read and decide:
 * no master key and no server, so they start in a fraction of `serve`'s time, whether or not a server
 * runs on it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeUrl } from './store/postgres/describe-url.ts';
import type { Store } from './store/store.ts';
import { StartupError } from './startup-error.ts';

/** A data directory, and the shared database that holds its state instead when given. */
export interface StoreLocation {
  readonly dataDir: string;
  readonly database?: string | undefined;
}

/** The location in words, for messages: the directory's absolute path, or the database's URL without its password. */
export function describeLocation(location: StoreLocation): string {
  return location.database === undefined ? `the data directory ${resolve(location.dataDir)}` : `the database ${describeUrl(location.database)}`;
}

/** The PostgreSQL store at `url`, a failure told as a StartupError naming the database (never its password). */
export async function openSharedStore(url: string): Promise<Store> {
  try {
    // Loaded only when asked for: a process on SQLite never loads pg.
    const { openPostgresStore } = await import('./store/postgres/postgres-store.ts');
    return await openPostgresStore({ url, onIdleError: () => undefined });
  } catch (error) {
    throw new StartupError(`cannot use database ${describeUrl(url)}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
  }
}

/** The store at `location`, opened to read; a StartupError when there is none (a reading command creates no data directory). */
export async function openStoreToRead(location: StoreLocation): Promise<Store> {
  if (location.database !== undefined) return openSharedStore(location.database);
  const dataDir = resolve(location.dataDir);
  const file = join(dataDir, 'tollgate.db');
  if (!existsSync(file)) throw new StartupError(`no Tollgate data directory at \`${dataDir}\` (no tollgate.db)`);
  const { openSqliteStore } = await import('./store/sqlite/sqlite-store.ts');
  return openSqliteStore({ file });
}
