import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomIds } from './ids.ts';

test('identifiers have IAM and STS formats: a 4-character prefix and 17 upper-case alphanumerics', () => {
  for (let i = 0; i < 200; i++) {
    assert.match(randomIds.uniqueId('AIDA'), /^AIDA[A-Z0-9]{17}$/);
    assert.match(randomIds.accessKeyId('AKIA'), /^AKIA[A-Z2-7]{16}$/);
    assert.match(randomIds.accessKeyId('ASIA'), /^ASIA[A-Z2-7]{16}$/);
    assert.match(randomIds.secretAccessKey(), /^[A-Za-z0-9/+]{40}$/);
  }
  assert.match(randomIds.requestId(), /^[0-9a-f-]{36}$/);
});
