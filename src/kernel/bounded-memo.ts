/**
 * A function's results, remembered by argument, for the few values a server sees again and again
 * (header names, condition-key names, request paths, long stored strings). Past `max` keys everything
 * is dropped and the memo fills again: a client sending ever new values costs a recomputation, never
 * unbounded memory. A remembered string also brings its hash along, where a fresh one is hashed anew
 * by every map it enters.
 */
export class BoundedMemo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The value remembered for `key`, or `make(key)` remembered now (undefined included). */
  get(key: K, make: (key: K) => V): V {
    const known = this.values.get(key);
    if (known !== undefined || this.values.has(key)) return known as V;
    if (this.values.size >= this.max) this.values.clear();
    const value = make(key);
    this.values.set(key, value);
    return value;
  }
}
