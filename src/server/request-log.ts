/**
 * One JSON line per request (pino): request id, service, operation, caller, decision and the statement
 * that decided it, error code, status and latency. Secrets never reach it: entries carry ARNs and
 * codes, and unexpected errors are logged by name and stack only.
 */
import { writeSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import { TimeText } from '../kernel/time-text.ts';
import { requestLine } from './request-line.ts';

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
  // Lines are written in batches (see PendingLines), not one write each: a write per request costs
  // more than deciding the request, and pino's SonicBoom destination re-measures its whole pending
  // buffer on every line (about 3 µs a line here). On Linux, writes to stdout (file, pipe or
  // terminal) are synchronous, so nothing is lost at exit once `flush` ran.
  const out = fd === 1 ? (text: string) => process.stdout.write(text) : (text: string) => writeAll(fd, text);
  const lines = new PendingLines(out);
  const destination = { write: (line: string) => lines.add(line) };
  const logger: Logger = pino({ level: options.level ?? 'info', base: undefined, timestamp: () => ISO_TIME.at(Date.now()) }, destination);
  const requests = logger.isLevelEnabled('info');
  return {
    request: (entry) => {
      if (requests) lines.add(requestLine(entry, ISO_TIME.at(Date.now())));
    },
    failure: (requestId, error) => {
      const e = error instanceof Error ? { name: error.name, stack: error.stack } : { value: typeof error };
      logger.error({ requestId, error: e }, 'internal failure');
    },
    info: (message, fields) => logger.info(fields ?? {}, message),
    flush: () => lines.flush(),
  };
}

/**
 * Lines waiting to be written: they leave together once 64 KiB have gathered or 100 ms after the first
 * of them, whichever comes first (as pino's own asynchronous destination buffers up to `minLength`).
 * Under load that is one write per few hundred requests; an idle server's log is at most 100 ms behind.
 */
class PendingLines {
  private static readonly MAX_CHARS = 64 * 1024;
  private static readonly MAX_DELAY_MS = 100;
  private lines: string[] = [];
  private chars = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly write: (text: string) => void) {}

  add(line: string): void {
    this.lines.push(line);
    this.chars += line.length;
    if (this.chars >= PendingLines.MAX_CHARS) this.flush();
    else this.timer ??= setTimeout(this.flush, PendingLines.MAX_DELAY_MS).unref();
  }

  readonly flush = (): void => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    this.chars = 0;
    this.write(text);
  };
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}
