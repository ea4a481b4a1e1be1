/**
 * What the server derives from an account's stored records (a resolved credential, a caller's policy set
 * and condition keys), kept per key and answered only while the account's generation is the one it was
 * derived under (store.ts, INVARIANT "account generation"): a change made by any process moves the
 * generation in its own commit, so the next request derives anew.
 *
 * The order that keeps this exact is fixed here rather than left to each user: `derive` reads the
 * generation *before* `build` reads any record, so a change committed between the two leaves the value
 * under the older generation, dropped at its next use, never a stale value under the new one
 * (`generation-checked-cache.test.ts` holds both). Bounded and expiring as `BoundedCache`.
 */
import { BoundedCache } from '../kernel/bounded-cache.ts';
import { systemClock, type Clock } from '../kernel/clock.ts';
import type { StoreSession } from '../store/store.ts';

interface Entry<V> {
  readonly accountId: string;
  /** The account's generation, read before the records `value` was built from. */
  readonly generation: number;
  readonly value: V;
}

/** Values derived from one account's records each, trusted while that account's generation stands. */
export class GenerationCheckedCache<V extends object> {
  private readonly entries: BoundedCache<string, Entry<V>>;

  constructor(private readonly accounts: Pick<StoreSession['accounts'], 'generation'>, max: number, clock: Clock = systemClock) {
    this.entries = new BoundedCache(max, clock);
  }

  /**
   * The value kept for `key`, unless absent, expired, or derived before its account last changed; then
   * what `otherwise` answers (typically a `derive`). One await on a hit, as a request's own would be.
   */
  async current<R>(key: string, otherwise: () => Promise<R>): Promise<V | R> {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.generation === (await this.accounts.generation(entry.accountId))) return entry.value;
    return otherwise();
  }

  /**
   * The value `build` makes from the records of `accountId`, kept for `key` (until `expiresAt`, ms since
   * the epoch, when given). Nothing is kept when `build` answers undefined.
   */
  async derive<B extends V | undefined>(key: string, accountId: string, build: () => Promise<B>, expiresAt?: number): Promise<B> {
    const generation = await this.accounts.generation(accountId);
    const value = await build();
    if (value !== undefined) this.entries.set(key, { accountId, generation, value }, expiresAt);
    return value;
  }

  /** How many values are kept, expired ones not yet swept included. */
  get size(): number {
    return this.entries.size;
  }
}
