import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { HmacSha256Key } from './hmac-key.ts';

describe('HmacSha256Key', () => {
  it('matches RFC 4231 test case 2', () => {
    assert.equal(new HmacSha256Key(Buffer.from('Jefe')).hex('what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('agrees with createHmac for any key length and any message, short or long, ASCII or not', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 1500, unit: 'grapheme' }), (key, message) => {
      assert.equal(new HmacSha256Key(key).hex(message), createHmac('sha256', key).update(message).digest('hex'));
    }));
  });

  it('gives the same answer when one key signs many messages in turn', () => {
    const key = randomBytes(32);
    const signer = new HmacSha256Key(key);
    for (const message of ['a much longer message than the next one', 'short', '', 'é'.repeat(400)]) {
      assert.equal(signer.hex(message), createHmac('sha256', key).update(message).digest('hex'));
    }
  });
});
