/** Conformance cases: roles. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UniqueViolation } from '../store-errors.ts';
import { ACCOUNT, AWS_READ_ONLY, OTHER_ACCOUNT, at, role, withAccounts, type OpenStore } from './fixtures.ts';

const isUniqueRole = (e: unknown) => e instanceof UniqueViolation && e.entity === 'role';

/** Registers the role cases. */
export function roleCases(open: OpenStore): void {
  test('roles: records round-trip exactly, with optional fields absent or present', () => withAccounts(open, async (store) => {
    const bare = role('bare');
    const full = role('full', {
      path: '/service-role/', description: 'Ünïcode “quotes” & <xml>', maxSessionDuration: 43200,
      permissionsBoundaryArn: AWS_READ_ONLY, tags: [{ key: 'team', value: 'a' }, { key: 'env', value: 'b' }],
      lastUsed: { date: at(99), region: 'eu-west-3' },
    });
    const empty = role('empty-description', { description: '' });
    for (const r of [bare, full, empty]) await store.roles.insert(r);
    assert.deepEqual(await store.roles.get(ACCOUNT, 'bare'), bare);
    assert.deepEqual(await store.roles.get(ACCOUNT, 'full'), full);
    assert.deepEqual(await store.roles.get(ACCOUNT, 'empty-description'), empty);
    assert.deepEqual(await store.roles.getById(ACCOUNT, full.id), full);
    assert.equal(await store.roles.getById(OTHER_ACCOUNT, full.id), undefined);
  }));

  test('roles: get ignores case; names unique ignoring case per account; list and count', () => withAccounts(open, async (store) => {
    await store.roles.insert(role('Deployer', { path: '/ci/' }));
    await store.roles.insert(role('admin'));
    await store.roles.insert(role('Batch', { path: '/ci/' }));
    await assert.rejects(store.roles.insert(role('deployer')), isUniqueRole);
    await store.roles.insert(role('deployer', { accountId: OTHER_ACCOUNT }));
    assert.equal((await store.roles.get(ACCOUNT, 'DEPLOYER'))?.name, 'Deployer');
    assert.deepEqual((await store.roles.list(ACCOUNT)).map((r) => r.name), ['admin', 'Batch', 'Deployer']);
    assert.deepEqual((await store.roles.list(ACCOUNT, { pathPrefix: '/ci/' })).map((r) => r.name), ['Batch', 'Deployer']);
    assert.equal(await store.roles.count(ACCOUNT), 3);
    assert.equal(await store.roles.count(OTHER_ACCOUNT), 1);
  }));

  test('roles: update replaces every field, including clearing optional ones', () => withAccounts(open, async (store) => {
    const r = role('r', { description: 'd', permissionsBoundaryArn: AWS_READ_ONLY, lastUsed: { date: at(1), region: 'us-east-1' } });
    await store.roles.insert(r);
    await store.roles.insert(role('taken'));
    const changed = {
      ...r, description: undefined, permissionsBoundaryArn: undefined, maxSessionDuration: 7200,
      trustPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}', tags: [{ key: 'k', value: 'v' }],
      lastUsed: { date: at(50), region: 'ap-south-1' },
    };
    await store.roles.update(changed);
    assert.deepEqual(await store.roles.getById(ACCOUNT, r.id), changed);
    await store.roles.update({ ...changed, lastUsed: undefined });
    assert.equal((await store.roles.getById(ACCOUNT, r.id))?.lastUsed, undefined);
    await assert.rejects(store.roles.update({ ...changed, name: 'TAKEN' }), isUniqueRole);
  }));

  test('roles: delete removes the role with its inline policies and attachments', () => withAccounts(open, async (store) => {
    const r = role('r');
    const keep = role('keep');
    for (const x of [r, keep]) {
      await store.roles.insert(x);
      await store.inlinePolicies.put({ accountId: ACCOUNT, ownerType: 'role', ownerId: x.id, name: 'p', document: '{}' });
      await store.attachments.attach({ accountId: ACCOUNT, policyArn: AWS_READ_ONLY, entityType: 'role', entityId: x.id });
    }
    await store.roles.delete(ACCOUNT, r.id);
    assert.equal(await store.roles.get(ACCOUNT, 'r'), undefined);
    assert.deepEqual(await store.inlinePolicies.list(ACCOUNT, 'role', r.id), []);
    assert.deepEqual(await store.attachments.ofEntity(ACCOUNT, 'role', r.id), []);
    assert.equal((await store.inlinePolicies.list(ACCOUNT, 'role', keep.id)).length, 1);
    assert.deepEqual(await store.attachments.ofPolicy(ACCOUNT, AWS_READ_ONLY), [
      { accountId: ACCOUNT, policyArn: AWS_READ_ONLY, entityType: 'role', entityId: keep.id },
    ]);
    await store.roles.insert(role('r'));
    assert.equal(await store.roles.count(ACCOUNT), 2);
  }));
}
