/** Conformance cases: the service control policies of an account (`scp-records.ts`). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ServiceControlPolicyRecord } from '../scp-records.ts';
import { ACCOUNT, OTHER_ACCOUNT, at, withAccounts, type OpenStore } from './fixtures.ts';

const DENY_EKS = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"eks:*","Resource":"*"}]}';
const ALLOW_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

function scp(name: string, overrides: Partial<ServiceControlPolicyRecord> = {}): ServiceControlPolicyRecord {
  return { accountId: ACCOUNT, name, document: ALLOW_ALL, updatedAt: at(1), ...overrides };
}

/** Registers the SCP cases. */
export function scpCases(open: OpenStore): void {
  test('service control policies: put round-trips every field, list is per account and ordered by name by code point', () => withAccounts(open, async (store) => {
    assert.deepEqual(await store.serviceControlPolicies.list(ACCOUNT), []);
    assert.equal(await store.serviceControlPolicies.get(ACCOUNT, 'FullAccess'), undefined);
    const full = scp('FullAccess');
    const deny = scp('DenyEks', { document: DENY_EKS, updatedAt: at(2) });
    const lower = scp('audit', { updatedAt: at(3) });
    await store.serviceControlPolicies.put(full);
    await store.transaction(async (tx) => {
      await tx.serviceControlPolicies.put(lower);
      await tx.serviceControlPolicies.put(deny);
    });
    await store.serviceControlPolicies.put(scp('Other', { accountId: OTHER_ACCOUNT }));
    assert.deepEqual(await store.serviceControlPolicies.get(ACCOUNT, 'DenyEks'), deny);
    assert.deepEqual(await store.serviceControlPolicies.list(ACCOUNT), [deny, full, lower], 'upper case sorts before lower case');
    assert.deepEqual((await store.serviceControlPolicies.list(OTHER_ACCOUNT)).map((p) => p.name), ['Other']);
    assert.equal(await store.serviceControlPolicies.get(OTHER_ACCOUNT, 'DenyEks'), undefined);
  }));

  test('service control policies: names are exact; put of a name held replaces its document; delete removes one, a missing one is no error', () => withAccounts(open, async (store) => {
    await store.serviceControlPolicies.put(scp('DenyEks', { document: DENY_EKS }));
    assert.equal(await store.serviceControlPolicies.get(ACCOUNT, 'denyeks'), undefined, 'names are not matched ignoring case');
    const replaced = scp('DenyEks', { document: ALLOW_ALL, updatedAt: at(9) });
    await store.serviceControlPolicies.put(replaced);
    assert.deepEqual(await store.serviceControlPolicies.list(ACCOUNT), [replaced]);
    await store.serviceControlPolicies.put(scp('denyeks'));
    assert.deepEqual((await store.serviceControlPolicies.list(ACCOUNT)).map((p) => p.name), ['DenyEks', 'denyeks']);
    await store.serviceControlPolicies.delete(ACCOUNT, 'DenyEks');
    assert.deepEqual((await store.serviceControlPolicies.list(ACCOUNT)).map((p) => p.name), ['denyeks']);
    await store.serviceControlPolicies.delete(ACCOUNT, 'DenyEks');
    await store.transaction((tx) => tx.serviceControlPolicies.delete(ACCOUNT, 'denyeks'));
    assert.deepEqual(await store.serviceControlPolicies.list(ACCOUNT), []);
  }));

  test('service control policies: a put for an unknown account is refused and writes nothing; erasing every account removes them', () => withAccounts(open, async (store) => {
    await assert.rejects(store.serviceControlPolicies.put(scp('Stray', { accountId: '999999999999' })));
    assert.deepEqual(await store.serviceControlPolicies.list('999999999999'), []);
    await store.serviceControlPolicies.put(scp('Kept'));
    await store.transaction((tx) => tx.accounts.eraseAll());
    assert.deepEqual(await store.serviceControlPolicies.list(ACCOUNT), []);
  }));
}
