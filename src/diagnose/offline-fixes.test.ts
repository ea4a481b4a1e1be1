// The fixes a denial text alone supports: one per kind of policy, iam:PassedToService for the service
// of the operation, both sides across accounts, and never an Allow against an explicit deny.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnoseText } from './diagnose-offline.ts';
import type { Fix, JsonMap } from './diagnosis.ts';

function fixesOf(text: string, operation?: string): Fix[] {
  const diagnosis = diagnoseText(text, { operation });
  assert.ok(diagnosis, text);
  return [...diagnosis.fixes];
}

function statement(fix: Fix): JsonMap {
  return (fix.policy['Statement'] as readonly JsonMap[])[0]!;
}

const USER = 'arn:aws:iam::111122223333:user/marymajor';
const passRole = (role: string) => `User: ${USER} is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/${role} because no identity-based policy allows the iam:PassRole action`;

test('iam:PassRole is allowed with iam:PassedToService for the service the operation passes the role to', () => {
  const cases: [string, string][] = [
    ['CreateCluster', 'eks.amazonaws.com'], ['CreateNodegroup', 'eks.amazonaws.com'], ['CreateFargateProfile', 'eks.amazonaws.com'],
    ['RunInstances', 'ec2.amazonaws.com'], ['CreateFunction', 'lambda.amazonaws.com'], ['RegisterTaskDefinition', 'ecs-tasks.amazonaws.com'],
    ['CreateStack', 'cloudformation.amazonaws.com'], ['CreateStateMachine', 'states.amazonaws.com'],
  ];
  for (const [operation, service] of cases) {
    const fixes = fixesOf(`An error occurred (AccessDeniedException) when calling the ${operation} operation: ${passRole('app-role')}`);
    assert.equal(fixes.length, 1, operation);
    assert.equal(fixes[0]!.kind, 'identity');
    assert.deepEqual(statement(fixes[0]!), {
      Sid: 'TollgateDiagnose', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-role',
      Condition: { StringEquals: { 'iam:PassedToService': service } },
    }, operation);
  }
});

test('an SDK message names no operation: --operation supplies it, and a service-linked role names its own service', () => {
  assert.equal(statement(fixesOf(`AccessDeniedException: ${passRole('app-role')}`)[0]!)['Condition'], undefined);
  assert.deepEqual(statement(fixesOf(`AccessDeniedException: ${passRole('app-role')}`, 'CreateCluster')[0]!)['Condition'], { StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } });
  const slr = statement(fixesOf(passRole('aws-service-role/eks-nodegroup.amazonaws.com/AWSServiceRoleForAmazonEKSNodegroup'))[0]!);
  assert.deepEqual(slr['Condition'], { StringEquals: { 'iam:PassedToService': 'eks-nodegroup.amazonaws.com' } });
});

test('a Go SDK message names the service, which settles an operation several services have', () => {
  const text = `operation error EKS: CreateCluster, https response error StatusCode: 403, RequestID: 1, api error AccessDeniedException: ${passRole('eks-cluster-role')}`;
  assert.deepEqual(statement(fixesOf(text)[0]!)['Condition'], { StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } });
});

test('the seed\'s iam:PassRole without resource or reason: the caller\'s identity policy over the account\'s roles', () => {
  const fixes = fixesOf('User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: iam:PassRole');
  assert.equal(fixes.length, 1);
  assert.match(fixes[0]!.where, /put-user-policy --user-name marymajor/);
  assert.equal(statement(fixes[0]!)['Resource'], 'arn:aws:iam::123456789012:role/*');
});

test('across accounts both sides: the caller\'s identity policy and the role\'s trust policy or the resource\'s policy', () => {
  const assume = fixesOf('An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/Admin');
  assert.deepEqual(assume.map((f) => f.kind), ['identity', 'trust']);
  assert.deepEqual(statement(assume[1]!), { Sid: 'TollgateDiagnose', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: 'sts:AssumeRole' });
  assert.match(assume[1]!.where, /update-assume-role-policy --role-name Admin/);

  const bucket = fixesOf('User: arn:aws:sts::111122223333:assumed-role/Reader/s1 is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:444455556666:key/1234 because no resource-based policy allows the kms:Decrypt action');
  assert.deepEqual(bucket.map((f) => f.kind), ['resource', 'identity']);
  assert.deepEqual(statement(bucket[0]!)['Principal'], { AWS: 'arn:aws:iam::111122223333:role/Reader' }, 'a session is named by its role');
  assert.match(bucket[0]!.where, /the key policy of arn:aws:kms:us-east-1:444455556666:key\/1234/);
  assert.match(bucket[1]!.where, /put-role-policy --role-name Reader/);

  const same = fixesOf('User: arn:aws:iam::111122223333:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/Admin because no role trust policy allows the sts:AssumeRole action');
  assert.deepEqual(same.map((f) => f.kind), ['trust'], 'in one account the trust policy alone can let a named user in');
});

