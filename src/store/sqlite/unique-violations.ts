/** Turns SQLite's and PostgreSQL's unique and primary key constraint failures into the Store's typed UniqueViolation. */
import BetterSqlite3 from 'better-sqlite3';
import { UniqueViolation, type UniqueEntity } from '../store-errors.ts';

/** True when `error` is SQLite refusing a duplicate key. */
export function isSqliteUniqueFailure(error: unknown): boolean {
  return error instanceof BetterSqlite3.SqliteError
    && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/** True when `error` is PostgreSQL refusing a duplicate key (SQLSTATE 23505, unique_violation). */
export function isPostgresUniqueFailure(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === '23505';
}

/**
 * Runs `write`; a duplicate key becomes a UniqueViolation naming `entity` (the databases' messages
 * name tables, columns or values; none is passed on, so no secret can leak through it).
 */
export async function rejectingDuplicates<T>(entity: UniqueEntity, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isSqliteUniqueFailure(error) || isPostgresUniqueFailure(error)) {
      throw new UniqueViolation(entity, `${entity} already exists`, { cause: error });
    }
    throw error;
  }
}
