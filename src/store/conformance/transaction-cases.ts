/**
 * Conformance cases: transactions are atomic, isolated from reads made outside them, and serialized,
 * so that a check-then-insert quota (two access keys per user, docs/aws-behaviour/iam-identities-and-quotas.md) holds under concurrency.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { UniqueViolation } from '../store-errors.ts';
import { KEYS_PER_USER, addKeyWithinQuota } from './access-key-quota.ts';
import { ACCOUNT, accessKey, group, user, withAccounts, type OpenStore } from './fixtures.ts';

/** Registers the transaction cases. */
export function transactionCases(open: OpenStore): void {
  test('transaction: commits every write together and returns what the work returns', () => withAccounts(open, async (store) => {
    const alice = user('alice');
    const devs = group('devs');
    const result = await store.transaction(async (s) => {
      await s.users.insert(alice);
      await s.groups.insert(devs);
      await s.groups.addMember(ACCOUNT, devs.id, alice.id);
      assert.deepEqual(await s.users.get(ACCOUNT, 'ALICE'), alice); // a transaction reads its own writes
      await s.accounts.bumpGeneration(ACCOUNT);
      return 'done';
    });
    assert.equal(result, 'done');
    assert.deepEqual(await store.groups.members(ACCOUNT, devs.id), [alice]);
    assert.equal(await store.accounts.generation(ACCOUNT), 1);
  }));

  test('transaction: a thrown error rolls back every write and is rethrown as is', () => withAccounts(open, async (store) => {
    const failure = new Error('boom');
    const alice = user('alice');
    await assert.rejects(store.transaction(async (s) => {
      await s.users.insert(alice);
      await s.accessKeys.insert(accessKey(alice.id));
      await s.accounts.bumpGeneration(ACCOUNT);
      await s.passwordPolicies.delete(ACCOUNT);
      throw failure;
    }), (e) => e === failure);
    assert.equal(await store.users.get(ACCOUNT, 'alice'), undefined);
    assert.deepEqual(await store.accessKeys.ofUser(ACCOUNT, alice.id), []);
    assert.equal(await store.accounts.generation(ACCOUNT), 0);
  }));

  test('transaction: a UniqueViolation escaping the work rolls back its earlier writes', () => withAccounts(open, async (store) => {
    await store.users.insert(user('taken'));
    await assert.rejects(store.transaction(async (s) => {
      await s.groups.insert(group('new-group'));
      await s.users.insert(user('TAKEN'));
    }), UniqueViolation);
    assert.equal(await store.groups.get(ACCOUNT, 'new-group'), undefined);
    assert.equal(await store.users.count(ACCOUNT), 1);
  }));

  test('transaction: reads outside a transaction never see its uncommitted writes', () => withAccounts(open, async (store) => {
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((resolve) => { inserted = resolve; });
    const work = store.transaction(async (s) => {
      await s.users.insert(user('ghost'));
      inserted();
      await delay(20);
      throw new Error('rolled back');
    });
    await insertedSignal;
    const seen = await store.users.get(ACCOUNT, 'ghost');
    await assert.rejects(work, /rolled back/);
    assert.equal(seen, undefined);
    assert.equal(await store.users.get(ACCOUNT, 'ghost'), undefined);
  }));

  test('transaction: 20 concurrent check-then-insert attempts leave exactly 2 access keys', () => withAccounts(open, async (store) => {
    const alice = user('alice');
    await store.users.insert(alice);
    const attempts = Array.from({ length: 20 }, () => store.transaction((s) => addKeyWithinQuota(s, alice.id)));
    const outcomes = await Promise.all(attempts);
    assert.equal(outcomes.filter(Boolean).length, KEYS_PER_USER);
    assert.equal((await store.accessKeys.ofUser(ACCOUNT, alice.id)).length, KEYS_PER_USER);
  }));

  test('transaction: concurrent read-modify-write transactions lose no update', () => withAccounts(open, async (store) => {
    const base = {
      accountId: ACCOUNT, minimumPasswordLength: 0, requireSymbols: false, requireNumbers: false, requireUppercaseCharacters: false,
      requireLowercaseCharacters: false, allowUsersToChangePassword: false, maxPasswordAge: undefined, passwordReusePrevention: undefined,
      hardExpiry: false,
    };
    await store.passwordPolicies.put(base);
    await Promise.all(Array.from({ length: 10 }, () => store.transaction(async (s) => {
      const current = await s.passwordPolicies.get(ACCOUNT);
      await delay(1);
      await s.passwordPolicies.put({ ...base, minimumPasswordLength: (current?.minimumPasswordLength ?? 0) + 1 });
    })));
    assert.equal((await store.passwordPolicies.get(ACCOUNT))?.minimumPasswordLength, 10);
  }));
}
