/**
 * One line per request: request id, service, operation and its action (with the dependent checks),
 * caller, decision and the statement that decided it (for a denial, the reason, and the statement
 * missing when none decided), error code, status and latency. JSON (pino's format) for machines, or
 * a readable line for a terminal (`pretty-log-line.ts`). Secrets never reach it: entries carry ARNs
 * and codes, and unexpected errors are logged by name and stack only.
 */
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { default as createPino, Logger } from 'pino';
import { TimeText } from '../kernel/time-text.ts';
import { PrettyLogLines } from './pretty-log-line.ts';
import { requestLine } from './request-line.ts';

/** The two shapes of the log: JSON lines (pino's), or lines for people at a terminal. */
export type LogFormat = 'json' | 'pretty';

/** What is logged about a request. */
export interface RequestLogEntry {
  readonly requestId: string;
  readonly service: string;
  readonly operation: string | undefined;
  readonly principal: string | undefined;
  readonly decision: string | undefined;
  /** The operation's own action, e.g. `eks:CreateCluster`. */
  readonly action: string | undefined;
  /** Every action decided, when the operation needs more than one (`eks:CreateCluster`, `iam:PassRole`). */
  readonly checks: readonly string[] | undefined;
  /** `kind:policy#statement` of the deciding statement; for an implicit denial, `missing: Allow …`. */
  readonly decidedBy: string | undefined;
  /** A denial's reason, as AWS's message ends. */
  readonly reason: string | undefined;
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

/** pino's levels and their numbers (pino's `levels.values`, and `silent`), known before pino is loaded. */
const PINO_LEVELS: Readonly<Record<string, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

const requireFromHere = createRequire(import.meta.url);

/**
 * pino's `isoTime`, made once per millisecond instead of once per line.
 */
const ISO_TIME = new TimeText(1, (ms) => `,"time":"${new Date(ms).toISOString()}"`);

/**
 * A pino-backed log writing to `destination`, a file descriptor (stdout, 1, by default): JSON lines, or
 * with `format: 'pretty'` lines for people (`colour` adds ANSI colours).
 */
export function pinoLog(options: { level?: string; destination?: number; format?: LogFormat; colour?: boolean } = {}): RequestLog {
  const fd = options.destination ?? 1;
  // Lines are written in batches (see PendingLines), not one write each: a write per request costs
  // more than deciding the request, and pino's SonicBoom destination re-measures its whole pending
  // buffer on every line (about 3 µs a line here). On Linux, writes to stdout (file, pipe or
  // terminal) are synchronous, so nothing is lost at exit once `flush` ran.
  const out = fd === 1 ? (bytes: Buffer) => process.stdout.write(bytes) : (bytes: Buffer) => writeAll(fd, bytes);
  const lines = new PendingLines(out);
  const pretty = options.format === 'pretty' ? new PrettyLogLines(options.colour ?? false) : undefined;
  const destination = { write: pretty ? (line: string) => lines.add(pretty.other(line)) : (line: string) => lines.add(line) };
  const level = options.level ?? 'info';
  const threshold = Object.hasOwn(PINO_LEVELS, level) ? PINO_LEVELS[level] : undefined;
  if (threshold === undefined) throw new Error(`unknown log level \`${level}\``);
  // pino writes only failures and messages, never request lines: it is loaded for the first of them,
  // which keeps its dozen modules out of every start.
  let pino: Logger | undefined;
  const logger = (): Logger => (pino ??= (requireFromHere('pino') as typeof createPino)({ level, base: undefined, timestamp: () => ISO_TIME.at(Date.now()) }, destination));
  const requests = threshold <= PINO_LEVELS['info']!;
  return {
    request: pretty
      ? (entry) => {
        if (requests) lines.add(pretty.request(entry, Date.now()));
      }
      : (entry) => {
        if (requests) lines.add(requestLine(entry, ISO_TIME.at(Date.now())));
      },
    failure: (requestId, error) => {
      const e = error instanceof Error ? { name: error.name, stack: error.stack } : { value: typeof error };
      logger().error({ requestId, error: e }, 'internal failure');
    },
    info: (message, fields) => logger().info(fields ?? {}, message),
    flush: () => lines.flush(),
  };
}

/**
 * Lines waiting to be written: they leave together once 64 KiB have gathered or 100 ms after the first
 * of them, whichever comes first (as pino's own asynchronous destination buffers up to `minLength`).
 * Under load that is one write per few hundred requests; an idle server's log is at most 100 ms behind.
 * Each line is encoded straight into the batch's buffer: joining the lines into one string and
 * encoding that cost a second pass over every byte.
 */
class PendingLines {
  private static readonly FLUSH_BYTES = 64 * 1024;
  private static readonly MAX_DELAY_MS = 100;
  /** Room for a batch and the line that completes it. */
  private static readonly BUFFER_BYTES = 2 * PendingLines.FLUSH_BYTES;
  private buffer = Buffer.allocUnsafe(PendingLines.BUFFER_BYTES);
  private used = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly write: (bytes: Buffer) => void) {}

  add(line: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.used + line.length * 3 > this.buffer.length) {
      this.flush();
      if (line.length * 3 > this.buffer.length) return this.write(Buffer.from(line)); // one huge line, alone
    }
    this.used += this.buffer.write(line, this.used);
    if (this.used >= PendingLines.FLUSH_BYTES) this.flush();
    else this.timer ??= setTimeout(this.flush, PendingLines.MAX_DELAY_MS).unref();
  }

  readonly flush = (): void => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.used === 0) return;
    // A new buffer for the next batch: a stream may still hold this one.
    const bytes = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(PendingLines.BUFFER_BYTES);
    this.used = 0;
    this.write(bytes);
  };
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}
