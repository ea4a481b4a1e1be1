// The rule that keeps what the server derives from stored records exact (store.ts, "account generation"):
// a value is answered only while its account's generation is the one read before its records were.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../kernel/clock.ts';
import { ACCOUNT, OTHER_ACCOUNT, account, user } from '../store/conformance/fixtures.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { GenerationCheckedCache } from './generation-checked-cache.ts';

let store: Store;
before(async () => {
  store = await openSqliteStore({ file: ':memory:' });
  await store.accounts.create(account(ACCOUNT));
  await store.accounts.create(account(OTHER_ACCOUNT));
});
after(() => store.close());

/** What a miss answers in these tests. */
const nothing = async () => undefined;

/** A value derived from the user `name`'s record: its tags, as read. */
const tagsOf = (name: string) => async () => {
  const found = await store.users.get(ACCOUNT, name);
  return found && { tags: found.tags.map((t) => `${t.key}=${t.value}`) };
};

describe('GenerationCheckedCache', () => {
  it('answers a value while its account is unchanged, and nothing once any write moved the generation', async () => {
    const alice = user('alice', { tags: [{ key: 'team', value: 'blue' }] });
    await store.users.insert(alice);
    const cache = new GenerationCheckedCache<{ tags: string[] }>(store.accounts, 10);
    assert.equal(await cache.current('alice', nothing), undefined);
    const derived = await cache.derive('alice', ACCOUNT, tagsOf('alice'));
    assert.deepEqual(derived, { tags: ['team=blue'] });
    assert.equal(await cache.current('alice', nothing), derived);
    await store.users.insert(user('other', { accountId: OTHER_ACCOUNT }));
    assert.equal(await cache.current('alice', nothing), derived, 'a write to another account changes nothing here');
    await store.users.insert(user('bob'));
    assert.equal(await cache.current('alice', nothing), undefined, 'any write to the account, even of another record');
    assert.equal(await cache.current('alice', async () => 'derive anew'), 'derive anew', 'a miss answers what `otherwise` does');
    await store.users.update({ ...alice, tags: [] });
    assert.deepEqual(await cache.derive('alice', ACCOUNT, tagsOf('alice')), { tags: [] });
  });

  it('reads the generation before the records: a change committed while a value is built leaves it untrusted', async () => {
    const carol = user('carol', { tags: [{ key: 'v', value: '1' }] });
    await store.users.insert(carol);
    const cache = new GenerationCheckedCache<{ tags: string[] }>(store.accounts, 10);
    const raced = await cache.derive('carol', ACCOUNT, async () => {
      const value = await tagsOf('carol')();
      // "Another process" commits after the value's records were read, before it is kept.
      await store.users.update({ ...carol, tags: [{ key: 'v', value: '2' }] });
      return value;
    });
    assert.deepEqual(raced, { tags: ['v=1'] }, 'the racing request is answered as of its reads');
    assert.equal(await cache.current('carol', nothing), undefined, 'but the next one derives anew');
    assert.deepEqual(await cache.derive('carol', ACCOUNT, tagsOf('carol')), { tags: ['v=2'] });
  });

  it('keeps nothing for an undefined value, drops a value at its expiry, and keeps at most its bound', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const cache = new GenerationCheckedCache<{ n: number }>(store.accounts, 3, clock);
    assert.equal(await cache.derive('none', ACCOUNT, async () => undefined), undefined);
    assert.equal(cache.size, 0);
    await cache.derive('session', ACCOUNT, async () => ({ n: 0 }), clock.now() + 1000);
    await cache.derive('ended', ACCOUNT, async () => ({ n: -1 }), clock.now());
    assert.deepEqual(await cache.current('session', nothing), { n: 0 });
    assert.equal(await cache.current('ended', nothing), undefined, 'a value already expired is not kept');
    clock.advance(1001);
    assert.equal(await cache.current('session', nothing), undefined);
    for (let n = 1; n <= 5; n++) await cache.derive(`key${n}`, ACCOUNT, async () => ({ n }));
    assert.equal(cache.size, 3);
    assert.equal(await cache.current('key1', nothing), undefined);
    assert.deepEqual(await cache.current('key5', nothing), { n: 5 });
  });
});
