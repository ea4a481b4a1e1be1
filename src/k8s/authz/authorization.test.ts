import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessEntryState } from '../../services/eks/shared/eks-state.ts';
import type { UserInfo } from '../identity/user-info.ts';
import { accessPolicyDecision, authorize } from './cluster-authorizer.ts';
import { breakdownRule, compactRules, compactString, covers, escalationMessage } from './escalation.ts';
import { ruleAllows, type PolicyRule, type RequestAttributes } from './policy-rule.ts';
import { RbacAuthorizer, type Binding } from './rbac-authorizer.ts';

function resource(verb: string, res: string, options: Partial<RequestAttributes> = {}): RequestAttributes {
  return { isResourceRequest: true, path: '', verb, apiGroup: '', namespace: '', resource: res, subresource: '', name: '', ...options };
}
const path = (verb: string, p: string): RequestAttributes => ({ isResourceRequest: false, path: p, verb, apiGroup: '', namespace: '', resource: '', subresource: '', name: '' });
const user = (username: string, groups: string[] = ['system:authenticated']): UserInfo => ({ username, uid: '', groups, extra: {} });

describe('RBAC rules', () => {
  it('match verbs, groups, resources with subresources, resource names and non-resource paths as RuleAllows does', () => {
    const rule: PolicyRule = { verbs: ['get', 'update'], apiGroups: ['apps'], resources: ['deployments', '*/scale'], resourceNames: ['web'] };
    assert.ok(ruleAllows(resource('get', 'deployments', { apiGroup: 'apps', name: 'web' }), rule));
    assert.ok(ruleAllows(resource('update', 'statefulsets', { apiGroup: 'apps', subresource: 'scale', name: 'web' }), rule));
    assert.ok(!ruleAllows(resource('get', 'deployments', { apiGroup: 'apps', name: 'api' }), rule));
    assert.ok(!ruleAllows(resource('get', 'deployments', { apiGroup: 'apps', subresource: 'status', name: 'web' }), rule));
    assert.ok(!ruleAllows(resource('list', 'deployments', { apiGroup: 'apps' }), rule));
    assert.ok(!ruleAllows(resource('get', 'deployments', { apiGroup: '', name: 'web' }), rule));
    const urls: PolicyRule = { verbs: ['get'], nonResourceURLs: ['/healthz', '/apis/*'] };
    assert.ok(ruleAllows(path('get', '/healthz'), urls));
    assert.ok(ruleAllows(path('get', '/apis/apps/v1'), urls));
    assert.ok(!ruleAllows(path('get', '/api'), urls));
    assert.ok(!ruleAllows(path('post', '/healthz'), urls));
    assert.ok(ruleAllows(resource('delete', 'anything', { apiGroup: 'any' }), { verbs: ['*'], apiGroups: ['*'], resources: ['*'] }));
  });
});

