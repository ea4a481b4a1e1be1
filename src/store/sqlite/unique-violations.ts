/** Turns SQLite's UNIQUE and PRIMARY KEY constraint failures into the Store's typed UniqueViolation. */
import BetterSqlite3 from 'better-sqlite3';
import { UniqueViolation, type UniqueEntity } from '../store-errors.ts';

/** True when `error` is SQLite refusing a duplicate key. */
export function isSqliteUniqueFailure(error: unknown): boolean {
  return error instanceof BetterSqlite3.SqliteError
    && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/**
 * Runs `write`; a duplicate key becomes a UniqueViolation naming `entity` (SQLite's message names
 * only the table and columns, never the values, so no secret can leak through it).
 */
export async function rejectingDuplicates<T>(entity: UniqueEntity, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isSqliteUniqueFailure(error)) {
      throw new UniqueViolation(entity, `${entity} already exists`, { cause: error });
    }
    throw error;
  }
}
