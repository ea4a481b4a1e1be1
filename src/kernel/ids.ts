/**
 * Identifier formats of IAM and STS (docs/aws-behaviour/iam-identities-and-quotas.md): unique ids are a 4-character prefix and 17 of
 * `[A-Z0-9]`; access key ids `AKIA`/`ASIA` and 16 of `[A-Z2-7]`; secrets 40 of `[A-Za-z0-9/+]`.
 * Generation is injected, so tests can make ids predictable.
 */
import { randomBytes, randomUUID } from 'node:crypto';

/** The prefixes of IAM unique ids. */
export type UniqueIdPrefix = 'AIDA' | 'AROA' | 'AGPA' | 'ANPA' | 'ANVA' | 'AIPA';

/** Makes identifiers. */
export interface IdGenerator {
  uniqueId(prefix: UniqueIdPrefix): string;
  accessKeyId(prefix: 'AKIA' | 'ASIA'): string;
  secretAccessKey(): string;
  requestId(): string;
}

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

function randomText(alphabet: string, length: number): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Cryptographically random identifiers. */
export const randomIds: IdGenerator = {
  uniqueId: (prefix) => prefix + randomText(UPPER_DIGITS, 17),
  accessKeyId: (prefix) => prefix + randomText(BASE32, 16),
  secretAccessKey: () => randomText(SECRET, 40),
  requestId: () => randomUUID(),
};
