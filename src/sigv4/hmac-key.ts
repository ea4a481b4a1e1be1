// HMAC-SHA256 (RFC 2104) under one fixed key, computed as two one-shot SHA-256 hashes over precomputed
// padded key blocks. Node's `createHmac` builds an OpenSSL context per call, which costs about three
// times as much for the short strings SigV4 signs; a derived signing key signs every request of a day.
import { createHmac, hash } from 'node:crypto';

const BLOCK = 64;
const DIGEST = 32;
/** Messages up to this many UTF-8 bytes reuse the scratch buffer; a string to sign is about 130. */
const SCRATCH_MESSAGE_BYTES = 1024;

/** An HMAC-SHA256 key ready to sign many messages. */
export class HmacSha256Key {
  /** key ⊕ ipad, then room for the message. */
  private readonly inner = Buffer.alloc(BLOCK + SCRATCH_MESSAGE_BYTES);
  /** key ⊕ opad, then the inner digest. */
  private readonly outer = Buffer.alloc(BLOCK + DIGEST);

  constructor(private readonly key: Uint8Array) {
    const block = key.length > BLOCK ? Buffer.from(hash('sha256', key, 'hex'), 'hex') : key;
    this.inner.fill(0x36, 0, BLOCK);
    this.outer.fill(0x5c, 0, BLOCK);
    for (let i = 0; i < block.length; i++) {
      this.inner[i]! ^= block[i]!;
      this.outer[i]! ^= block[i]!;
    }
  }

  /** HMAC-SHA256 of `data` (UTF-8) as lower-case hex. */
  hex(data: string): string {
    // A UTF-8 encoding takes at most three bytes per UTF-16 unit; longer messages take the general path.
    if (data.length * 3 > SCRATCH_MESSAGE_BYTES) return createHmac('sha256', this.key).update(data).digest('hex');
    const length = this.inner.write(data, BLOCK, 'utf8');
    this.outer.write(hash('sha256', this.inner.subarray(0, BLOCK + length), 'hex'), BLOCK, 'hex');
    return hash('sha256', this.outer, 'hex');
  }
}
