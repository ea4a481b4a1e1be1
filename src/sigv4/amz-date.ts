// SigV4 timestamps: ISO-8601 basic format `YYYYMMDD'T'HHMMSS'Z'` (X-Amz-Date), and the RFC 7231 `Date` header
// converted to it (docs/aws-behaviour/sigv4.md; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-elements.html).

// IMF-fixdate, e.g. `Mon, 15 Jan 2024 12:00:00 GMT` (RFC 7231 §7.1.1.1).
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** Milliseconds since the epoch of a basic-format timestamp, or undefined when it is not one (or not a real date). */
export function parseAmzDate(text: string): number | undefined {
  // Read by character codes rather than by a regular expression and a Date: every signed request has one.
  if (text.length !== 16 || text.charCodeAt(8) !== 0x54 /* T */ || text.charCodeAt(15) !== 0x5a /* Z */) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 4, 2);
  const day = digits(text, 6, 2);
  const hour = digits(text, 9, 2);
  const minute = digits(text, 11, 2);
  const second = digits(text, 13, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  return utc(year, month, day, hour, minute, second);
}

/** The decimal number of `count` digits at `start`, or -1 when one of them is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** `ms` since the epoch as a basic-format timestamp (seconds truncated). */
export function formatAmzDate(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2024-01-15T12:00:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** An RFC 7231 IMF-fixdate `Date` header converted to basic format, or undefined when it is not one. */
export function httpDateToAmzDate(text: string): string | undefined {
  const m = IMF_FIXDATE.exec(text.trim());
  if (m === null) return undefined;
  const month = MONTHS.indexOf(m[2] ?? '') / 3 + 1;
  const ms = utc(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  return ms === undefined ? undefined : formatAmzDate(ms);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Milliseconds since the epoch of a proleptic Gregorian UTC time (years below 100 literal), or undefined when it is not a real one. */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0)) return undefined; // rejects 20240230
  return ((daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
