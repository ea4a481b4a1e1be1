// The EKS "Troubleshooting IAM" story with the real AWS CLI (issue #4): the exact AccessDeniedException
// of a user without permission, a policy naming one cluster, `eks:Describe*`, an explicit Deny,
// `iam:PassRole` for CreateCluster with `iam:PassedToService`, and access granted and revoked by a group.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { CreateClusterCommand } from '@aws-sdk/client-eks';
import {
  AddUserToGroupCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateUserCommand, PutGroupPolicyCommand, PutUserPolicyCommand,
  RemoveUserFromGroupCommand, TagRoleCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { runAwsCli } from '../support/aws-cli.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../support/defaults.ts';
import { requireClient } from '../support/interop.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { createServiceRole, VPC } from '../eks/eks-helpers.ts';

const REGION = 'us-west-2';
const CLUSTER_ARN = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/cluster_name`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role`;

let f: TollgateFixture;
let iam: IAMClient;
beforeEach(async () => {
  f = await startFixture();
  iam = f.iam();
  await createServiceRole(iam, 'eks-cluster-role', 'eks.amazonaws.com');
  for (const name of ['cluster_name', 'other_cluster']) await f.eks().send(new CreateClusterCommand({ name, roleArn: ROLE_ARN, resourcesVpcConfig: VPC }));
});
afterEach(() => f.close());

const aws = (credentials: Credentials, ...args: string[]) => runAwsCli(f.url, credentials, REGION, ...args);
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

async function user(name: string): Promise<Credentials> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

const setPolicy = (userName: string, document: string) => iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'eks-access', PolicyDocument: document }));

test('describe-cluster: denied without a policy, then one cluster, then eks:Describe*, then an explicit Deny wins', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const me = await user('user_name');
  const denied = await aws(me, 'eks', 'describe-cluster', '--name', 'cluster_name', '--region', REGION);
  assert.notEqual(denied.status, 0);
  assert.equal(denied.stderr,
    `An error occurred (AccessDeniedException) when calling the DescribeCluster operation: User: arn:aws:iam::${ACCOUNT}:user/user_name is not authorized to perform: eks:DescribeCluster on resource: ${CLUSTER_ARN} because no identity-based policy allows the eks:DescribeCluster action`);

  await setPolicy('user_name', policy({ Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: CLUSTER_ARN }));
  const allowed = await aws(me, 'eks', 'describe-cluster', '--name', 'cluster_name');
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.equal((JSON.parse(allowed.stdout) as { cluster: { arn: string } }).cluster.arn, CLUSTER_ARN);
  const other = await aws(me, 'eks', 'describe-cluster', '--name', 'other_cluster');
  assert.notEqual(other.status, 0);
  assert.equal(other.stderr,
    `An error occurred (AccessDeniedException) when calling the DescribeCluster operation: User: arn:aws:iam::${ACCOUNT}:user/user_name is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:${REGION}:${ACCOUNT}:cluster/other_cluster because no identity-based policy allows the eks:DescribeCluster action`);

  await setPolicy('user_name', policy({ Effect: 'Allow', Action: 'eks:Describe*', Resource: '*' }));
  for (const name of ['cluster_name', 'other_cluster']) {
    const result = await aws(me, 'eks', 'describe-cluster', '--name', name);
    assert.equal(result.status, 0, result.stderr);
  }

  await setPolicy('user_name', policy(
    { Effect: 'Allow', Action: 'eks:Describe*', Resource: '*' },
    { Effect: 'Deny', Action: 'eks:DescribeCluster', Resource: CLUSTER_ARN },
  ));
  const explicit = await aws(me, 'eks', 'describe-cluster', '--name', 'cluster_name');
  assert.notEqual(explicit.status, 0);
  assert.equal(explicit.stderr,
    `An error occurred (AccessDeniedException) when calling the DescribeCluster operation: User: arn:aws:iam::${ACCOUNT}:user/user_name is not authorized to perform: eks:DescribeCluster on resource: ${CLUSTER_ARN} with an explicit deny in an identity-based policy`);
  assert.equal((await aws(me, 'eks', 'describe-cluster', '--name', 'other_cluster')).status, 0, 'the Deny names one cluster');
});

