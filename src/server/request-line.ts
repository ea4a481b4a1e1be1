/**
 * The request log's line for one request, written the way pino writes `logger.info(entry, 'request')`
 * (same members, order and escaping: request-line.test.ts holds the two byte for byte together), but
 * from a template of the entry's known members. pino walks and escapes every member name of every
 * line; for this one line, written once per request, that walk cost more than deciding the request.
 * Every other line of the log is pino's own.
 */
import { jsonString } from '../protocol/json-writer.ts';
import type { RequestLogEntry } from './request-log.ts';

/** pino's number for `info`. */
const INFO = 30;

/** The JSON line, newline included; `timeField` is pino's `,"time":…` member as the logger makes it. */
export function requestLine(entry: RequestLogEntry, timeField: string): string {
  let line = `{"level":${INFO}${timeField},"requestId":${text(entry.requestId)},"service":${text(entry.service)}`;
  if (entry.operation !== undefined) line += `,"operation":${text(entry.operation)}`;
  if (entry.principal !== undefined) line += `,"principal":${text(entry.principal)}`;
  if (entry.decision !== undefined) line += `,"decision":${text(entry.decision)}`;
  if (entry.action !== undefined) line += `,"action":${text(entry.action)}`;
  if (entry.checks !== undefined) line += `,"checks":${list(entry.checks)}`;
  if (entry.decidedBy !== undefined) line += `,"decidedBy":${text(entry.decidedBy)}`;
  if (entry.reason !== undefined) line += `,"reason":${text(entry.reason)}`;
  if (entry.errorCode !== undefined) line += `,"errorCode":${text(entry.errorCode)}`;
  return `${line},"status":${number(entry.status)},"latencyMs":${number(entry.latencyMs)},"msg":"request"}\n`;
}

function text(value: string): string {
  return jsonString(value);
}

/** As pino writes an array of strings (JSON.stringify's escaping, equal to `text`'s for well-formed text). */
function list(values: readonly string[]): string {
  let written = '[';
  for (let i = 0; i < values.length; i++) written += (i === 0 ? '' : ',') + text(values[i]!);
  return `${written}]`;
}

/** As pino: a number that is not finite is written null. */
function number(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}
