/**
 * Which PostgreSQL failures mean "the database is not there right now" (refused or dropped
 * connections, a server shutting down or starting up), as opposed to a query's own error. Those
 * become the Store's StoreUnavailable, so that clients get a 503 they may retry.
 */
import { StoreUnavailable } from '../store-errors.ts';

/** Node's network error codes of a connection refused, reset or timed out. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNABORTED']);

/** True when `error` says the database is unreachable rather than that a query is wrong. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // SQLSTATE class 08 (connection exception), 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now).
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
    if (NETWORK_CODES.has(code)) return true;
  }
  // node-postgres reports a connection that ended under a query without a code.
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(error.message);
}

/** `error` as the Store raises it: StoreUnavailable when the database is unreachable, else as is. */
export function storeError(error: unknown): unknown {
  if (error instanceof StoreUnavailable || !isUnavailable(error)) return error;
  return new StoreUnavailable('the PostgreSQL database is unavailable', { cause: error });
}
