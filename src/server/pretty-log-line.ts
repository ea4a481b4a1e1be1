/**
 * The log for people at a terminal (`--log-format pretty`): one line per request, in the order a reader
 * scans it (time, caller, action, decision, status, latency) and, for a denial, why and which statement
 * decided it or is missing. The log's other lines (start-up, failures) are pino's JSON made readable.
 * Only terminals read this format, so it favours clarity over speed; the JSON format is the fast one.
 */
import type { RequestLogEntry } from './request-log.ts';

/** ANSI colours, or none. */
interface Paint {
  readonly good: (text: string) => string;
  readonly bad: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly dim: (text: string) => string;
}

const PLAIN: Paint = { good: (t) => t, bad: (t) => t, warn: (t) => t, dim: (t) => t };
const ANSI: Paint = {
  good: (t) => `\x1b[32m${t}\x1b[39m`,
  bad: (t) => `\x1b[31m${t}\x1b[39m`,
  warn: (t) => `\x1b[33m${t}\x1b[39m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

/** Writes log lines for people; `colour` adds ANSI colours (for a terminal that wants them). */
export class PrettyLogLines {
  private readonly paint: Paint;

  constructor(colour: boolean) {
    this.paint = colour ? ANSI : PLAIN;
  }

  /** `12:03:04.123 arn:aws:iam::111122223333:user/ana eks:DescribeCluster denied 403 7.3ms AccessDeniedException: because …`. */
  request(entry: RequestLogEntry, at: number): string {
    const p = this.paint;
    const action = entry.action ?? `${entry.service}:${entry.operation ?? '?'}`;
    const decision = entry.decision === undefined ? '-' : entry.decision === 'Allowed' ? p.good('allowed') : p.bad('denied');
    const status = entry.status >= 400 ? p.warn(String(entry.status)) : String(entry.status);
    let line = `${p.dim(clockTime(at))} ${entry.principal ?? '-'} ${action} ${decision} ${status} ${milliseconds(entry.latencyMs)}`;
    if (entry.errorCode !== undefined) line += ` ${entry.errorCode}`;
    if (entry.reason !== undefined) line += `: ${entry.reason}`;
    if (entry.decision !== undefined && entry.decision !== 'Allowed' && entry.decidedBy !== undefined) {
      line += entry.decidedBy.startsWith('missing: ') ? ` (${entry.decidedBy})` : ` (decided by ${entry.decidedBy})`;
    }
    if (entry.checks !== undefined) line += p.dim(` [checks ${entry.checks.join(', ')}]`);
    return `${line}  ${p.dim(entry.requestId)}\n`;
  }

  /** One of pino's JSON lines (start-up, failures) as `12:03:04.123 ERROR internal failure key=value`, a stack below it. */
  other(json: string): string {
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(json) as Record<string, unknown>;
    } catch {
      return json;
    }
    const { level, time, msg, error, ...rest } = fields;
    const at = typeof time === 'string' ? Date.parse(time) : Date.now();
    const name = LEVELS[Number(level)] ?? 'LOG';
    const shownLevel = Number(level) >= 50 ? this.paint.bad(name) : Number(level) >= 40 ? this.paint.warn(name) : name;
    let line = `${this.paint.dim(clockTime(at))} ${shownLevel} ${typeof msg === 'string' ? msg : ''}`;
    for (const [key, value] of Object.entries(rest)) line += ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
    const stack = typeof error === 'object' && error !== null && 'stack' in error && typeof error.stack === 'string' ? error.stack : undefined;
    if (stack !== undefined) line += `\n${stack.replace(/^/gm, '    ')}`;
    else if (error !== undefined) line += ` error=${JSON.stringify(error)}`;
    return `${line}\n`;
  }
}

const LEVELS: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** Local wall-clock time with milliseconds: `12:03:04.123`. */
function clockTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

function milliseconds(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)}ms`;
}
