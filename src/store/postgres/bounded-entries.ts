/** A map of at most `limit` entries: past it, the oldest entry goes first. */
export class BoundedEntries {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly limit: number) {}

  /** Whether `key` is remembered (a remembered value may be undefined: "no such record"). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The remembered value of `key`. */
  get(key: string): unknown {
    return this.entries.get(key);
  }

  /** Remembers `value` under `key`. */
  set(key: string, value: unknown): void {
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}
