// SigV4 timestamps: ISO-8601 basic format `YYYYMMDD'T'HHMMSS'Z'` (X-Amz-Date), and the RFC 7231 `Date` header
// converted to it (IAM-SPEC §8.1; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-elements.html).

const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
// IMF-fixdate, e.g. `Mon, 15 Jan 2024 12:00:00 GMT` (RFC 7231 §7.1.1.1).
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** Milliseconds since the epoch of a basic-format timestamp, or undefined when it is not one (or not a real date). */
export function parseAmzDate(text: string): number | undefined {
  const m = BASIC.exec(text);
  if (m === null) return undefined;
  return utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
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

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // setUTCFullYear keeps years below 100 literal, unlike Date.UTC
  date.setUTCHours(hour, minute, second, 0);
  return date.getUTCDate() === day ? date.getTime() : undefined; // rejects 20240230
}
