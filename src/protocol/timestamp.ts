// Timestamp conversions for the wire formats (awsQuery: ISO 8601 seconds; restJson1: epoch seconds; docs/aws-behaviour/wire-protocols.md).
import type { TimestampFormat } from './service-model.ts';

/** A Date from a service value: a Date, epoch milliseconds, or a date string; undefined when unreadable. */
export function toDate(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : undefined;
  return date !== undefined && !Number.isNaN(date.getTime()) ? date : undefined;
}

// Years 1970 to 9999: four digits, no sign, so the text can be built from arithmetic alone.
const FOUR_DIGIT_YEARS_END = 253402300800000;

/** ISO 8601 UTC to the second, as IAM and STS answer: `2024-01-15T12:00:00Z`. */
export function isoSeconds(date: Date): string {
  const ms = date.getTime();
  // toISOString costs several times the arithmetic; it remains for other years and for invalid dates (RangeError).
  if (!(ms >= 0 && ms < FOUR_DIGIT_YEARS_END)) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86400);
  const ofDay = seconds - days * 86400;
  const { year, month, day } = civilDate(days);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(Math.floor(ofDay / 3600))}:${twoDigits(Math.floor(ofDay / 60) % 60)}:${twoDigits(ofDay % 60)}Z`;
}

/** The proleptic Gregorian date `days` after 1970-01-01 (days ≥ 0): H. Hinnant's `civil_from_days`. */
function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Epoch seconds, fractional when the date has milliseconds (restJson1). */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/** The date in `format` as text (the awsQuery and header forms). */
export function formatTimestamp(date: Date, format: TimestampFormat): string {
  switch (format) {
    case 'iso8601': return isoSeconds(date);
    case 'unixTimestamp': return String(epochSeconds(date));
    case 'rfc822': return date.toUTCString();
  }
}

/** Parses ISO 8601, RFC 822 or epoch-seconds text; undefined when it is none of them. */
export function parseTimestamp(text: string): Date | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const date = /^-?\d+(\.\d+)?$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
