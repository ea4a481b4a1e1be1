/** Conformance cases: inline policies, customer managed policies with their versions, and attachments. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttachmentRecord } from '../iam-records.ts';
import { UniqueViolation } from '../store-errors.ts';
import { ACCOUNT, AWS_READ_ONLY, OTHER_ACCOUNT, at, managedPolicy, policyVersion, role, user, withAccounts, type OpenStore } from './fixtures.ts';

/** Registers the policy cases. */
export function policyCases(open: OpenStore): void {
  test('inlinePolicies: put, get, list by name, put replaces, owners are separate, delete', () => withAccounts(open, async (store) => {
    const owner = { accountId: ACCOUNT, ownerType: 'user', ownerId: 'AIDA0000000000000001' } as const;
    await store.inlinePolicies.put({ ...owner, name: 'b', document: '{"v":1}' });
    await store.inlinePolicies.put({ ...owner, name: 'a', document: '{"v":2}' });
    await store.inlinePolicies.put({ ...owner, ownerType: 'role', name: 'a', document: '{"role":true}' });
    await store.inlinePolicies.put({ ...owner, ownerId: 'AIDA0000000000000002', name: 'a', document: '{"other":true}' });
    await store.inlinePolicies.put({ ...owner, name: 'b', document: '{"v":3}' });
    assert.deepEqual(await store.inlinePolicies.get(ACCOUNT, 'user', owner.ownerId, 'b'), { ...owner, name: 'b', document: '{"v":3}' });
    assert.deepEqual(await store.inlinePolicies.list(ACCOUNT, 'user', owner.ownerId), [
      { ...owner, name: 'a', document: '{"v":2}' },
      { ...owner, name: 'b', document: '{"v":3}' },
    ]);
    assert.equal((await store.inlinePolicies.get(ACCOUNT, 'role', owner.ownerId, 'a'))?.document, '{"role":true}');
    assert.equal(await store.inlinePolicies.get(OTHER_ACCOUNT, 'user', owner.ownerId, 'a'), undefined);
    await store.inlinePolicies.delete(ACCOUNT, 'user', owner.ownerId, 'a');
    assert.deepEqual((await store.inlinePolicies.list(ACCOUNT, 'user', owner.ownerId)).map((p) => p.name), ['b']);
    assert.equal((await store.inlinePolicies.list(ACCOUNT, 'role', owner.ownerId)).length, 1);
  }));

  test('managedPolicies: insert with first version, get by ARN, list by name ignoring case, count', () => withAccounts(open, async (store) => {
    const p = managedPolicy('Deploy', { path: '/ci/', description: 'deploys', tags: [{ key: 'k', value: 'v' }] });
    const v1 = policyVersion(p.arn, 'v1');
    await store.managedPolicies.insert(p, v1);
    await store.managedPolicies.insert(managedPolicy('audit'), policyVersion(managedPolicy('audit').arn, 'v1'));
    await store.managedPolicies.insert(managedPolicy('Zeta', { path: '/ci/x/' }), policyVersion('arn:aws:iam::111122223333:policy/ci/x/Zeta', 'v1'));
    await store.managedPolicies.insert(managedPolicy('other', { accountId: OTHER_ACCOUNT }),
      policyVersion('arn:aws:iam::444455556666:policy/other', 'v1'));
    assert.deepEqual(await store.managedPolicies.get(p.arn), p);
    assert.equal(await store.managedPolicies.get(p.arn.toLowerCase()), undefined);
    assert.deepEqual(await store.managedPolicies.getVersion(p.arn, 'v1'), v1);
    assert.deepEqual((await store.managedPolicies.list(ACCOUNT)).map((x) => x.name), ['audit', 'Deploy', 'Zeta']);
    assert.deepEqual((await store.managedPolicies.list(ACCOUNT, { pathPrefix: '/ci/' })).map((x) => x.name), ['Deploy', 'Zeta']);
    assert.equal(await store.managedPolicies.count(ACCOUNT), 3);
    assert.equal(await store.managedPolicies.count(OTHER_ACCOUNT), 1);
  }));

  test('managedPolicies: a name taken in any case raises UniqueViolation and writes nothing', () => withAccounts(open, async (store) => {
    const p = managedPolicy('Deploy');
    await store.managedPolicies.insert(p, policyVersion(p.arn, 'v1'));
    const clash = managedPolicy('DEPLOY', { path: '/other/' });
    await assert.rejects(store.managedPolicies.insert(clash, policyVersion(clash.arn, 'v1')),
      (e) => e instanceof UniqueViolation && e.entity === 'managedPolicy');
    assert.equal(await store.managedPolicies.get(clash.arn), undefined);
    assert.deepEqual(await store.managedPolicies.listVersions(clash.arn), []);
    assert.equal(await store.managedPolicies.count(ACCOUNT), 1);
  }));

  test('managedPolicies: versions listed newest first, ids unique per policy; update; delete takes versions', () => withAccounts(open, async (store) => {
    const p = managedPolicy('p');
    const v1 = policyVersion(p.arn, 'v1', at(1));
    const v2 = policyVersion(p.arn, 'v2', at(2));
    const v3 = policyVersion(p.arn, 'v3', at(2)); // same instant as v2: insertion order decides
    await store.managedPolicies.insert(p, v1);
    await store.managedPolicies.insertVersion(v2);
    await store.managedPolicies.insertVersion(v3);
    assert.deepEqual(await store.managedPolicies.listVersions(p.arn), [v3, v2, v1]);
    await assert.rejects(store.managedPolicies.insertVersion(policyVersion(p.arn, 'v2', at(9))),
      (e) => e instanceof UniqueViolation && e.entity === 'policyVersion');
    await store.managedPolicies.deleteVersion(p.arn, 'v2');
    assert.equal(await store.managedPolicies.getVersion(p.arn, 'v2'), undefined);
    assert.deepEqual(await store.managedPolicies.listVersions(p.arn), [v3, v1]);
    const updated = { ...p, defaultVersionId: 'v3', nextVersion: 4, updatedAt: at(60), description: 'now described', tags: [{ key: 'a', value: 'b' }] };
    await store.managedPolicies.update(updated);
    assert.deepEqual(await store.managedPolicies.get(p.arn), updated);
    await store.managedPolicies.update({ ...updated, description: undefined });
    assert.equal((await store.managedPolicies.get(p.arn))?.description, undefined);
    await store.managedPolicies.delete(p.arn);
    assert.equal(await store.managedPolicies.get(p.arn), undefined);
    assert.deepEqual(await store.managedPolicies.listVersions(p.arn), []);
    assert.equal(await store.managedPolicies.getVersion(p.arn, 'v1'), undefined);
    await store.managedPolicies.insert(p, v1); // the name and ARN are free again
  }));

  test('attachments: attachment order, idempotent attach, ofPolicy per account, detach', () => withAccounts(open, async (store) => {
    const custom = managedPolicy('custom');
    await store.managedPolicies.insert(custom, policyVersion(custom.arn, 'v1'));
    const on = (policyArn: string, entityType: AttachmentRecord['entityType'], entityId: string, accountId = ACCOUNT): AttachmentRecord =>
      ({ accountId, policyArn, entityType, entityId });
    const zArn = 'arn:aws:iam::aws:policy/ZZZ';
    await store.attachments.attach(on(zArn, 'user', 'U1'));
    await store.attachments.attach(on(custom.arn, 'user', 'U1'));
    await store.attachments.attach(on(AWS_READ_ONLY, 'user', 'U1'));
    await store.attachments.attach(on(zArn, 'user', 'U1'));
    await store.attachments.attach(on(AWS_READ_ONLY, 'role', 'R1'));
    await store.attachments.attach(on(AWS_READ_ONLY, 'group', 'U1'));
    await store.attachments.attach(on(AWS_READ_ONLY, 'user', 'U9', OTHER_ACCOUNT));
    assert.deepEqual(await store.attachments.ofEntity(ACCOUNT, 'user', 'U1'), [on(zArn, 'user', 'U1'), on(custom.arn, 'user', 'U1'), on(AWS_READ_ONLY, 'user', 'U1')]);
    assert.deepEqual(await store.attachments.ofEntity(ACCOUNT, 'group', 'U1'), [on(AWS_READ_ONLY, 'group', 'U1')]);
    assert.deepEqual(await store.attachments.ofPolicy(ACCOUNT, AWS_READ_ONLY), [
      on(AWS_READ_ONLY, 'user', 'U1'), on(AWS_READ_ONLY, 'role', 'R1'), on(AWS_READ_ONLY, 'group', 'U1'),
    ]);
    await store.attachments.detach(on(zArn, 'user', 'U1'));
    await store.attachments.detach(on(zArn, 'user', 'U1'));
    assert.deepEqual(await store.attachments.ofEntity(ACCOUNT, 'user', 'U1'), [on(custom.arn, 'user', 'U1'), on(AWS_READ_ONLY, 'user', 'U1')]);
    assert.deepEqual(await store.attachments.ofPolicy(OTHER_ACCOUNT, AWS_READ_ONLY), [on(AWS_READ_ONLY, 'user', 'U9', OTHER_ACCOUNT)]);
  }));

  test('attachments: countForPolicy counts attachments and permissions boundaries within the account', () => withAccounts(open, async (store) => {
    const arn = 'arn:aws:iam::111122223333:policy/boundary';
    assert.deepEqual(await store.attachments.countForPolicy(ACCOUNT, arn), { attachments: 0, boundaries: 0 });
    await store.users.insert(user('u1', { permissionsBoundaryArn: arn }));
    await store.users.insert(user('u2', { permissionsBoundaryArn: AWS_READ_ONLY }));
    await store.roles.insert(role('r1', { permissionsBoundaryArn: arn }));
    await store.roles.insert(role('r2', { permissionsBoundaryArn: arn }));
    await store.attachments.attach({ accountId: ACCOUNT, policyArn: arn, entityType: 'group', entityId: 'G1' });
    assert.deepEqual(await store.attachments.countForPolicy(ACCOUNT, arn), { attachments: 1, boundaries: 3 });
    await store.users.insert(user('u3', { accountId: OTHER_ACCOUNT, permissionsBoundaryArn: AWS_READ_ONLY }));
    await store.attachments.attach({ accountId: OTHER_ACCOUNT, policyArn: AWS_READ_ONLY, entityType: 'role', entityId: 'R9' });
    assert.deepEqual(await store.attachments.countForPolicy(ACCOUNT, AWS_READ_ONLY), { attachments: 0, boundaries: 1 });
    assert.deepEqual(await store.attachments.countForPolicy(OTHER_ACCOUNT, AWS_READ_ONLY), { attachments: 1, boundaries: 1 });
  }));
}
