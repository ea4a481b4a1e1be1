// EKS tags end to end with @aws-sdk/client-eks (issue #4, docs/aws-behaviour/eks-clusters-and-lifecycle.md, docs/aws-behaviour/eks-authorization.md): TagResource,
// UntagResource and ListTagsForResource on every taggable resource Tollgate models, their errors, and
// aws:ResourceTag / aws:RequestTag / aws:TagKeys conditions.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateAccessEntryCommand, CreateAddonCommand, CreateClusterCommand, CreateFargateProfileCommand, CreateNodegroupCommand,
  DeleteAccessEntryCommand, DescribeAccessEntryCommand, DescribeAddonCommand, DescribeClusterCommand, DescribeFargateProfileCommand,
  DescribeNodegroupCommand, ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand, type EKSClient,
} from '@aws-sdk/client-eks';
import { CreateUserCommand } from '@aws-sdk/client-iam';
import { ManualClock } from '../../src/kernel/clock.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT, PAST_EKS_DELAY_MS } from '../support/defaults.ts';
import { deniedMessage, userWithKey } from '../iam/identity-assertions.ts';
import { createServiceRole, userWithPolicy, VPC } from './eks-helpers.ts';

const CLUSTER_ARN = (name: string) => `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/${name}`;
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
let f: TollgateFixture;
let clock: ManualClock;
let clusterRole: string;
const arns: Record<string, string> = {};

async function activeCluster(eks: EKSClient, name: string, tags: Record<string, string>): Promise<void> {
  await eks.send(new CreateClusterCommand({ name, roleArn: clusterRole, resourcesVpcConfig: VPC, tags, accessConfig: { authenticationMode: 'API' } }));
  clock.advance(PAST_EKS_DELAY_MS);
}

async function tagsOf(arn: string, eks = f.eks()): Promise<Record<string, string> | undefined> {
  return (await eks.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags;
}

beforeEach(async () => {
  clock = new ManualClock(Date.now());
  f = await startFixture({ clock });
  const iam = f.iam();
  clusterRole = await createServiceRole(iam, 'eks-cluster-role', 'eks.amazonaws.com');
  const nodeRole = await createServiceRole(iam, 'node-role', 'ec2.amazonaws.com');
  const podRole = await createServiceRole(iam, 'pod-role', 'eks-fargate-pods.amazonaws.com');
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  const eks = f.eks();
  await activeCluster(eks, 'blue', { team: 'blue' });
  await activeCluster(eks, 'red', { team: 'red' });
  arns.cluster = CLUSTER_ARN('blue');
  arns.nodegroup = (await eks.send(new CreateNodegroupCommand({ clusterName: 'blue', nodegroupName: 'ng', nodeRole, subnets: VPC.subnetIds, tags: { kind: 'ng' } }))).nodegroup!.nodegroupArn!;
  arns.fargateprofile = (await eks.send(new CreateFargateProfileCommand({ clusterName: 'blue', fargateProfileName: 'fp', podExecutionRoleArn: podRole, selectors: [{ namespace: 'default' }], tags: { kind: 'fp' } }))).fargateProfile!.fargateProfileArn!;
  arns.addon = (await eks.send(new CreateAddonCommand({ clusterName: 'blue', addonName: 'vpc-cni', tags: { kind: 'addon' } }))).addon!.addonArn!;
  arns.accessentry = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'blue', principalArn: ALICE, tags: { kind: 'entry' } }))).accessEntry!.accessEntryArn!;
  clock.advance(PAST_EKS_DELAY_MS);
});
afterEach(() => f.close());

test('tags given at create time are listed by ListTagsForResource on every kind of resource', async () => {
  assert.deepEqual(await tagsOf(arns.cluster!), { team: 'blue' });
  assert.deepEqual(await tagsOf(arns.nodegroup!), { kind: 'ng' });
  assert.deepEqual(await tagsOf(arns.fargateprofile!), { kind: 'fp' });
  assert.deepEqual(await tagsOf(arns.addon!), { kind: 'addon' });
  assert.deepEqual(await tagsOf(arns.accessentry!), { kind: 'entry' });
});

