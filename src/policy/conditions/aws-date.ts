/**
 * Dates as the Date* condition operators read them: ISO 8601 (date only, or date and time with an
 * optional zone; no zone means UTC) or integer epoch seconds (docs/aws-behaviour/iam-policy-language.md).
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const EPOCH_SECONDS = /^-?\d{1,15}$/;

/** Milliseconds since the epoch for `text`, or undefined when it is not a date IAM accepts. */
export function parseAwsDate(text: string): number | undefined {
  if (EPOCH_SECONDS.test(text)) return Number(text) * 1000;
  const m = ISO_8601.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second, Number(frac.padEnd(3, '0').slice(0, 3)));
  if (new Date(ms).getUTCDate() !== day) return undefined; // 2024-02-30 and friends
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}
