/**
 * The files Tollgate keeps secrets in (the database with its WAL and shared-memory files: password
 * hashes and sealed secrets; the master key; the root credentials) are its owner's alone: created with
 * mode 0600, in a directory created 0700, whatever the process's umask lets through and whether or not
 * the directory already existed. An existing one with a wider mode is narrowed (its group and other
 * bits cleared) when Tollgate opens it.
 */
import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

/** The mode of a file Tollgate creates. */
export const PRIVATE_FILE_MODE = 0o600;
/** The mode of a directory Tollgate creates. */
export const PRIVATE_DIRECTORY_MODE = 0o700;

/** Clears the group and other permissions of `path` if it exists with some; returns its former mode then. */
export function restrictToOwner(path: string): number | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((mode & 0o077) === 0) return undefined;
  try {
    chmodSync(path, mode & 0o700);
  } catch (error) {
    throw new Error(`${path} is readable by others (mode ${mode.toString(8)}) and cannot be restricted to its owner: ${(error as Error).message}`, { cause: error });
  }
  return mode;
}

/** Creates `path` empty with mode 0600 unless it exists (then narrows its mode): for files another library then opens. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  restrictToOwner(path);
}
