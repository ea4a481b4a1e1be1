/** Conformance cases: users (docs/aws-behaviour/iam-identities-and-quotas.md: names unique per account, case-insensitively). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UniqueViolation } from '../store-errors.ts';
import { ACCOUNT, AWS_READ_ONLY, OTHER_ACCOUNT, accessKey, at, group, user, withAccounts, type OpenStore } from './fixtures.ts';

const isUniqueUser = (e: unknown) => e instanceof UniqueViolation && e.entity === 'user';

/** Registers the user cases. */
export function userCases(open: OpenStore): void {
  test('users: records round-trip exactly, with optional fields absent or present', () => withAccounts(open, async (store) => {
    const bare = user('bare');
    const full = user('full', {
      path: '/division/team/', permissionsBoundaryArn: AWS_READ_ONLY,
      tags: [{ key: 'z', value: 'last' }, { key: 'a', value: '' }, { key: 'Ünï', value: 'cødé' }],
    });
    await store.users.insert(bare);
    await store.users.insert(full);
    assert.deepEqual(await store.users.get(ACCOUNT, 'bare'), bare);
    assert.deepEqual(await store.users.get(ACCOUNT, 'full'), full);
    assert.deepEqual(await store.users.getById(ACCOUNT, full.id), full);
  }));

  test('users: get ignores case, getById is scoped to the account, unknown is undefined', () => withAccounts(open, async (store) => {
    const alice = user('Alice');
    await store.users.insert(alice);
    assert.deepEqual(await store.users.get(ACCOUNT, 'aLICE'), alice);
    assert.equal(await store.users.get(OTHER_ACCOUNT, 'Alice'), undefined);
    assert.equal(await store.users.getById(OTHER_ACCOUNT, alice.id), undefined);
    assert.equal(await store.users.get(ACCOUNT, 'bob'), undefined);
  }));

  test('users: a name taken in any case raises UniqueViolation; other accounts are separate', () => withAccounts(open, async (store) => {
    const alice = user('Alice');
    await store.users.insert(alice);
    await assert.rejects(store.users.insert(user('ALICE')), isUniqueUser);
    await assert.rejects(store.users.insert(user('alice', { path: '/other/' })), isUniqueUser);
    await assert.rejects(store.users.insert(user('carol', { id: alice.id })), isUniqueUser);
    await store.users.insert(user('alice', { accountId: OTHER_ACCOUNT }));
    assert.equal(await store.users.count(ACCOUNT), 1);
    assert.equal(await store.users.count(OTHER_ACCOUNT), 1);
  }));

  test('users: list is ordered by name ignoring case and filtered by literal path prefix', () => withAccounts(open, async (store) => {
    for (const [name, path] of [['bob', '/a/'], ['Alice', '/a/b/'], ['carol', '/'], ['alan', '/a_/'], ['Zed', '/A/']] as const) {
      await store.users.insert(user(name, { path }));
    }
    await store.users.insert(user('other', { accountId: OTHER_ACCOUNT }));
    const names = async (pathPrefix?: string) => (await store.users.list(ACCOUNT, { pathPrefix })).map((u) => u.name);
    assert.deepEqual(await names(), ['alan', 'Alice', 'bob', 'carol', 'Zed']);
    assert.deepEqual((await store.users.list(ACCOUNT)).map((u) => u.name), ['alan', 'Alice', 'bob', 'carol', 'Zed']);
    assert.deepEqual(await names('/'), ['alan', 'Alice', 'bob', 'carol', 'Zed']);
    assert.deepEqual(await names('/a/'), ['Alice', 'bob']);
    assert.deepEqual(await names('/a'), ['alan', 'Alice', 'bob']);
    assert.deepEqual(await names('/a_'), ['alan']);
    assert.deepEqual(await names('/A'), ['Zed']);
    assert.deepEqual(await names('/none/'), []);
    assert.equal(await store.users.count(ACCOUNT), 5);
  }));

  test('users: update replaces every field; a rename to a taken name raises UniqueViolation', () => withAccounts(open, async (store) => {
    const alice = user('alice', { tags: [{ key: 'k', value: 'v' }], permissionsBoundaryArn: AWS_READ_ONLY });
    await store.users.insert(alice);
    await store.users.insert(user('bob'));
    const renamed = { ...alice, name: 'Alicia', path: '/new/', arn: 'arn:aws:iam::111122223333:user/new/Alicia', tags: [], permissionsBoundaryArn: undefined };
    await store.users.update(renamed);
    assert.equal(await store.users.get(ACCOUNT, 'alice'), undefined);
    assert.deepEqual(await store.users.get(ACCOUNT, 'alicia'), renamed);
    await assert.rejects(store.users.update({ ...renamed, name: 'BOB' }), isUniqueUser);
    assert.deepEqual(await store.users.getById(ACCOUNT, alice.id), renamed);
    await store.users.update({ ...renamed, name: 'ALICIA' });
    assert.equal((await store.users.get(ACCOUNT, 'alicia'))?.name, 'ALICIA');
  }));

  test('users: delete removes the user and what it owns, nothing else', () => withAccounts(open, async (store) => {
    const alice = user('alice');
    const bob = user('bob');
    const devs = group('devs');
    await store.users.insert(alice);
    await store.users.insert(bob);
    await store.groups.insert(devs);
    for (const u of [alice, bob]) {
      await store.groups.addMember(ACCOUNT, devs.id, u.id);
      await store.inlinePolicies.put({ accountId: ACCOUNT, ownerType: 'user', ownerId: u.id, name: 'p', document: '{}' });
      await store.attachments.attach({ accountId: ACCOUNT, policyArn: AWS_READ_ONLY, entityType: 'user', entityId: u.id });
      await store.accessKeys.insert(accessKey(u.id));
      await store.loginProfiles.put({ accountId: ACCOUNT, userId: u.id, passwordHash: 'h', passwordResetRequired: false, createdAt: at(1) });
    }
    await store.users.delete(ACCOUNT, alice.id);
    assert.equal(await store.users.getById(ACCOUNT, alice.id), undefined);
    assert.deepEqual(await store.groups.ofUser(ACCOUNT, alice.id), []);
    assert.deepEqual((await store.groups.members(ACCOUNT, devs.id)).map((u) => u.name), ['bob']);
    assert.deepEqual(await store.inlinePolicies.list(ACCOUNT, 'user', alice.id), []);
    assert.deepEqual(await store.attachments.ofEntity(ACCOUNT, 'user', alice.id), []);
    assert.deepEqual(await store.accessKeys.ofUser(ACCOUNT, alice.id), []);
    assert.equal(await store.loginProfiles.get(ACCOUNT, alice.id), undefined);
    assert.equal((await store.inlinePolicies.list(ACCOUNT, 'user', bob.id)).length, 1);
    assert.equal((await store.attachments.ofEntity(ACCOUNT, 'user', bob.id)).length, 1);
    assert.equal((await store.accessKeys.ofUser(ACCOUNT, bob.id)).length, 1);
    assert.notEqual(await store.loginProfiles.get(ACCOUNT, bob.id), undefined);
    assert.equal(await store.users.count(ACCOUNT), 1);
    await store.users.delete(ACCOUNT, alice.id); // deleting what is gone is a no-op
  }));
}
