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

it('answers what was set, tells a remembered undefined from none, and starts again past its bound', () => {
  const memo = new BoundedMemo<string, number | undefined>(2);
  memo.set('a', 1);
  memo.set('none', undefined);
  assert.deepEqual([memo.peek('a'), memo.has('none'), memo.peek('none'), memo.has('b')], [1, true, undefined, false]);
  memo.set('a', 2); // a key already remembered is replaced, nothing dropped
  assert.deepEqual([memo.peek('a'), memo.size], [2, 2]);
  memo.set('b', 3); // a third key: everything dropped first
  assert.deepEqual([memo.has('a'), memo.has('none'), memo.peek('b'), memo.size], [false, false, 3, 1]);
  memo.clear();
  assert.equal(memo.size, 0);
});
