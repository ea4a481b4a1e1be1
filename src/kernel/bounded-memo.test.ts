import assert from 'node:assert/strict';
import { it } from 'node:test';
import { BoundedMemo } from './bounded-memo.ts';

it('computes a value once per key, undefined included, and starts again past its bound', () => {
  let calls = 0;
  const make = (key: string) => { calls++; return key === 'none' ? undefined : key.toUpperCase(); };
  const memo = new BoundedMemo<string, string | undefined>(3);
  assert.equal(memo.get('a', make), 'A');
  assert.equal(memo.get('a', make), 'A');
  assert.equal(memo.get('none', make), undefined);
  assert.equal(memo.get('none', make), undefined);
  assert.equal(calls, 2);
  memo.get('b', make);
  memo.get('c', make); // a fourth key: everything dropped first
  assert.equal(calls, 4);
  assert.equal(memo.get('a', make), 'A');
  assert.equal(calls, 5);
});
