/**
 * Bounded memory for what a server keeps per access key, session or policy (resolved credentials,
 * callers' policy sets, key-usage times, compiled policies, signing keys, prepared statements): at most
 * `max` entries, the least recently used dropped first, and an entry given an expiry dropped once it has
 * passed, when it is read or by a sweep made at most once a minute as entries are added. So memory
 * follows the keys in use, never every key ever seen, and sessions that ended leave it. Built on
 * lru-cache, on the injected clock.
 *
 * One of the two bounded caches of the process (docs/architecture.md, "Caches"): use it where hot
 * entries must survive a stream of one-off keys (a server's credentials in use, while one-off sessions
 * come and go), or must expire; `BoundedMemo` is the lighter one that starts afresh at its bound.
 */
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from './clock.ts';

/** How often expired entries nobody reads are swept out, at most (ms). */
const SWEEP_INTERVAL_MS = 60_000;

/** A map with a bound on its size and an optional expiry per entry. */
export class BoundedCache<K extends object | string, V extends object> {
  private readonly entries: LRUCache<K, V>;
  private nextSweep: number;

  constructor(readonly max: number, private readonly clock: Clock = systemClock) {
    // ttlResolution 0: read the clock on each check rather than cache it behind a timer.
    this.entries = new LRUCache<K, V>({ max, perf: { now: () => clock.now() }, ttlResolution: 0 });
    this.nextSweep = clock.now() + SWEEP_INTERVAL_MS;
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
