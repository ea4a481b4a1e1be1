/**
 * Why a command cannot go ahead, said in one line for the person who ran it (the command line prints
 * the message alone, without a stack): the data directory cannot be used, the address cannot be
 * listened on, or the configuration is wrong.
 */

/** An error whose message is the whole story, for people. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** `cannot use data directory D: <why>`, from what opening it threw. */
export function dataDirectoryProblem(dir: string, error: unknown): StartupError {
  return new StartupError(`cannot use data directory ${dir}: ${dataDirectoryReason(error)}`, { cause: error });
}

/** `cannot listen on H:P: <why>`, from what listening threw. */
export function listenProblem(host: string, port: number, error: unknown): StartupError {
  const code = codeOf(error);
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const why = code === 'EADDRINUSE' ? 'the port is in use (another Tollgate?); choose another with --port or TOLLGATE_PORT'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied (ports below 1024 need privileges)'
      : code === 'EADDRNOTAVAIL' ? `${host} is not an address of this machine`
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' ? `unknown host ${host}`
          : firstLine(error);
  return new StartupError(`cannot listen on ${where}: ${why}`, { cause: error });
}

function dataDirectoryReason(error: unknown): string {
  const path = typeof error === 'object' && error !== null && 'path' in error && typeof error.path === 'string' ? ` (${error.path})` : '';
  switch (codeOf(error)) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied${path}`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `not a directory${path}`;
    case 'EROFS':
      return `read-only file system${path}`;
    case 'ENOSPC':
      return `no space left on the device${path}`;
    case 'SQLITE_CANTOPEN':
      return 'the database file tollgate.db cannot be opened (permissions?)';
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_READONLY_DBMOVED':
      return 'the database file tollgate.db is read-only';
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return 'tollgate.db is not a Tollgate database (not an SQLite file, or damaged)';
    case 'SQLITE_BUSY':
      return 'the database is locked by another process';
    default:
      return firstLine(error);
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
