/**
 * The condition keys of one request (IAM-SPEC §4). Key names are case-insensitive, including the tag
 * key after `aws:PrincipalTag/` and friends (§3.1), so they are stored lower-cased. A key holds one
 * string, or a list for multi-valued keys such as `aws:TagKeys` (§3.4).
 */
export type ContextValue = string | readonly string[];

/** Read-only view of a request's condition keys. */
export class RequestContext {
  private readonly values = new Map<string, ContextValue>();

  /** Builds a context from key → value; numbers and booleans become their string form. */
  constructor(entries?: Iterable<readonly [string, ContextInput]> | Readonly<Record<string, ContextInput>>) {
    if (!entries) return;
    const pairs = Symbol.iterator in entries ? (entries as Iterable<readonly [string, ContextInput]>) : Object.entries(entries);
    for (const [key, value] of pairs) this.set(key, value);
  }

  /** Value of `lowerKey` (which must already be lower-case), or undefined when absent. */
  get(lowerKey: string): ContextValue | undefined {
    return this.values.get(lowerKey);
  }

  /** Value of `key` in any case. */
  lookup(key: string): ContextValue | undefined {
    return this.values.get(key.toLowerCase());
  }

  /** True when the key is present. */
  has(key: string): boolean {
    return this.values.has(key.toLowerCase());
  }

  /** A copy with `key` set (or removed when `value` is undefined). */
  with(key: string, value: ContextInput | undefined): RequestContext {
    const copy = new RequestContext();
    for (const [k, v] of this.values) copy.values.set(k, v);
    if (value === undefined) copy.values.delete(key.toLowerCase());
    else copy.set(key, value);
    return copy;
  }

  /** A copy to which every key of `defaults` that is absent here is added. */
  withDefaults(defaults: Readonly<Record<string, ContextInput>>): RequestContext {
    const copy = new RequestContext();
    for (const [k, v] of this.values) copy.values.set(k, v);
    for (const [key, value] of Object.entries(defaults)) if (!copy.values.has(key.toLowerCase())) copy.set(key, value);
    return copy;
  }

  /** Every key (lower-cased) with its value. */
  entries(): IterableIterator<[string, ContextValue]> {
    return this.values.entries();
  }

  private set(key: string, value: ContextInput): void {
    this.values.set(key.toLowerCase(), Array.isArray(value) ? value.map(String) : String(value));
  }
}

/** What callers may put into a context. */
export type ContextInput = string | number | boolean | readonly (string | number | boolean)[];
