/**
 * One JSON line per request (pino): request id, service, operation, caller, decision and the statement
 * that decided it, error code, status and latency. Secrets never reach it: entries carry ARNs and
 * codes, and unexpected errors are logged by name and stack only.
 */
import { writeSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import { TimeText } from '../kernel/time-text.ts';
import { EndOfTurnBatch } from './end-of-turn-batch.ts';

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
 * pino's `isoTime`, made once per millisecond instead of once per line.
 */
const ISO_TIME = new TimeText(1, (ms) => `,"time":"${new Date(ms).toISOString()}"`);

/** A pino-backed log writing JSON lines to `destination`: a file descriptor, stdout (1) by default. */
export function pinoLog(options: { level?: string; destination?: number } = {}): RequestLog {
  const fd = options.destination ?? 1;
  // The lines of one event-loop turn leave in one write: a write per request would cost more than
  // deciding the request, and pino's SonicBoom destination re-measures its whole pending buffer on
  // every line (about 3 µs a line here). On Linux, writes to stdout (file, pipe or terminal) are
  // synchronous, so nothing is lost at exit once `flush` ran.
  const out = fd === 1 ? (text: string) => process.stdout.write(text) : (text: string) => writeAll(fd, text);
  const lines = new EndOfTurnBatch<string>((batch) => out(batch.join('')));
  const destination = { write: (line: string) => lines.add(line) };
  const logger: Logger = pino({ level: options.level ?? 'info', base: undefined, timestamp: () => ISO_TIME.at(Date.now()) }, destination);
  return {
    request: (entry) => logger.info(entry, 'request'),
    failure: (requestId, error) => {
      const e = error instanceof Error ? { name: error.name, stack: error.stack } : { value: typeof error };
      logger.error({ requestId, error: e }, 'internal failure');
    },
    info: (message, fields) => logger.info(fields ?? {}, message),
    flush: () => lines.flush(),
  };
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}
