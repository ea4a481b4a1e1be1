// The AWS managed policy catalogue over the shipped data: look-up by ARN (with the policy's path),
// the sorted list, and the same object for a policy however it is reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { awsManagedPolicyCatalog, AWS_MANAGED_POLICY_PREFIX } from './aws-managed-policy-catalog.ts';

const raw = JSON.parse(readFileSync(new URL('../../../data/aws-managed-policies.json', import.meta.url), 'utf8')) as { policies: Record<string, { Path: string; Document: unknown; DefaultVersionId: string; CreateDate: string }> };

test('a policy is found by its ARN, path included, and by no other', () => {
  const catalog = awsManagedPolicyCatalog(raw);
  const readOnly = catalog.get(`${AWS_MANAGED_POLICY_PREFIX}ReadOnlyAccess`);
  assert.equal(readOnly?.name, 'ReadOnlyAccess');
  assert.equal(readOnly.path, '/');
  assert.equal(readOnly.defaultVersionId, raw.policies['ReadOnlyAccess']!.DefaultVersionId);
  assert.deepEqual(JSON.parse(readOnly.document), raw.policies['ReadOnlyAccess']!.Document);
  assert.equal(readOnly.createdAt.toISOString(), new Date(raw.policies['ReadOnlyAccess']!.CreateDate).toISOString());
  assert.match(readOnly.id, /^ANPA[A-Z0-9]{17}$/);

  const eks = catalog.get(`${AWS_MANAGED_POLICY_PREFIX}service-role/AmazonEBSCSIDriverPolicy`);
  assert.equal(eks?.path, '/service-role/');
  for (const arn of [
    `${AWS_MANAGED_POLICY_PREFIX}AmazonEBSCSIDriverPolicy`, // the path left out
    `${AWS_MANAGED_POLICY_PREFIX}job-function/ReadOnlyAccess`, // another path
    `${AWS_MANAGED_POLICY_PREFIX}NoSuchPolicy`,
    `${AWS_MANAGED_POLICY_PREFIX}__proto__`,
    `${AWS_MANAGED_POLICY_PREFIX}toString`,
    'arn:aws:iam::111122223333:policy/ReadOnlyAccess',
    'ReadOnlyAccess',
  ]) assert.equal(catalog.get(arn), undefined, arn);
});

test('the list holds every policy once, sorted by name, as the look-up answers them', () => {
  const catalog = awsManagedPolicyCatalog(raw);
  const early = catalog.get(`${AWS_MANAGED_POLICY_PREFIX}AdministratorAccess`);
  const list = catalog.list();
  assert.equal(list.length, Object.keys(raw.policies).length);
  assert.deepEqual(list.map((p) => p.name), Object.keys(raw.policies).sort((a, b) => a.localeCompare(b)));
  assert.equal(list.find((p) => p.name === 'AdministratorAccess'), early, 'the policy made by the look-up');
  for (const policy of list) assert.equal(catalog.get(policy.arn), policy, policy.arn);
  assert.equal(new Set(list.map((p) => p.id)).size, list.length, 'ids are unique');
  assert.equal(catalog.list(), list);
});
