/** Conformance cases: accounts and their authorization generation. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UniqueViolation } from '../store-errors.ts';
import { account, at, withStore, type OpenStore } from './fixtures.ts';

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
}
