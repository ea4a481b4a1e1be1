// The SigV4 signing key (four chained HMACs, docs/aws-behaviour/sigv4.md) and a bounded LRU cache of derived keys.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (derive a signing key)
import { createHmac } from 'node:crypto';
import { BoundedCache } from '../kernel/bounded-cache.ts';
import { HmacSha256Key } from './hmac-key.ts';

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function deriveSigningKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

/** HMAC-SHA256 of `data` under `key`, as raw bytes. */
export function hmac(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

interface CacheEntry {
  readonly secretAccessKey: string;
  readonly key: Buffer;
  readonly signer: HmacSha256Key;
}

/**
 * Derived signing keys, least recently used evicted first (`BoundedCache`). Entries are keyed by the full
 * credential string (`AKID/date/region/service/aws4_request`) and remember the secret they came from, so a
 * different secret for the same key id (rotation, tests) derives afresh instead of reusing a stale key.
 */
export class SigningKeyCache {
  private readonly entries: BoundedCache<string, CacheEntry>;

  constructor(readonly maxEntries = 4096) {
    this.entries = new BoundedCache(maxEntries);
  }

  /** The signing key for `credential` (`AKID/date/region/service/terminator`), derived on a miss. */
  get(credential: string, secretAccessKey: string, date: string, region: string, service: string): Buffer {
    return this.entry(credential, secretAccessKey, date, region, service).key;
  }

  /** The same key, ready to sign strings (see HmacSha256Key). */
  signer(credential: string, secretAccessKey: string, date: string, region: string, service: string): HmacSha256Key {
    return this.entry(credential, secretAccessKey, date, region, service).signer;
  }

  private entry(credential: string, secretAccessKey: string, date: string, region: string, service: string): CacheEntry {
    const hit = this.entries.get(credential);
    if (hit !== undefined && hit.secretAccessKey === secretAccessKey) return hit;
    const key = deriveSigningKey(secretAccessKey, date, region, service);
    const entry = { secretAccessKey, key, signer: new HmacSha256Key(key) };
    this.entries.set(credential, entry);
    return entry;
  }

  /** How many keys are cached. */
  get size(): number {
    return this.entries.size;
  }
}

/** The process-wide cache used when the caller supplies none. */
export const sharedSigningKeys = new SigningKeyCache();
