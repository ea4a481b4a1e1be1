import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box.ts';

test('a sealed secret opens with its key only, and does not contain the plaintext', () => {
  const box = new SecretBox(randomBytes(32));
  const sealed = box.seal('wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY');
  assert.ok(!sealed.includes('wJalrXUtnFEMI'));
  assert.notEqual(sealed, box.seal('wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'), 'a fresh IV each time');
  assert.equal(box.open(sealed), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY');
  assert.throws(() => new SecretBox(randomBytes(32)).open(sealed));
  const [v, iv, tag, body] = sealed.split(':');
  assert.throws(() => box.open([v, iv, tag, Buffer.from('x').toString('base64') + body].join(':')));
});
