/**
 * The condition keys of one request (docs/aws-behaviour/iam-policy-evaluation.md). Key names are case-insensitive, including the tag
 * key after `aws:PrincipalTag/` and friends, so they are stored lower-cased. A key holds one
 * string, or a list for multi-valued keys such as `aws:TagKeys`.
 */
import { BoundedMemo } from '../kernel/bounded-memo.ts';
import { principalContextKeys, type RequestPrincipal } from './request-principal.ts';

export type ContextValue = string | readonly string[];

/**
 * Read-only view of a request's condition keys. A context may sit on another (`extend`): the keys of a
 * request layered over the keys of its caller, which are built once per caller. Lookups fall through
 * the layers; nothing is copied per request.
 */
export class RequestContext {
  private readonly values: Map<string, ContextValue>;
  /** The layer underneath: keys absent here are looked up there. */
  private readonly below: RequestContext | undefined;
  /** Set when this context already holds every key `principalContextKeys` gives for this principal. */
  readonly principalKeysOf: RequestPrincipal | undefined;

  /** Builds a context from key → value; numbers and booleans become their string form. */
  constructor(
    entries?: Iterable<readonly [string, ContextInput]> | Readonly<Record<string, ContextInput>>,
    copyOf?: RequestContext,
    /** The principal whose keys `entries` (or the copy) holds; null when a removal may have dropped one. */
    principal?: RequestPrincipal | null,
    /** The layer underneath (see `extend`). */
    below?: RequestContext,
    /** Keys to share rather than copy: the map of a context, which no one changes after it is built. */
    shared?: Map<string, ContextValue>,
  ) {
    this.values = shared ?? (copyOf ? copyOf.flatMap() : new Map());
    this.below = below;
    this.principalKeysOf = principal === null ? undefined : principal ?? copyOf?.principalKeysOf ?? below?.principalKeysOf;
    if (!entries) return;
    const pairs = Symbol.iterator in entries ? (entries as Iterable<readonly [string, ContextInput]>) : Object.entries(entries);
    for (const [key, value] of pairs) this.set(key, value);
  }

  /** Value of `lowerKey` (which must already be lower-case), or undefined when absent. */
  get(lowerKey: string): ContextValue | undefined {
    const value = this.values.get(lowerKey);
    return value !== undefined || this.below === undefined ? value : this.below.get(lowerKey);
  }

  /** Value of `key` in any case. */
  lookup(key: string): ContextValue | undefined {
    return this.get(lowerCaseKey(key));
  }

  /** True when the key is present. */
  has(key: string): boolean {
    return this.lookup(key) !== undefined;
  }

  /** A copy with `key` set (or removed when `value` is undefined). */
  with(key: string, value: ContextInput | undefined): RequestContext {
    const copy = new RequestContext(undefined, this, value === undefined ? null : undefined);
    if (value === undefined) copy.values.delete(lowerCaseKey(key));
    else copy.set(key, value);
    return copy;
  }

  /** A context holding the keys that describe `principal` (docs/aws-behaviour/iam-policy-evaluation.md), for requests to build on. */
  static forPrincipal(principal: RequestPrincipal): RequestContext {
    return new RequestContext(principalContextKeys(principal), undefined, principal);
  }

  /**
   * This context with every key of `layer` set over it, replacing what was there. A context given as
   * the layer (which must not sit on another) is shared, not copied.
   */
  extend(layer: Readonly<Record<string, ContextInput>> | RequestContext): RequestContext {
    if (!(layer instanceof RequestContext)) return new RequestContext(layer, undefined, undefined, this);
    if (layer.below !== undefined) throw new Error('only a context without layers underneath can be laid over another');
    return new RequestContext(undefined, undefined, undefined, this, layer.values);
  }

  /** A copy to which every key of `defaults` that is absent here is added. */
  withDefaults(defaults: Readonly<Record<string, ContextInput>>): RequestContext {
    const copy = new RequestContext(undefined, this);
    for (const [key, value] of Object.entries(defaults)) if (!copy.values.has(lowerCaseKey(key))) copy.set(key, value);
    return copy;
  }

  /** Every key (lower-cased) with its value. */
  entries(): IterableIterator<[string, ContextValue]> {
    return this.flatMap().entries();
  }

  /** All layers in one new map, upper layers winning. */
  private flatMap(): Map<string, ContextValue> {
    if (this.below === undefined) return new Map(this.values);
    const map = this.below.flatMap();
    for (const [key, value] of this.values) map.set(key, value);
    return map;
  }

  private set(key: string, value: ContextInput): void {
    this.values.set(lowerCaseKey(key), Array.isArray(value) ? value.map(String) : String(value));
  }
}

/** Requests name the same few dozen keys again and again: their lower-cased forms are kept. */
const lowerKeys = new BoundedMemo<string, string>(4096);

function lowerCaseKey(key: string): string {
  return lowerKeys.get(key, toLowerCase);
}

function toLowerCase(text: string): string {
  return text.toLowerCase();
}

/** What callers may put into a context. */
export type ContextInput = string | number | boolean | readonly (string | number | boolean)[];
