// Timestamp conversions for the wire formats (IAM-SPEC §9.1 ISO 8601 seconds, §9.2 epoch seconds).
import type { TimestampFormat } from './service-model.ts';

/** A Date from a service value: a Date, epoch milliseconds, or a date string; undefined when unreadable. */
export function toDate(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : undefined;
  return date !== undefined && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** ISO 8601 UTC to the second, as IAM and STS answer: `2024-01-15T12:00:00Z`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
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
