import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { AsyncMutex } from './async-mutex.ts';

test('AsyncMutex runs tasks one at a time in arrival order, and a failure does not block the queue', async () => {
  const mutex = new AsyncMutex();
  const events: string[] = [];
  const task = (name: string, ms: number, fail = false) => mutex.run(async () => {
    events.push(`start ${name}`);
    await delay(ms);
    events.push(`end ${name}`);
    if (fail) throw new Error(name);
    return name;
  });
  const results = await Promise.allSettled([task('a', 10), task('b', 1, true), task('c', 0)]);
  assert.deepEqual(events, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
});
