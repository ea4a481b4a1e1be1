/** Conformance cases: access keys, login profiles and the account password policy. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PasswordPolicyRecord } from '../iam-records.ts';
import { UniqueViolation } from '../store-errors.ts';
import { ACCOUNT, OTHER_ACCOUNT, accessKey, at, user, withAccounts, type OpenStore } from './fixtures.ts';

/** Registers the credential cases. */
export function credentialCases(open: OpenStore): void {
  test('accessKeys: round-trip, oldest first per owner, root keys apart, update, delete, ids unique', () => withAccounts(open, async (store) => {
    const alice = user('alice');
    await store.users.insert(alice);
    const newer = accessKey(alice.id, { createdAt: at(20), status: 'Inactive', lastUsed: { date: at(30), service: 'sts', region: 'us-east-1' } });
    const older = accessKey(alice.id, { createdAt: at(10) });
    const sameInstant = accessKey(alice.id, { createdAt: at(20) });
    const root = accessKey(undefined, { secretCiphertext: 'another-opaque/+=' });
    for (const k of [newer, older, sameInstant, root]) await store.accessKeys.insert(k);
    assert.deepEqual(await store.accessKeys.get(newer.id), newer);
    assert.deepEqual(await store.accessKeys.get(root.id), root);
    assert.equal(await store.accessKeys.get('AKIANOTAKEY000000000'), undefined);
    assert.deepEqual(await store.accessKeys.ofUser(ACCOUNT, alice.id), [older, newer, sameInstant]);
    assert.deepEqual(await store.accessKeys.ofUser(ACCOUNT, undefined), [root]);
    assert.deepEqual(await store.accessKeys.ofUser(OTHER_ACCOUNT, undefined), []);
    await assert.rejects(store.accessKeys.insert(accessKey(undefined, { id: older.id })),
      (e) => e instanceof UniqueViolation && e.entity === 'accessKey');
    const used = { ...older, status: 'Inactive' as const, lastUsed: { date: at(40), service: 'iam', region: 'eu-north-1' } };
    await store.accessKeys.update(used);
    assert.deepEqual(await store.accessKeys.get(older.id), used);
    await store.accessKeys.delete(newer.id);
    assert.deepEqual(await store.accessKeys.ofUser(ACCOUNT, alice.id), [used, sameInstant]);
  }));

  test('accessKeys: recordUse sets the last use and nothing else; an unknown id changes nothing', () => withAccounts(open, async (store) => {
    const key = accessKey(undefined, { status: 'Inactive' });
    await store.accessKeys.insert(key);
    const lastUsed = { date: at(50), service: 'eks', region: 'ap-south-1' };
    await store.accessKeys.recordUse(key.id, lastUsed);
    assert.deepEqual(await store.accessKeys.get(key.id), { ...key, lastUsed });
    await store.transaction((tx) => tx.accessKeys.recordUse(key.id, { ...lastUsed, date: at(60) }));
    assert.deepEqual(await store.accessKeys.get(key.id), { ...key, lastUsed: { ...lastUsed, date: at(60) } });
    await store.accessKeys.recordUse('AKIANOTAKEY000000000', lastUsed);
    assert.equal(await store.accessKeys.get('AKIANOTAKEY000000000'), undefined);
  }));

  test('loginProfiles: put, get, put replaces, delete', () => withAccounts(open, async (store) => {
    const alice = user('alice');
    await store.users.insert(alice);
    assert.equal(await store.loginProfiles.get(ACCOUNT, alice.id), undefined);
    const profile = { accountId: ACCOUNT, userId: alice.id, passwordHash: 'scrypt$opaque', passwordResetRequired: true, createdAt: at(1) };
    await store.loginProfiles.put(profile);
    assert.deepEqual(await store.loginProfiles.get(ACCOUNT, alice.id), profile);
    assert.equal(await store.loginProfiles.get(OTHER_ACCOUNT, alice.id), undefined);
    const changed = { ...profile, passwordHash: 'scrypt$new', passwordResetRequired: false };
    await store.loginProfiles.put(changed);
    assert.deepEqual(await store.loginProfiles.get(ACCOUNT, alice.id), changed);
    await store.loginProfiles.delete(ACCOUNT, alice.id);
    assert.equal(await store.loginProfiles.get(ACCOUNT, alice.id), undefined);
  }));

  test('passwordPolicies: put, get, put replaces (optional fields too), delete, per account', () => withAccounts(open, async (store) => {
    const policy: PasswordPolicyRecord = {
      accountId: ACCOUNT, minimumPasswordLength: 14, requireSymbols: true, requireNumbers: false, requireUppercaseCharacters: true,
      requireLowercaseCharacters: false, allowUsersToChangePassword: true, maxPasswordAge: 90, passwordReusePrevention: 5, hardExpiry: false,
    };
    assert.equal(await store.passwordPolicies.get(ACCOUNT), undefined);
    await store.passwordPolicies.put(policy);
    assert.deepEqual(await store.passwordPolicies.get(ACCOUNT), policy);
    const relaxed = { ...policy, minimumPasswordLength: 8, maxPasswordAge: undefined, passwordReusePrevention: undefined, hardExpiry: true };
    await store.passwordPolicies.put(relaxed);
    assert.deepEqual(await store.passwordPolicies.get(ACCOUNT), relaxed);
    assert.equal(await store.passwordPolicies.get(OTHER_ACCOUNT), undefined);
    await store.passwordPolicies.delete(ACCOUNT);
    assert.equal(await store.passwordPolicies.get(ACCOUNT), undefined);
  }));
}
