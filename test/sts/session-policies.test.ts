// Session policies end to end (issue #5, docs/aws-behaviour/iam-policy-evaluation.md, docs/aws-behaviour/sts-sessions.md): `Policy` and `PolicyArns` intersect
// with the role's permissions, PackedPolicySize is answered only when something was packed, and an
// oversized session policy is refused with AWS's PackedPolicyTooLarge.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-eks';
import { CreatePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { ACCOUNT, PARTNER, allow, assertAwsError, putUserPolicy, role, startStsWorld, temporary, trust, type StsWorld } from './sts-world.ts';

let w: StsWorld;
let roleArn: string;
beforeEach(async () => {
  w = await startStsWorld();
  roleArn = await role(w, 'Scoped', trust({ AWS: PARTNER }), allow(['eks:ListClusters', 'eks:DescribeCluster']));
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume', allow('sts:AssumeRole', roleArn));
});
afterEach(() => w.close());

const listDenied = (session: string, reason: string) =>
  `User: arn:aws:sts::${ACCOUNT}:assumed-role/Scoped/${session} is not authorized to perform: eks:ListClusters on resource: arn:aws:eks:us-west-2:${ACCOUNT}:cluster/* ${reason}`;

test('without session policies the session has the role permissions, and no PackedPolicySize', async () => {
  const out = await w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'plain' }));
  assert.equal(out.PackedPolicySize, undefined);
  assert.deepEqual((await w.eks(temporary(out.Credentials)).send(new ListClustersCommand({}))).clusters, []);
});

test('an inline session policy intersects with the role policy', async () => {
  // The session policy allows ListClusters and iam:ListUsers; the role allows ListClusters and DescribeCluster.
  const out = await w.sts(w.partner).send(new AssumeRoleCommand({
    RoleArn: roleArn, RoleSessionName: 'inline', Policy: allow(['eks:DescribeCluster', 'iam:ListUsers']),
  }));
  assert.ok(typeof out.PackedPolicySize === 'number' && out.PackedPolicySize > 0 && out.PackedPolicySize <= 100, `PackedPolicySize ${out.PackedPolicySize}`);
  const eks = w.eks(temporary(out.Credentials));
  await assertAwsError(eks.send(new ListClustersCommand({})), 'AccessDeniedException', 403, listDenied('inline', 'because no session policy allows the eks:ListClusters action'));
  // Allowed by both: the call gets past authorization to the missing cluster.
  await assertAwsError(eks.send(new DescribeClusterCommand({ name: 'absent' })), 'ResourceNotFoundException', 404, 'No cluster found for name: absent.');
});

test('an explicit Deny in a session policy says so', async () => {
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:*', Resource: '*' }, { Effect: 'Deny', Action: 'eks:ListClusters', Resource: '*' }] });
  const out = await w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'deny', Policy: policy }));
  await assertAwsError(w.eks(temporary(out.Credentials)).send(new ListClustersCommand({})), 'AccessDeniedException', 403, listDenied('deny', 'with an explicit deny in a sessions policy'));
});

test('managed session policies (PolicyArns) intersect too, and must exist', async () => {
  const created = await w.iam().send(new CreatePolicyCommand({ PolicyName: 'ListOnly', PolicyDocument: allow('eks:ListClusters') }));
  const listOnly = created.Policy!.Arn!;
  const out = await w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'managed', PolicyArns: [{ arn: listOnly }] }));
  assert.ok((out.PackedPolicySize ?? 0) > 0);
  const eks = w.eks(temporary(out.Credentials));
  assert.deepEqual((await eks.send(new ListClustersCommand({}))).clusters, []);
  await assertAwsError(eks.send(new DescribeClusterCommand({ name: 'absent' })), 'AccessDeniedException', 403,
    `User: arn:aws:sts::${ACCOUNT}:assumed-role/Scoped/managed is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-west-2:${ACCOUNT}:cluster/absent because no session policy allows the eks:DescribeCluster action`);

  const missing = `arn:aws:iam::${ACCOUNT}:policy/NoSuchPolicy`;
  await assertAwsError(w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'managed', PolicyArns: [{ arn: missing }] })),
    'InvalidParameterValue', 400, `Policy ${missing} does not exist or is not attachable.`);
});

test('a malformed session policy is a MalformedPolicyDocument', async () => {
  await assertAwsError(w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'bad', Policy: '{"Version":"2012-10-17"}' })),
    'MalformedPolicyDocument', 400, 'Syntax errors in policy.');
});

test('an oversized session policy is refused with PackedPolicyTooLarge', async () => {
  // Random resource names do not compress, so the packed form is far beyond the allowance.
  const resources = Array.from({ length: 120 }, () => `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/${randomBytes(24).toString('hex')}`);
  await assertAwsError(w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'big', Policy: allow('eks:DescribeCluster', resources) })),
    'PackedPolicyTooLarge', 400, /^Packed policy consumes \d{3,}% of allotted space, please use smaller policy\.$/);
});
