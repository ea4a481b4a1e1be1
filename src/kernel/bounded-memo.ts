/**
 * Values remembered by key, for the few keys a server sees again and again (header names, condition-key
 * names, request paths, long stored strings, a caller's recent decisions, a store's point reads). Past
 * `max` keys everything is dropped and the memo fills again: a client sending ever new values costs a
 * recomputation, never unbounded memory, and a lookup costs one Map read with no bookkeeping. A
 * remembered string also brings its hash along, where a fresh one is hashed anew by every map it enters.
 *
 * One of the two bounded caches of the process (docs/architecture.md, "Caches"): use it where what is
 * remembered is cheap to make again and the keys in use are few; use `BoundedCache` where entries must
 * survive a stream of one-off keys, or expire.
 */
export class BoundedMemo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(readonly max: number) {}

  /** The value remembered for `key`, or `make(key)` remembered now (undefined included). */
  get(key: K, make: (key: K) => V): V {
    const known = this.values.get(key);
    if (known !== undefined || this.values.has(key)) return known as V;
    const value = make(key);
    this.set(key, value);
    return value;
  }

  /** The value remembered for `key`; undefined when none is (or undefined was: see `has`). */
  peek(key: K): V | undefined {
    return this.values.get(key);
  }

  /** Whether a value (undefined included) is remembered for `key`. */
  has(key: K): boolean {
    return this.values.has(key);
  }

  /** Remembers `value` for `key`, dropping everything first when the memo is full. */
  set(key: K, value: V): void {
    if (this.values.size >= this.max && !this.values.has(key)) this.values.clear();
    this.values.set(key, value);
  }

  /** Forgets everything. */
  clear(): void {
    this.values.clear();
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.values.size;
  }
}