describe('the RBAC authorizer', () => {
  const bindings: Binding[] = [{ name: 'cluster-admin', namespace: '', roleRef: { kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'Group', name: 'system:masters' }] }];
  const rbac = new RbacAuthorizer({
    clusterRoles: new Map([['cluster-admin', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]], ['view', [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }]]]),
    roles: new Map([['dev/cm-writer', [{ verbs: ['create'], apiGroups: [''], resources: ['configmaps'] }]]]),
    clusterRoleBindings: bindings,
    roleBindings: new Map([['dev', [
      { name: 'viewers', namespace: 'dev', roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'bob' }] },
      { name: 'robots', namespace: 'dev', roleRef: { kind: 'Role', name: 'cm-writer' }, subjects: [{ kind: 'ServiceAccount', name: 'robot' }] },
      { name: 'dangling', namespace: 'dev', roleRef: { kind: 'Role', name: 'missing' }, subjects: [{ kind: 'User', name: 'bob' }] },
    ]]]),
  });

  it('explains what allowed a request, as RBAC words it', () => {
    assert.deepEqual(rbac.authorize(user('root', ['system:masters']), resource('delete', 'nodes')),
      { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to Group "system:masters"' });
    assert.deepEqual(rbac.authorize(user('bob'), resource('list', 'pods', { namespace: 'dev' })),
      { allowed: true, reason: 'RBAC: allowed by RoleBinding "viewers/dev" of ClusterRole "view" to User "bob"' });
    assert.deepEqual(rbac.authorize(user('system:serviceaccount:dev:robot'), resource('create', 'configmaps', { namespace: 'dev' })),
      { allowed: true, reason: 'RBAC: allowed by RoleBinding "robots/dev" of Role "cm-writer" to ServiceAccount "robot/dev"' });
  });

  it('grants a RoleBinding only in its namespace, and nothing for a missing role', () => {
    assert.equal(rbac.authorize(user('bob'), resource('list', 'pods', { namespace: 'prod' })).allowed, false);
    assert.equal(rbac.authorize(user('bob'), resource('list', 'pods')).allowed, false);
    assert.deepEqual(rbac.rulesFor(user('bob'), 'dev'), [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }]);
  });

  it('adds the access entry\'s policies (cluster or namespace scope, wildcards) unless the request is RBAC-allowed already', () => {
    const entry = {
      principalArn: 'arn:aws:iam::111122223333:user/bob',
      policies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy', accessScope: { type: 'namespace', namespaces: ['team-*'] } }],
    } as unknown as AccessEntryState;
    assert.deepEqual(accessPolicyDecision(entry, resource('create', 'secrets', { namespace: 'team-a' })),
      { allowed: true, reason: 'EKS access policy: allowed by AmazonEKSEditPolicy (namespace scope team-*) of access entry arn:aws:iam::111122223333:user/bob' });
    assert.equal(accessPolicyDecision(entry, resource('create', 'secrets', { namespace: 'prod' })).allowed, false);
    assert.equal(accessPolicyDecision(entry, resource('list', 'namespaces')).allowed, false, 'namespace scope never reaches the cluster scope');
    assert.equal(accessPolicyDecision(entry, resource('create', 'roles', { apiGroup: 'rbac.authorization.k8s.io', namespace: 'team-a' })).allowed, false, 'edit has no roles');
    assert.equal(authorize(rbac, user('bob'), entry, resource('list', 'pods', { namespace: 'dev' })).reason, 'RBAC: allowed by RoleBinding "viewers/dev" of ClusterRole "view" to User "bob"');
  });
});

describe('escalation checks', () => {
  it('covers rules broken down into one verb, group and resource each; subresources by */sub; names only when the owner has none or the same', () => {
    const owner: PolicyRule[] = [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', '*/status'] }, { verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] }];
    assert.ok(covers(owner, [{ verbs: ['get'], apiGroups: [''], resources: ['pods', 'pods/status'] }]).covered);
    assert.ok(covers(owner, [{ verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] }]).covered);
    assert.ok(!covers(owner, [{ verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] }]).covered);
    const { missing } = covers(owner, [{ verbs: ['get', 'list', 'watch', 'delete'], apiGroups: [''], resources: ['pods', 'secrets'] }]);
    assert.deepEqual(missing.map(compactString), [
      '{APIGroups:[""], Resources:["pods"], Verbs:["watch"]}', '{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}',
      '{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}', '{APIGroups:[""], Resources:["secrets"], Verbs:["list"]}',
      '{APIGroups:[""], Resources:["secrets"], Verbs:["watch"]}', '{APIGroups:[""], Resources:["secrets"], Verbs:["delete"]}',
    ]);
    assert.deepEqual(compactRules(missing).map(compactString), ['{APIGroups:[""], Resources:["pods"], Verbs:["watch" "delete"]}', '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list" "watch" "delete"]}']);
    assert.equal(breakdownRule({ verbs: ['get'], nonResourceURLs: ['/a', '/b'] }).length, 2);
  });

  it('words a refusal as Kubernetes does', () => {
    assert.equal(escalationMessage('eve', ['system:authenticated'], [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }, { verbs: ['list'], apiGroups: [''], resources: ['pods'] }]),
      'user "eve" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["pods"], Verbs:["get" "list"]}');
  });
});