test('TagResource adds and overwrites, UntagResource removes (absent keys are no error); Describe* show the tags', async () => {
  const eks = f.eks();
  for (const arn of Object.values(arns)) {
    const tagged = await eks.send(new TagResourceCommand({ resourceArn: arn, tags: { env: 'dev', kind: 'changed' } }));
    assert.deepEqual(Object.keys(tagged), ['$metadata']);
    const base = arn === arns.cluster ? { team: 'blue' } : {};
    assert.deepEqual(await tagsOf(arn), { ...base, env: 'dev', kind: 'changed' });
    await eks.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['kind', 'never-set'] }));
    assert.deepEqual(await tagsOf(arn), { ...base, env: 'dev' });
  }
  assert.deepEqual((await eks.send(new DescribeClusterCommand({ name: 'blue' }))).cluster!.tags, { team: 'blue', env: 'dev' });
  assert.deepEqual((await eks.send(new DescribeNodegroupCommand({ clusterName: 'blue', nodegroupName: 'ng' }))).nodegroup!.tags, { env: 'dev' });
  assert.deepEqual((await eks.send(new DescribeFargateProfileCommand({ clusterName: 'blue', fargateProfileName: 'fp' }))).fargateProfile!.tags, { env: 'dev' });
  assert.deepEqual((await eks.send(new DescribeAddonCommand({ clusterName: 'blue', addonName: 'vpc-cni' }))).addon!.tags, { env: 'dev' });
  assert.deepEqual((await eks.send(new DescribeAccessEntryCommand({ clusterName: 'blue', principalArn: ALICE }))).accessEntry!.tags, { env: 'dev' });
});

test('a malformed ARN is BadRequestException; an ARN that names nothing is NotFoundException', async () => {
  const eks = f.eks();
  for (const resourceArn of ['not-an-arn', `arn:aws:iam::${ACCOUNT}:user/alice`, 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy']) {
    const error = await rejection(eks.send(new ListTagsForResourceCommand({ resourceArn })));
    assert.equal(error.name, 'BadRequestException', resourceArn);
    assert.equal(error.$metadata.httpStatusCode, 400);
  }
  const wrongUuid = arns.nodegroup!.replace(/[0-9a-f-]{36}$/, '00000000-0000-0000-0000-000000000000');
  for (const resourceArn of [CLUSTER_ARN('nope'), wrongUuid, `arn:aws:eks:eu-west-1:${ACCOUNT}:cluster/blue`, `arn:aws:eks:us-west-2:${ACCOUNT}:podidentityassociation/blue/a-1234567890abcdefg`]) {
    const error = await rejection(eks.send(new TagResourceCommand({ resourceArn, tags: { a: 'b' } })));
    assert.equal(error.name, 'NotFoundException', resourceArn);
    assert.equal(error.$metadata.httpStatusCode, 404);
    assert.equal(error.message, 'Resource was not found');
  }
  const untag = await rejection(eks.send(new UntagResourceCommand({ resourceArn: CLUSTER_ARN('nope'), tagKeys: ['a'] })));
  assert.equal(untag.name, 'NotFoundException');
});

test('tag limits: aws: keys are reserved, at most 50 tags per resource', async () => {
  const eks = f.eks();
  const reserved = await rejection(eks.send(new TagResourceCommand({ resourceArn: CLUSTER_ARN('red'), tags: { 'aws:owner': 'x' } })));
  assert.equal(reserved.name, 'BadRequestException');
  assert.equal(reserved.$metadata.httpStatusCode, 400);
  const fortyNine = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
  await eks.send(new TagResourceCommand({ resourceArn: CLUSTER_ARN('red'), tags: fortyNine }));
  assert.equal(Object.keys((await tagsOf(CLUSTER_ARN('red')))!).length, 50);
  const over = await rejection(eks.send(new TagResourceCommand({ resourceArn: CLUSTER_ARN('red'), tags: { one: 'more' } })));
  assert.equal(over.name, 'BadRequestException');
  assert.equal(over.message, 'The number of tags exceeds the limit of 50.');
  const tooMany = await rejection(eks.send(new TagResourceCommand({ resourceArn: CLUSTER_ARN('red'), tags: { ...fortyNine, a: '1', b: '2' } })));
  assert.equal(tooMany.$metadata.httpStatusCode, 400);
  await eks.send(new UntagResourceCommand({ resourceArn: CLUSTER_ARN('red'), tagKeys: Object.keys(fortyNine) }));
  assert.deepEqual(await tagsOf(CLUSTER_ARN('red')), { team: 'red' });
});

test('deleting an access entry deletes its tags: its ARN then names nothing', async () => {
  const eks = f.eks();
  const bob = `arn:aws:iam::${ACCOUNT}:user/bob`;
  await f.iam().send(new CreateUserCommand({ UserName: 'bob' }));
  const arn = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'red', principalArn: bob, tags: { a: 'b' } }))).accessEntry!.accessEntryArn!;
  await eks.send(new DeleteAccessEntryCommand({ clusterName: 'red', principalArn: bob }));
  await eks.send(new CreateAccessEntryCommand({ clusterName: 'red', principalArn: bob }));
  const error = await rejection(eks.send(new ListTagsForResourceCommand({ resourceArn: arn })));
  assert.equal(error.name, 'NotFoundException');
});

