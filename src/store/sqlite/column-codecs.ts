/**
 * Conversions between domain values and column values: dates as epoch milliseconds, booleans as 0/1,
 * absent values as NULL, tags as a JSON array. Decoding parses what it reads (docs/architecture.md, "Conventions": `unknown`
 * plus a parser at every boundary), so a corrupted row fails loudly instead of spreading.
 */
import type { Tag } from '../iam-records.ts';

/** A date as stored. */
export function toMillis(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new Error('cannot store an invalid Date');
  return ms;
}

/** A stored date. */
export function fromMillis(ms: number): Date {
  return new Date(ms);
}

/** An optional value as stored. */
export function toNullable<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/** A stored optional value. */
export function fromNullable<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

/** A boolean as stored. */
export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}

/** A stored boolean. */
export function fromFlag(value: number): boolean {
  return value !== 0;
}

/** Tags as stored: a JSON array of `{key, value}` in the order given. */
export function encodeTags(tags: readonly Tag[]): string {
  return JSON.stringify(tags.map((tag) => ({ key: tag.key, value: tag.value })));
}

/** Stored tags. */
export function decodeTags(text: string): Tag[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error('stored tags are not a JSON array');
  return parsed.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw new Error('stored tag is not an object');
    const key: unknown = Reflect.get(item, 'key');
    const value: unknown = Reflect.get(item, 'value');
    if (typeof key !== 'string' || typeof value !== 'string') throw new Error('stored tag lacks a string key or value');
    return { key, value };
  });
}
