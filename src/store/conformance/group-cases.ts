/** Conformance cases: groups and memberships. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UniqueViolation } from '../store-errors.ts';
import { ACCOUNT, AWS_READ_ONLY, OTHER_ACCOUNT, group, user, withAccounts, type OpenStore } from './fixtures.ts';

const isUniqueGroup = (e: unknown) => e instanceof UniqueViolation && e.entity === 'group';

/** Registers the group cases. */
export function groupCases(open: OpenStore): void {
  test('groups: round-trip, get ignoring case, getById, count, names unique ignoring case', () => withAccounts(open, async (store) => {
    const admins = group('Admins', { path: '/ops/' });
    await store.groups.insert(admins);
    assert.deepEqual(await store.groups.get(ACCOUNT, 'admins'), admins);
    assert.deepEqual(await store.groups.getById(ACCOUNT, admins.id), admins);
    assert.equal(await store.groups.getById(OTHER_ACCOUNT, admins.id), undefined);
    await assert.rejects(store.groups.insert(group('ADMINS')), isUniqueGroup);
    await store.groups.insert(group('admins', { accountId: OTHER_ACCOUNT }));
    assert.equal(await store.groups.count(ACCOUNT), 1);
    assert.equal(await store.groups.count(OTHER_ACCOUNT), 1);
  }));

  test('groups: list by name ignoring case with path prefix; update renames and rejects taken names', () => withAccounts(open, async (store) => {
    const b = group('b', { path: '/x/' });
    await store.groups.insert(b);
    await store.groups.insert(group('C'));
    await store.groups.insert(group('a', { path: '/x/y/' }));
    assert.deepEqual((await store.groups.list(ACCOUNT)).map((g) => g.name), ['a', 'b', 'C']);
    assert.deepEqual((await store.groups.list(ACCOUNT, { pathPrefix: '/x/' })).map((g) => g.name), ['a', 'b']);
    const renamed = { ...b, name: 'D', path: '/', arn: 'arn:aws:iam::111122223333:group/D' };
    await store.groups.update(renamed);
    assert.deepEqual(await store.groups.get(ACCOUNT, 'd'), renamed);
    await assert.rejects(store.groups.update({ ...renamed, name: 'c' }), isUniqueGroup);
    assert.deepEqual(await store.groups.getById(ACCOUNT, b.id), renamed);
  }));

  test('groups: ofUser lists groups in join order, members by name; adding twice keeps one membership', () => withAccounts(open, async (store) => {
    const [zeta, alpha, mid] = [group('zeta'), group('alpha'), group('mid')];
    const [bob, Al, carl] = [user('bob'), user('Al'), user('carl')];
    for (const g of [zeta, alpha, mid]) await store.groups.insert(g);
    for (const u of [bob, Al, carl]) await store.users.insert(u);
    await store.groups.addMember(ACCOUNT, zeta.id, bob.id);
    await store.groups.addMember(ACCOUNT, mid.id, bob.id);
    await store.groups.addMember(ACCOUNT, alpha.id, bob.id);
    await store.groups.addMember(ACCOUNT, zeta.id, bob.id);
    await store.groups.addMember(ACCOUNT, zeta.id, carl.id);
    await store.groups.addMember(ACCOUNT, zeta.id, Al.id);
    assert.deepEqual(await store.groups.ofUser(ACCOUNT, bob.id), [zeta, mid, alpha]);
    assert.deepEqual(await store.groups.members(ACCOUNT, zeta.id), [Al, bob, carl]);
    assert.deepEqual(await store.groups.ofUser(OTHER_ACCOUNT, bob.id), []);
    await store.groups.removeMember(ACCOUNT, mid.id, bob.id);
    await store.groups.removeMember(ACCOUNT, mid.id, bob.id);
    assert.deepEqual(await store.groups.ofUser(ACCOUNT, bob.id), [zeta, alpha]);
    assert.deepEqual(await store.groups.members(ACCOUNT, mid.id), []);
    await store.groups.addMember(ACCOUNT, mid.id, bob.id);
    assert.deepEqual(await store.groups.ofUser(ACCOUNT, bob.id), [zeta, alpha, mid]);
  }));

  test('groups: delete removes the group, its memberships, inline policies and attachments, not its users', () => withAccounts(open, async (store) => {
    const devs = group('devs');
    const ops = group('ops');
    const alice = user('alice');
    await store.users.insert(alice);
    for (const g of [devs, ops]) {
      await store.groups.insert(g);
      await store.groups.addMember(ACCOUNT, g.id, alice.id);
      await store.inlinePolicies.put({ accountId: ACCOUNT, ownerType: 'group', ownerId: g.id, name: 'p', document: '{}' });
      await store.attachments.attach({ accountId: ACCOUNT, policyArn: AWS_READ_ONLY, entityType: 'group', entityId: g.id });
    }
    await store.groups.delete(ACCOUNT, devs.id);
    assert.equal(await store.groups.get(ACCOUNT, 'devs'), undefined);
    assert.deepEqual(await store.groups.ofUser(ACCOUNT, alice.id), [ops]);
    assert.deepEqual(await store.inlinePolicies.list(ACCOUNT, 'group', devs.id), []);
    assert.deepEqual(await store.attachments.ofEntity(ACCOUNT, 'group', devs.id), []);
    assert.equal((await store.attachments.ofEntity(ACCOUNT, 'group', ops.id)).length, 1);
    assert.deepEqual(await store.users.get(ACCOUNT, 'alice'), alice);
    assert.equal(await store.groups.count(ACCOUNT), 1);
  }));
}
