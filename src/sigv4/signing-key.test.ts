import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveSigningKey, SigningKeyCache } from './signing-key.ts';

describe('deriveSigningKey', () => {
  it('matches the AWS documentation example', () => {
    // https://docs.aws.amazon.com/general/latest/gr/signature-v4-examples.html (secret, 20120215, us-east-1, iam)
    const key = deriveSigningKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam');
    assert.equal(key.toString('hex'), 'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d');
  });
});

describe('SigningKeyCache', () => {
  const credential = (n: number) => `AKID${n}/20240115/us-east-1/iam/aws4_request`;

  it('returns the cached key on a hit, derives again when the secret differs', () => {
    const cache = new SigningKeyCache(4);
    const first = cache.get(credential(1), 's1', '20240115', 'us-east-1', 'iam');
    assert.equal(cache.get(credential(1), 's1', '20240115', 'us-east-1', 'iam'), first);
    const other = cache.get(credential(1), 's2', '20240115', 'us-east-1', 'iam');
    assert.notDeepEqual(other, first);
    assert.deepEqual(other, deriveSigningKey('s2', '20240115', 'us-east-1', 'iam'));
    assert.equal(cache.size, 1);
  });

  it('is bounded and evicts the least recently used key', () => {
    const cache = new SigningKeyCache(3);
    const keys = [1, 2, 3].map((n) => cache.get(credential(n), 's', '20240115', 'us-east-1', 'iam'));
    cache.get(credential(1), 's', '20240115', 'us-east-1', 'iam'); // 1 is now the most recent
    cache.get(credential(4), 's', '20240115', 'us-east-1', 'iam'); // evicts 2
    assert.equal(cache.size, 3);
    assert.equal(cache.get(credential(1), 's', '20240115', 'us-east-1', 'iam'), keys[0]);
    assert.equal(cache.get(credential(3), 's', '20240115', 'us-east-1', 'iam'), keys[2]);
    assert.notEqual(cache.get(credential(2), 's', '20240115', 'us-east-1', 'iam'), keys[1]);
    assert.equal(cache.size, 3);
  });
});