test('a boundary is fixed in the boundary, a session policy with new credentials, SCPs and RCPs by the organization', () => {
  const tail = 'is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster/prod because no';
  const boundary = fixesOf(`User: ${USER} ${tail} permissions boundary allows the eks:DescribeCluster action`);
  assert.deepEqual(boundary.map((f) => f.kind), ['boundary']);
  assert.match(boundary[0]!.where, /permissions boundary of IAM user marymajor.*create-policy-version/);

  const session = fixesOf(`User: arn:aws:sts::111122223333:assumed-role/Dev/alice ${tail} session policy allows the eks:DescribeCluster action`);
  assert.deepEqual(session.map((f) => f.kind), ['session']);
  assert.match(session[0]!.where, /cannot be changed; request new credentials.*aws sts assume-role --role-arn arn:aws:iam::111122223333:role\/Dev --role-session-name alice --policy/);

  const scp = fixesOf(`User: ${USER} ${tail} service control policy allows the eks:DescribeCluster action`);
  assert.deepEqual(scp.map((f) => f.kind), ['scp']);
  assert.match(scp[0]!.where, /organization's administrator/);

  const rcp = fixesOf(`User: ${USER} ${tail} resource control policy allows the eks:DescribeCluster action`);
  assert.deepEqual(rcp.map((f) => f.kind), ['rcp']);
  assert.match(rcp[0]!.where, /RCPFullAWSAccess/);
});

test('an explicit deny is answered by the Deny statement to remove or narrow, never by an Allow', () => {
  const kinds = ['an identity-based policy', 'a permissions boundary', 'a sessions policy', 'a resource-based policy', 'the role trust policy', 'a resource control policy'];
  for (const where of kinds) {
    const fixes = fixesOf(`User: ${USER} is not authorized to perform: eks:DeleteCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster/prod with an explicit deny in ${where}`);
    assert.deepEqual(fixes.map((f) => f.kind), ['remove-deny'], where);
    assert.equal(fixes[0]!.policy['Effect'], 'Deny');
    assert.equal(fixes[0]!.policy['Action'], 'eks:DeleteCluster');
    assert.match(fixes[0]!.where, /adding an Allow will not help/);
  }
  const named = fixesOf(`User: ${USER} is not authorized to perform: eks:DeleteCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster/prod with an explicit deny in an identity-based policy: arn:aws:iam::111122223333:policy/NoDelete`);
  assert.match(named[0]!.where, /^identity-based policy arn:aws:iam::111122223333:policy\/NoDelete: find the Deny statement/);
  // AWS words SCP denials as explicit even when no SCP allows the action: both are offered.
  const scp = fixesOf(`User: ${USER} is not authorized to perform: eks:DeleteCluster with an explicit deny in a service control policy`);
  assert.deepEqual(scp.map((f) => f.kind), ['remove-deny', 'scp']);
});

test('Kubernetes refusals: an access entry for the IAM principal and RBAC for the Kubernetes user', () => {
  const fixes = fixesOf('Error from server (Forbidden): deployments.apps is forbidden: User "arn:aws:sts::111122223333:assumed-role/Dev/alice" cannot create resource "deployments" in API group "apps" in the namespace "team-a"');
  assert.deepEqual(fixes.map((f) => f.kind), ['eks-access-entry', 'kubernetes-rbac']);
  assert.deepEqual(fixes[0]!.policy, {
    principalArn: 'arn:aws:iam::111122223333:role/Dev',
    accessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy', accessScope: { type: 'namespace', namespaces: ['team-a'] } }],
  });
  const items = fixes[1]!.policy['items'] as readonly JsonMap[];
  assert.deepEqual(items[0]!['rules'], [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] }]);
  assert.equal(items[1]!['kind'], 'RoleBinding');

  const unauthorized = fixesOf('error: You must be logged in to the server (Unauthorized)');
  assert.deepEqual(unauthorized.map((f) => f.kind), ['eks-access-entry']);
});
