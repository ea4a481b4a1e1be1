/**
 * One JSON line per request (pino): request id, service, operation, caller, decision and the statement
 * that decided it, error code, status and latency. Secrets never reach it: entries carry ARNs and
 * codes, and unexpected errors are logged by name and stack only.
 */
import pino, { type Logger } from 'pino';

/** What is logged about a request. */
export interface RequestLogEntry {
  readonly requestId: string;
  readonly service: string;
  readonly operation: string | undefined;
  readonly principal: string | undefined;
  readonly decision: string | undefined;
  readonly action: string | undefined;
  readonly decidedBy: string | undefined;
  readonly errorCode: string | undefined;
  readonly status: number;
  readonly latencyMs: number;
}

/** Where request entries and failures go. */
export interface RequestLog {
  request(entry: RequestLogEntry): void;
  failure(requestId: string, error: unknown): void;
  info(message: string, fields?: Record<string, unknown>): void;
  /** Writes out whatever is buffered (at shutdown). */
  flush(): void;
}

/** A log that drops everything (tests, benchmarks). */
export const silentLog: RequestLog = { request: () => {}, failure: () => {}, info: () => {}, flush: () => {} };

/**
 * Lines are gathered up to this many bytes before one write: a write per request cost more than
 * deciding the request. A timer writes out a partial buffer, so a quiet server's lines still show.
 */
const BUFFER_BYTES = 4096;
const FLUSH_EVERY_MS = 100;

/** A pino-backed log writing JSON lines to `destination` (a file descriptor; 1 is stdout). */
export function pinoLog(options: { level?: string; destination?: number } = {}): RequestLog {
  const destination = pino.destination({ dest: options.destination ?? 1, sync: false, minLength: BUFFER_BYTES });
  const logger: Logger = pino({ level: options.level ?? 'info', base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  // Only when something was logged since the last flush: an idle server makes no writes.
  let pending = false;
  const timer = setInterval(() => {
    if (!pending) return;
    pending = false;
    destination.flush();
  }, FLUSH_EVERY_MS).unref();
  return {
    request: (entry) => {
      pending = true;
      logger.info(entry, 'request');
    },
    failure: (requestId, error) => {
      pending = true;
      const e = error instanceof Error ? { name: error.name, stack: error.stack } : { value: typeof error };
      logger.error({ requestId, error: e }, 'internal failure');
    },
    info: (message, fields) => {
      pending = true;
      logger.info(fields ?? {}, message);
    },
    flush: () => {
      clearInterval(timer);
      destination.flushSync();
    },
  };
}
