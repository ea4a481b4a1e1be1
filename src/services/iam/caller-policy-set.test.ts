// The caller's policy set carries its account's service control policies (`tollgate accounts scp`): they
// limit IAM users, role sessions and the root user of the account, not service-linked roles, not another
// account's callers; an account without SCPs is unrestricted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { managedPolicyCatalog } from '../../managed-policy-catalog.ts';
import { AuthorizationRequest, evaluate, PolicyCache, RequestContext, type RequestPrincipal } from '../../policy/index.ts';
import { ACCOUNT, OTHER_ACCOUNT, at, role, user, withAccounts } from '../../store/conformance/fixtures.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import type { Store } from '../../store/store.ts';
import { putScp } from '../shared/service-control-policies.ts';
import { loadCallerPolicySet } from './caller-policy-set.ts';

const ALLOW_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
const DENY_ALL = '{"Version":"2012-10-17","Statement":[{"Sid":"Nothing","Effect":"Deny","Action":"*","Resource":"*"}]}';

async function decide(store: Store, principal: RequestPrincipal): Promise<string> {
  const set = await loadCallerPolicySet(principal, { store, catalog: managedPolicyCatalog(), cache: new PolicyCache() });
  const request = new AuthorizationRequest({ principal, action: 'ec2:DescribeSubnets', resource: '*', context: RequestContext.forPrincipal(principal) });
  return evaluate(request, set).decision;
}

test('an account\'s SCPs limit its users, role sessions and root user; not its service-linked roles, not other accounts', () => withAccounts(() => openSqliteStore({ file: ':memory:' }), async (store) => {
  const alice = user('alice');
  const deployer = role('deployer');
  const linked = role('AWSServiceRoleForAmazonEKS', { path: '/aws-service-role/eks.amazonaws.com/' });
  const bob = user('bob', { accountId: OTHER_ACCOUNT });
  for (const u of [alice, bob]) {
    await store.users.insert(u);
    await store.inlinePolicies.put({ accountId: u.accountId, ownerType: 'user', ownerId: u.id, name: 'all', document: ALLOW_ALL });
  }
  for (const r of [deployer, linked]) {
    await store.roles.insert(r);
    await store.inlinePolicies.put({ accountId: ACCOUNT, ownerType: 'role', ownerId: r.id, name: 'all', document: ALLOW_ALL });
  }
  const session = (r: typeof deployer): RequestPrincipal => ({ type: 'AssumedRole', accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${r.name}/s`, roleArn: r.arn, roleName: r.name, sessionName: 's', roleUniqueId: r.id });
  const callers: Record<string, RequestPrincipal> = {
    user: { type: 'User', accountId: ACCOUNT, arn: alice.arn, name: 'alice', uniqueId: alice.id },
    'role session': session(deployer),
    root: { type: 'Account', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root` },
    'service-linked role': session(linked),
    'other account': { type: 'User', accountId: OTHER_ACCOUNT, arn: bob.arn, name: 'bob', uniqueId: bob.id },
  };
  const decisions = async () => Object.fromEntries(await Promise.all(Object.entries(callers).map(async ([k, p]) => [k, await decide(store, p)])));
  const allAllowed = { user: 'Allowed', 'role session': 'Allowed', root: 'Allowed', 'service-linked role': 'Allowed', 'other account': 'Allowed' };
  assert.deepEqual(await decisions(), allAllowed, 'no SCPs: unrestricted');
  await putScp(store, { accountId: ACCOUNT, name: 'DenyAll', document: DENY_ALL, updatedAt: at(1) });
  assert.deepEqual(await decisions(), { ...allAllowed, user: 'ExplicitlyDenied', 'role session': 'ExplicitlyDenied', root: 'ExplicitlyDenied' });
  await putScp(store, { accountId: ACCOUNT, name: 'DenyAll', document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}', updatedAt: at(2) });
  assert.deepEqual(await decisions(), { ...allAllowed, user: 'ImplicitlyDenied', 'role session': 'ImplicitlyDenied', root: 'ImplicitlyDenied' }, 'no SCP allows ec2');
}));
