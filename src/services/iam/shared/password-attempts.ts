/**
 * Failed password attempts, bounded per user and per client: console sign-in and ChangePassword's old
 * password both count here, so that a password cannot be guessed faster through either. A key with
 * `limit` failures within the window is refused until the oldest of them leaves the window; a success
 * clears the user's count (never the client's). Kept in memory per store (per process): several
 * processes over one database each keep their own count.
 */
import { BoundedCache } from '../../../kernel/bounded-cache.ts';
import type { Clock } from '../../../kernel/clock.ts';

/** Failures allowed per IAM user (or root user) within the window. */
export const FAILURES_PER_USER = 5;
/** Failures allowed per client address within the window. */
export const FAILURES_PER_CLIENT = 20;
/** The window, in milliseconds. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Keys remembered at most; the least recently failed go first. */
const MAX_KEYS = 10_000;

/** Counts failures per key within a sliding window. */
export class FailureCounter {
  private readonly failures: BoundedCache<string, number[]>;

  constructor(private readonly clock: Clock, private readonly limit: number, private readonly windowMs = FAILURE_WINDOW_MS) {
    this.failures = new BoundedCache(MAX_KEYS, clock);
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  blockedFor(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit) return 0;
    return recent[recent.length - this.limit]! + this.windowMs - this.clock.now();
  }

  /** Records a failure of `key`. */
  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now());
    if (recent.length > this.limit) recent.splice(0, recent.length - this.limit);
    // Kept until its last failure leaves the window; the least recently failed go first at the bound.
    this.failures.set(key, recent, this.clock.now() + this.windowMs);
  }

  /** Forgets the failures of `key`. */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.clock.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}

/** The counters of one store: per user (`ACCOUNT/name`, lower-cased) and per client address. */
export interface PasswordAttempts {
  readonly users: FailureCounter;
  readonly clients: FailureCounter;
}

const byStore = new WeakMap<object, PasswordAttempts>();

/** The attempt counters kept for `store`. */
export function passwordAttempts(store: object, clock: Clock): PasswordAttempts {
  let attempts = byStore.get(store);
  if (!attempts) byStore.set(store, (attempts = { users: new FailureCounter(clock, FAILURES_PER_USER), clients: new FailureCounter(clock, FAILURES_PER_CLIENT) }));
  return attempts;
}

/** The user key of `userName` in `accountId` (names are case-insensitive in IAM). */
export function userAttemptKey(accountId: string, userName: string): string {
  return `${accountId}/${userName.toLowerCase()}`;
}
