/**
 * Compile once, evaluate many (DESIGN.md, "The policy engine"). Compiled policies are cached by a key
 * naming the exact policy version (a managed policy's ARN and version id, or an inline policy's owner,
 * name and revision); a principal's policy set is cached with the fingerprint of the versions it was
 * built from, so any change to its policies, groups or boundary gives a new fingerprint and a rebuild.
 * Both caches are bounded and evict the least recently used entry.
 */
import type { CompiledPolicy } from './compiled-policy.ts';
import type { PolicySet } from './policy-set.ts';

/** A bounded map that forgets the least recently used entry first. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The caches of compiled policies and of principals' policy sets. */
export class PolicyCache {
  private readonly policies: LruCache<string, CompiledPolicy>;
  private readonly sets: LruCache<string, { readonly fingerprint: string; readonly set: PolicySet }>;

  constructor(limits: { policies?: number; principals?: number } = {}) {
    this.policies = new LruCache(limits.policies ?? 50_000);
    this.sets = new LruCache(limits.principals ?? 200_000);
  }

  /** The compiled policy for `versionKey`, compiled by `build` on a miss. */
  compiled(versionKey: string, build: () => CompiledPolicy): CompiledPolicy {
    let policy = this.policies.get(versionKey);
    if (!policy) {
      policy = build();
      this.policies.set(versionKey, policy);
    }
    return policy;
  }

  /** The policy set of `principalKey` if it was built from `fingerprint`, else a new one from `build`. */
  policySet(principalKey: string, fingerprint: string, build: () => PolicySet): PolicySet {
    const cached = this.sets.get(principalKey);
    if (cached && cached.fingerprint === fingerprint) return cached.set;
    const set = build();
    this.sets.set(principalKey, { fingerprint, set });
    return set;
  }

  /** Forgets a principal's set (for example when the principal is deleted). */
  forget(principalKey: string): void {
    this.sets.delete(principalKey);
  }
}
