// Values as the protocol codecs hand them to services and take them back, typed by the service model:
// the one vocabulary both layers share, so services need nothing of the protocol layer.

/** One decoded value: strings, numbers, booleans, timestamps (Date), blobs, lists, maps and structures. */
export type WireValue = string | number | boolean | Date | Uint8Array | readonly WireValue[] | WireStructure;

/** A structure or map keyed by model member name (structures) or map key; null and undefined mean absent. */
export interface WireStructure {
  readonly [key: string]: WireValue | null | undefined;
}

/** True when `value` is a structure or map (a plain object, not a Date, blob or list). */
export function isWireStructure(value: unknown): value is WireStructure {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}

/** True when `value` is a list. */
export function isWireList(value: unknown): value is readonly WireValue[] {
  return Array.isArray(value);
}
