/**
 * How the trail finds an event by its request id and by its event id with one narrow index.
 *
 * Request ids are random, so an index on them takes every insert to a random page of the index: at a
 * million events that page write is most of what storing an event costs. The trail keeps one such
 * index, on a 32-bit key of the request id (`requestKey`: 4 bytes an entry instead of 36), and finds
 * event ids through it: the recorder derives each event's id from its request's id (`eventIdFor`), a
 * random-looking UUID that maps back to the request id (`requestIdsOfEventId`). An event id that was
 * not derived so (events recorded before, or appended by other code) is kept in a partial index of its own.
 */

/** A 32-bit signed key of a request id (FNV-1a): equal ids, equal keys; the id itself is compared after. */
export function requestKey(requestId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < requestId.length; i++) {
    hash ^= requestId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The digit masks of the caller's account's copy (0) and of the resource owner's copy (1) of a request's
 * events. The version digit (position 14) and the variant digit (position 19) are left as they are, so
 * an event id is a UUID of the request id's version.
 */
const MASKS = ['3b9e5c71-d2a4-0f68-0c1e-7a35b9d2e4f6', 'c461a38e-2d5b-07f9-03e1-85ca462d1b09'].map((mask) => [...mask].map((c) => (c === '-' ? -1 : parseInt(c, 16))));

const HEX = '0123456789abcdef';
/** The value of a lowercase hex digit's character code (the UUID pattern was checked first). */
const digit = (code: number): number => (code <= 57 ? code - 48 : code - 87);

function masked(id: string, mask: readonly number[]): string {
  let out = '';
  for (let i = 0; i < 36; i++) out += mask[i]! < 0 ? '-' : HEX[digit(id.charCodeAt(i)) ^ mask[i]!]!;
  return out;
}

/** The event id of copy `copy` (0: the caller's account's, 1: the resource owner's) of a request's events; undefined when the request id is not a UUID. */
export function eventIdFor(requestId: string, copy: 0 | 1): string | undefined {
  return UUID.test(requestId) ? masked(requestId, MASKS[copy]!) : undefined;
}

/** The request ids an event id can have been derived from (none when it is not a UUID). */
export function requestIdsOfEventId(eventId: string): string[] {
  return UUID.test(eventId) ? MASKS.map((mask) => masked(eventId, mask)) : [];
}

function derivedWith(eventId: string, requestId: string, mask: readonly number[]): boolean {
  for (let i = 0; i < 36; i++) {
    const m = mask[i]!;
    if (eventId.charCodeAt(i) !== (m < 0 ? 45 : HEX.charCodeAt(digit(requestId.charCodeAt(i)) ^ m))) return false;
  }
  return true;
}

/** Whether `eventId` is derived from `requestId` (then the request id's index finds it). */
export function isDerivedEventId(eventId: string, requestId: string): boolean {
  if (eventId.length !== 36 || !UUID.test(requestId)) return false;
  return derivedWith(eventId, requestId, MASKS[0]!) || derivedWith(eventId, requestId, MASKS[1]!);
}
