/** Conformance cases: accounts and their authorization generation. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UniqueViolation } from '../store-errors.ts';
import { ACCOUNT, OTHER_ACCOUNT, accessKey, account, at, user, withAccounts, withStore, type OpenStore } from './fixtures.ts';

/** Registers the account cases. */
export function accountCases(open: OpenStore): void {
  test('accounts: create, get and list round-trip, listed by id; unknown ids are undefined', () => withStore(open, async (store) => {
    assert.equal(typeof store.description, 'string');
    assert.deepEqual(await store.accounts.list(), []);
    await store.accounts.create(account('999999999999', at(7)));
    await store.accounts.create(account('000000000001', at(8)));
    assert.deepEqual(await store.accounts.get('999999999999'), account('999999999999', at(7)));
    assert.equal(await store.accounts.get('123456789012'), undefined);
    assert.deepEqual(await store.accounts.list(), [account('000000000001', at(8)), account('999999999999', at(7))]);
  }));

  test('accounts: creating an existing account raises UniqueViolation', () => withStore(open, async (store) => {
    await store.accounts.create(account('111111111111'));
    await assert.rejects(store.accounts.create(account('111111111111', at(9))), (e) => e instanceof UniqueViolation && e.entity === 'account');
    assert.deepEqual(await store.accounts.get('111111111111'), account('111111111111'));
  }));

  test('accounts: generation starts at 0 and each bump adds 1, per account; bumping an unknown account rejects', () => withStore(open, async (store) => {
    await store.accounts.create(account('111111111111'));
    await store.accounts.create(account('222222222222'));
    assert.equal(await store.accounts.generation('111111111111'), 0);
    await store.accounts.bumpGeneration('111111111111');
    await store.accounts.bumpGeneration('111111111111');
    await store.transaction((s) => s.accounts.bumpGeneration('111111111111'));
    assert.equal(await store.accounts.generation('111111111111'), 3);
    assert.equal(await store.accounts.generation('222222222222'), 0);
    assert.equal(await store.accounts.generation('333333333333'), 0);
    await assert.rejects(store.accounts.bumpGeneration('333333333333'));
  }));

  test('accounts: eraseAll empties every account; generations go on above every generation seen before', () => withAccounts(open, async (store) => {
    const alice = user('alice');
    await store.users.insert(alice);
    const key = accessKey(alice.id);
    await store.accessKeys.insert(key);
    for (let i = 0; i < 3; i++) await store.accounts.bumpGeneration(OTHER_ACCOUNT);
    const before = Math.max(await store.accounts.generation(ACCOUNT), await store.accounts.generation(OTHER_ACCOUNT));
    await store.transaction((s) => s.accounts.eraseAll());
    assert.deepEqual(await store.accounts.list(), []);
    assert.equal(await store.users.get(ACCOUNT, 'alice'), undefined);
    assert.equal(await store.accessKeys.get(key.id), undefined);
    // A cache made before (at any generation up to `before`) matches neither a missing nor a new account.
    assert.ok(await store.accounts.generation(ACCOUNT) > before);
    await store.accounts.create(account(ACCOUNT));
    assert.ok(await store.accounts.generation(ACCOUNT) > before);
    await store.accounts.eraseAll();
    assert.ok(await store.accounts.generation(OTHER_ACCOUNT) > before + 1, 'each erasure moves past the last');
    await store.accounts.create(account(ACCOUNT));
    await store.users.insert(user('alice', { id: alice.id })); // the same ids can be used again
  }));
}
