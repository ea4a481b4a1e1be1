/**
 * Secrets at rest (docs/architecture.md, "Conventions"): secret access keys are sealed with AES-256-GCM under the
 * master key before they reach the store, and opened only to verify signatures.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Seals and opens secrets with one 32-byte key. */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new Error('the master key must be 32 bytes');
    this.key = Buffer.from(key);
  }

  /** `v1:<iv>:<tag>:<ciphertext>`, base64 parts. */
  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  /** The plaintext of `sealed`; throws when it was not sealed with this key or was altered. */
  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}