test('AccessDenied for a user without permission names the ARN given', async () => {
  const eks = f.eks(await userWithKey(f.iam(), 'nobody'));
  const tag = await rejection(eks.send(new TagResourceCommand({ resourceArn: arns.addon!, tags: { a: 'b' } })));
  assert.equal(tag.name, 'AccessDeniedException');
  assert.equal(tag.$metadata.httpStatusCode, 403);
  assert.equal(tag.message, deniedMessage('nobody', 'eks:TagResource', arns.addon!));
  const list = await rejection(eks.send(new ListTagsForResourceCommand({ resourceArn: CLUSTER_ARN('nope') })));
  assert.equal(list.message, deniedMessage('nobody', 'eks:ListTagsForResource', CLUSTER_ARN('nope')));
  const untag = await rejection(eks.send(new UntagResourceCommand({ resourceArn: arns.accessentry!, tagKeys: ['env'] })));
  assert.equal(untag.message, deniedMessage('nobody', 'eks:UntagResource', arns.accessentry!));
});

test('aws:ResourceTag decides on tagged clusters and access entries; aws:RequestTag and aws:TagKeys on tagging', async () => {
  const key = await userWithPolicy(f.iam(), 'blue-team', [
    {
      Effect: 'Allow',
      Action: ['eks:DescribeCluster', 'eks:ListTagsForResource', 'eks:DescribeAccessEntry'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
    },
    {
      Effect: 'Allow',
      Action: 'eks:TagResource',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue', 'aws:RequestTag/env': ['dev', 'test'] }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } },
    },
  ]);
  const eks = f.eks(key);
  assert.equal((await eks.send(new DescribeClusterCommand({ name: 'blue' }))).cluster!.name, 'blue');
  const red = await rejection(eks.send(new DescribeClusterCommand({ name: 'red' })));
  assert.equal(red.message, deniedMessage('blue-team', 'eks:DescribeCluster', CLUSTER_ARN('red')));
  assert.deepEqual(await tagsOf(CLUSTER_ARN('blue'), eks), { team: 'blue' });
  assert.equal((await rejection(eks.send(new ListTagsForResourceCommand({ resourceArn: CLUSTER_ARN('red') })))).name, 'AccessDeniedException');

  await eks.send(new TagResourceCommand({ resourceArn: CLUSTER_ARN('blue'), tags: { env: 'test' } }));
  const otherKey = await rejection(eks.send(new TagResourceCommand({ resourceArn: CLUSTER_ARN('blue'), tags: { env: 'dev', owner: 'me' } })));
  assert.equal(otherKey.message, deniedMessage('blue-team', 'eks:TagResource', CLUSTER_ARN('blue')));
  const otherValue = await rejection(eks.send(new TagResourceCommand({ resourceArn: CLUSTER_ARN('blue'), tags: { env: 'prod' } })));
  assert.equal(otherValue.name, 'AccessDeniedException');

  // An access entry is decided by its own tags, not its cluster's: tag alice's entry blue, then it is readable.
  assert.equal((await rejection(eks.send(new DescribeAccessEntryCommand({ clusterName: 'blue', principalArn: ALICE })))).name, 'AccessDeniedException');
  await f.eks().send(new TagResourceCommand({ resourceArn: arns.accessentry!, tags: { team: 'blue' } }));
  assert.equal((await eks.send(new DescribeAccessEntryCommand({ clusterName: 'blue', principalArn: ALICE }))).accessEntry!.principalArn, ALICE);
});
