/**
 * Freezes a value and everything it holds (byte arrays, which cannot be frozen, excepted). Outputs kept
 * as views of unchanged state are frozen so that no caller can change what the next request is answered.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