test('create-cluster needs iam:PassRole on the cluster role, for eks.amazonaws.com only', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const creator = await user('creator');
  const create = (name: string) => aws(creator, 'eks', 'create-cluster', '--name', name, '--role-arn', ROLE_ARN, '--resources-vpc-config', `subnetIds=${VPC.subnetIds.join(',')}`);
  await setPolicy('creator', policy({ Effect: 'Allow', Action: 'eks:CreateCluster', Resource: '*' }));
  const noPassRole = await create('created-by-user');
  assert.notEqual(noPassRole.status, 0);
  assert.equal(noPassRole.stderr,
    `An error occurred (AccessDeniedException) when calling the CreateCluster operation: User: arn:aws:iam::${ACCOUNT}:user/creator is not authorized to perform: iam:PassRole on resource: ${ROLE_ARN} because no identity-based policy allows the iam:PassRole action`);

  const passRoleTo = (service: string) => policy(
    { Effect: 'Allow', Action: 'eks:CreateCluster', Resource: '*' },
    { Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE_ARN, Condition: { StringEquals: { 'iam:PassedToService': service } } },
  );
  await setPolicy('creator', passRoleTo('ec2.amazonaws.com'));
  const wrongService = await create('created-by-user');
  assert.notEqual(wrongService.status, 0);
  assert.equal(wrongService.stderr, noPassRole.stderr, 'a PassRole for another service does not count');

  await setPolicy('creator', passRoleTo('eks.amazonaws.com'));
  const created = await create('created-by-user');
  assert.equal(created.status, 0, created.stderr);
  const cluster = (JSON.parse(created.stdout) as { cluster: { name: string; status: string; roleArn: string } }).cluster;
  assert.deepEqual([cluster.name, cluster.status, cluster.roleArn], ['created-by-user', 'CREATING', ROLE_ARN]);
});

test('create-cluster: iam:PassRole conditioned on the role\'s tags (aws:ResourceTag) follows the tags of the role passed', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const creator = await user('tag_creator');
  await setPolicy('tag_creator', policy(
    { Effect: 'Allow', Action: 'eks:CreateCluster', Resource: '*' },
    { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue', 'iam:PassedToService': 'eks.amazonaws.com' } } },
  ));
  const create = (name: string) => aws(creator, 'eks', 'create-cluster', '--name', name, '--role-arn', ROLE_ARN, '--resources-vpc-config', `subnetIds=${VPC.subnetIds.join(',')}`);
  const untagged = await create('by-tag');
  assert.equal(untagged.stderr,
    `An error occurred (AccessDeniedException) when calling the CreateCluster operation: User: arn:aws:iam::${ACCOUNT}:user/tag_creator is not authorized to perform: iam:PassRole on resource: ${ROLE_ARN} because no identity-based policy allows the iam:PassRole action`);
  await iam.send(new TagRoleCommand({ RoleName: 'eks-cluster-role', Tags: [{ Key: 'team', Value: 'blue' }] }));
  const tagged = await create('by-tag');
  assert.equal(tagged.status, 0, tagged.stderr);
});

test('a group grants describe-cluster and leaving the group revokes it', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const member = await user('grouped');
  await iam.send(new CreateGroupCommand({ GroupName: 'eks-readers' }));
  await iam.send(new PutGroupPolicyCommand({ GroupName: 'eks-readers', PolicyName: 'read', PolicyDocument: policy({ Effect: 'Allow', Action: ['eks:DescribeCluster', 'eks:ListClusters'], Resource: '*' }) }));
  const before = await aws(member, 'eks', 'describe-cluster', '--name', 'cluster_name');
  assert.notEqual(before.status, 0);

  await iam.send(new AddUserToGroupCommand({ GroupName: 'eks-readers', UserName: 'grouped' }));
  const inGroup = await aws(member, 'eks', 'describe-cluster', '--name', 'cluster_name');
  assert.equal(inGroup.status, 0, inGroup.stderr);
  const listed = await aws(member, 'eks', 'list-clusters');
  assert.equal(listed.status, 0, listed.stderr);
  assert.ok((JSON.parse(listed.stdout) as { clusters: string[] }).clusters.includes('cluster_name'));

  await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'eks-readers', UserName: 'grouped' }));
  const after = await aws(member, 'eks', 'describe-cluster', '--name', 'cluster_name');
  assert.notEqual(after.status, 0);
  assert.equal(after.stderr, before.stderr);
  assert.ok(after.stderr.endsWith('because no identity-based policy allows the eks:DescribeCluster action'), after.stderr);
});
