import assert from 'node:assert/strict';
import { it } from 'node:test';
import { BoundedCache } from './bounded-cache.ts';
import { ManualClock } from './clock.ts';

it('keeps at most `max` entries, dropping the least recently used first', () => {
  const cache = new BoundedCache<string, { n: number }>(3, new ManualClock(0));
  for (const n of [1, 2, 3]) cache.set(`k${n}`, { n });
  assert.deepEqual(cache.get('k1'), { n: 1 }); // k1 is now the most recently used
  cache.set('k4', { n: 4 });
  assert.equal(cache.size, 3);
  assert.equal(cache.get('k2'), undefined);
  assert.deepEqual([cache.get('k1')?.n, cache.get('k3')?.n, cache.get('k4')?.n], [1, 3, 4]);
  for (let n = 5; n < 10_000; n++) cache.set(`k${n}`, { n });
  assert.equal(cache.size, 3);
});

it('drops an entry once its expiry has passed, and never keeps one already expired', () => {
  const clock = new ManualClock(1_000_000);
  const cache = new BoundedCache<string, { n: number }>(10, clock);
  cache.set('session', { n: 1 }, clock.now() + 900_000);
  cache.set('long-term', { n: 2 });
  cache.set('ended', { n: 3 }, clock.now());
  assert.equal(cache.get('ended'), undefined);
  clock.advance(899_000);
  assert.deepEqual(cache.get('session'), { n: 1 });
  clock.advance(2_000);
  assert.equal(cache.get('session'), undefined);
  assert.deepEqual(cache.get('long-term'), { n: 2 });
  assert.equal(cache.size, 1);
});

it('sweeps out expired entries that nobody reads, at most once a minute, as entries are added', () => {
  const clock = new ManualClock(1_700_000_000_000);
  const cache = new BoundedCache<string, { n: number }>(100_000, clock);
  for (let n = 0; n < 1000; n++) cache.set(`ASIA${n}`, { n }, clock.now() + 30_000);
  cache.set('AKIA', { n: -1 });
  assert.equal(cache.size, 1001);
  clock.advance(45_000); // all expired, but the minute has not passed: nothing swept yet
  cache.set('other', { n: -2 });
  assert.equal(cache.size, 1002);
  clock.advance(15_000);
  cache.set('later', { n: -3 });
  assert.equal(cache.size, 3);
  assert.deepEqual(cache.get('AKIA'), { n: -1 });
});

it('a later set without expiry replaces one with expiry', () => {
  const clock = new ManualClock(1_700_000_000_000);
  const cache = new BoundedCache<string, { n: number }>(10, clock);
  cache.set('k', { n: 1 }, clock.now() + 10);
  cache.set('k', { n: 2 });
  clock.advance(100);
  assert.deepEqual(cache.get('k'), { n: 2 });
  cache.set('k', { n: 3 }, clock.now() + 10);
  clock.advance(100);
  assert.equal(cache.get('k'), undefined);
});

it('grows to its bound without dropping an entry, keeping recency and each entry\'s expiry', () => {
  const clock = new ManualClock(1_700_000_000_000);
  const cache = new BoundedCache<string, { n: number }>(1000, clock);
  cache.set('expiring', { n: -1 }, clock.now() + 5_000);
  cache.set('expired-soon', { n: -2 }, clock.now() + 10);
  for (let n = 0; n < 997; n++) cache.set(`k${n}`, { n });
  clock.advance(20); // 'expired-soon' has passed, unread
  assert.deepEqual(cache.get('k0'), { n: 0 }); // the most recently used now, though among the first set
  cache.set('one-more', { n: 997 });
  assert.equal(cache.get('expired-soon'), undefined);
  assert.equal(cache.size, 999); // nothing dropped for room while below the bound
  for (let n = 1; n < 997; n++) assert.deepEqual(cache.get(`k${n}`), { n });
  cache.set('k998', { n: 998 });
  cache.set('k999', { n: 999 }); // full: the least recently used ('expiring', never read) goes first
  assert.equal(cache.size, 1000);
  assert.deepEqual(cache.get('k0'), { n: 0 });
  cache.set('k1000', { n: 1000 });
  assert.equal(cache.get('expiring'), undefined);
  assert.equal(cache.size, 1000);
});

it('keeps an entry\'s expiry when it grows', () => {
  const clock = new ManualClock(1_700_000_000_000);
  const cache = new BoundedCache<string, { n: number }>(500, clock);
  cache.set('session', { n: 1 }, clock.now() + 1_000);
  for (let n = 0; n < 300; n++) cache.set(`k${n}`, { n });
  clock.advance(999);
  assert.deepEqual(cache.get('session'), { n: 1 });
  clock.advance(2);
  assert.equal(cache.get('session'), undefined);
});

it('refuses a bound below one entry', () => {
  assert.throws(() => new BoundedCache(0), RangeError);
});
