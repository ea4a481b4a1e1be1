/**
 * Bounded memory for what a server keeps per access key, session or policy (resolved credentials,
 * callers' policy sets, key-usage times, compiled policies, signing keys, prepared statements): at most
 * `max` entries, the least recently used dropped first, and an entry given an expiry dropped once it has
 * passed, when it is read or by a sweep made at most once a minute as entries are added. So memory
 * follows the keys in use, never every key ever seen, and sessions that ended leave it. Built on
 * lru-cache, on the injected clock.
 *
 * lru-cache allocates its arrays for `max` entries up front (a cache of 50,000 costs a few hundred
 * kilobytes and milliseconds to make, and a server makes a dozen at start), so the cache starts small and
 * grows fourfold whenever it is full and below `max`: memory follows the entries held, and no entry is
 * ever dropped for want of room below `max`, so the behaviour is that of one cache of `max` entries.
 *
 * One of the two bounded caches of the process (docs/architecture.md, "Caches"): use it where hot
 * entries must survive a stream of one-off keys (a server's credentials in use, while one-off sessions
 * come and go), or must expire; `BoundedMemo` is the lighter one that starts afresh at its bound.
 */
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from './clock.ts';

/** How often expired entries nobody reads are swept out, at most (ms). */
const SWEEP_INTERVAL_MS = 60_000;
/** The room a cache starts with, at most. */
const INITIAL_CAPACITY = 64;

/** A map with a bound on its size and an optional expiry per entry. */
export class BoundedCache<K extends object | string, V extends object> {
  private entries: LRUCache<K, V>;
  private nextSweep: number;

  constructor(readonly max: number, private readonly clock: Clock = systemClock) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`a BoundedCache holds at least one entry, not ${max}`);
    this.entries = this.cacheOf(Math.min(max, INITIAL_CAPACITY));
    this.nextSweep = clock.now() + SWEEP_INTERVAL_MS;
  }

  private cacheOf(capacity: number): LRUCache<K, V> {
    // ttlResolution 0: read the clock on each check rather than cache it behind a timer.
    return new LRUCache<K, V>({ max: capacity, perf: { now: () => this.clock.now() }, ttlResolution: 0 });
  }

  /** Moves the entries, least recently used first and with the time each has left, into a cache with four times the room. */
  private grow(): void {
    const old = this.entries;
    const larger = this.cacheOf(Math.min(this.max, old.max * 4));
    for (const key of old.rkeys()) {
      const value = old.peek(key);
      if (value === undefined) continue; // expired
      const left = old.getRemainingTTL(key);
      if (left === Infinity) larger.set(key, value);
      else if (left > 0) larger.set(key, value, { ttl: left });
    }
    this.entries = larger;
  }

  /** The value of `key`, unless absent or expired; it becomes the most recently used. */
  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Remembers `value` for `key`, until `expiresAt` (ms since the epoch) when given: a value already expired is not kept. */
  set(key: K, value: V, expiresAt?: number): void {
    const now = this.clock.now();
    if (now >= this.nextSweep) {
      this.nextSweep = now + SWEEP_INTERVAL_MS;
      this.entries.purgeStale();
    }
    if (this.entries.size >= this.entries.max && this.entries.max < this.max && !this.entries.has(key)) this.grow();
    if (expiresAt === undefined) {
      this.entries.set(key, value);
    } else if (expiresAt > now) {
      this.entries.set(key, value, { ttl: expiresAt - now });
    } else {
      this.entries.delete(key);
    }
  }

  /** Forgets `key`. */
  delete(key: K): void {
    this.entries.delete(key);
  }

  /** How many entries are held, expired ones not yet swept included. */
  get size(): number {
    return this.entries.size;
  }
}
