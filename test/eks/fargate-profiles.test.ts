// Fargate profiles end to end with @aws-sdk/client-eks (issue #4): shapes, lifecycle on a ManualClock,
// waiters, selector rules, conflicts, and authorization (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md, docs/aws-behaviour/eks-authorization.md, docs/aws-behaviour/eks-passed-roles.md).
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateClusterCommand, CreateFargateProfileCommand, DeleteClusterCommand, DeleteFargateProfileCommand, DescribeFargateProfileCommand,
  ListFargateProfilesCommand, waitUntilFargateProfileActive, waitUntilFargateProfileDeleted, type CreateFargateProfileCommandInput,
} from '@aws-sdk/client-eks';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { ManualClock } from '../../src/kernel/clock.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT, DEFAULT_EKS_DELAY_SECONDS, PAST_EKS_DELAY_MS } from '../support/defaults.ts';
import { deniedMessage, userWithKey } from '../iam/identity-assertions.ts';
import { createServiceRole, putPolicy, userWithPolicy, VPC } from './eks-helpers.ts';

let f: TollgateFixture;
let clock: ManualClock;
let clusterRole: string;
let podRole: string;
let nodeRole: string;

/** A profile request for cluster `c` selecting namespace `default`. */
function profile(clusterName: string, fargateProfileName: string, extra: Partial<CreateFargateProfileCommandInput> = {}): CreateFargateProfileCommandInput {
  return { clusterName, fargateProfileName, podExecutionRoleArn: podRole, selectors: [{ namespace: 'default' }], ...extra };
}

/** Profiles `names` on cluster demo, each ACTIVE before the next is created; fp1 is tagged team=a. */
async function activeProfiles(...names: string[]): Promise<void> {
  for (const name of names) {
    await f.eks().send(new CreateFargateProfileCommand(profile('demo', name, name === 'fp1' ? { tags: { team: 'a' } } : {})));
    clock.advance(PAST_EKS_DELAY_MS);
  }
}

beforeEach(async () => {
  clock = new ManualClock(Date.now());
  f = await startFixture({ clock });
  clusterRole = await createServiceRole(f.iam(), 'eks-cluster-role', 'eks.amazonaws.com');
  podRole = await createServiceRole(f.iam(), 'pod-execution-role', 'eks-fargate-pods.amazonaws.com');
  nodeRole = await createServiceRole(f.iam(), 'node-role', 'ec2.amazonaws.com');
  await f.eks().send(new CreateClusterCommand({ name: 'demo', roleArn: clusterRole, resourcesVpcConfig: VPC, tags: { team: 'a' } }));
  clock.advance(PAST_EKS_DELAY_MS);
});
afterEach(() => f.close());

test('CreateFargateProfile: CREATING as AWS shapes it, subnets defaulting to the cluster\'s, ACTIVE after the delay', async () => {
  const eks = f.eks();
  const created = (await eks.send(new CreateFargateProfileCommand(profile('demo', 'fp1', {
    selectors: [{ namespace: 'default' }, { namespace: 'kube-system', labels: { app: 'dns' } }], tags: { team: 'a' },
  })))).fargateProfile!;
  assert.equal(created.status, 'CREATING');
  assert.match(created.fargateProfileArn ?? '', new RegExp(`^arn:aws:eks:us-west-2:${ACCOUNT}:fargateprofile/demo/fp1/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`));
  assert.equal(created.clusterName, 'demo');
  assert.equal(created.podExecutionRoleArn, podRole);
  assert.deepEqual(created.subnets, VPC.subnetIds);
  assert.deepEqual(created.selectors, [{ namespace: 'default' }, { namespace: 'kube-system', labels: { app: 'dns' } }]);
  assert.deepEqual(created.tags, { team: 'a' });
  assert.ok(created.createdAt instanceof Date);
  clock.advance(PAST_EKS_DELAY_MS);
  const active = (await eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp1' }))).fargateProfile!;
  assert.equal(active.status, 'ACTIVE');
  assert.equal(active.fargateProfileArn, created.fargateProfileArn);

  const slr = (await f.iam().send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAmazonEKSForFargate' }))).Role!;
  assert.equal(slr.Path, '/aws-service-role/eks-fargate.amazonaws.com/');
});

test('CreateFargateProfile: explicit subnets, idempotent token, duplicate 409', async () => {
  const eks = f.eks();
  const first = (await eks.send(new CreateFargateProfileCommand(profile('demo', 'fp2', { subnets: ['subnet-private1'], clientRequestToken: 't1' })))).fargateProfile!;
  assert.deepEqual(first.subnets, ['subnet-private1']);
  const again = (await eks.send(new CreateFargateProfileCommand(profile('demo', 'fp2', { subnets: ['subnet-private1'], clientRequestToken: 't1' })))).fargateProfile!;
  assert.equal(again.fargateProfileArn, first.fargateProfileArn);
  const dup = await rejection(eks.send(new CreateFargateProfileCommand(profile('demo', 'fp2'))));
  assert.equal(dup.name, 'ResourceInUseException');
  assert.equal(dup.$metadata.httpStatusCode, 409);
  assert.equal(dup.message, 'A Fargate Profile already exists with this name in this cluster.');
});

test('CreateFargateProfile: selector rules, role trust, cluster not ACTIVE or unknown', async () => {
  const eks = f.eks();
  const labels6 = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`k${i}`, 'v']));
  const cases: [Partial<CreateFargateProfileCommandInput>, string][] = [
    [{ selectors: [] }, 'Fargate Profile requires at least one selector.'],
    [{ selectors: undefined }, 'Fargate Profile requires at least one selector.'],
    [{ selectors: [{ labels: { a: 'b' } }] }, 'Fargate Profile must have at least one selector with at least one namespace value.'],
    [{ selectors: [{ namespace: 'default', labels: labels6 }] }, 'Request contains Selector with more than 5 Label pairs'],
    [{ selectors: [1, 2, 3, 4, 5, 6].map((i) => ({ namespace: `ns${i}` })) }, 'Request contains more than 5 Selectors'],
    [{ podExecutionRoleArn: nodeRole }, `Following required service principals [eks-fargate-pods.amazonaws.com] were not found in the trust relationships of podExecutionRoleArn ${nodeRole}`],
  ];
  for (const [extra, message] of cases) {
    const error = await rejection(eks.send(new CreateFargateProfileCommand(profile('demo', 'bad', extra))));
    assert.equal(error.name, 'InvalidParameterException', message);
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.equal(error.message, message);
  }
  await eks.send(new CreateClusterCommand({ name: 'young', roleArn: clusterRole, resourcesVpcConfig: VPC }));
  const young = await rejection(eks.send(new CreateFargateProfileCommand(profile('young', 'fp'))));
  assert.equal(young.name, 'InvalidRequestException');
  assert.equal(young.message, "Cluster 'young' is not in ACTIVE status");
  const ghost = await rejection(eks.send(new CreateFargateProfileCommand(profile('ghost', 'fp'))));
  assert.equal(ghost.name, 'ResourceNotFoundException');
  assert.equal(ghost.message, 'No cluster found for name: ghost.');
});

test('DescribeFargateProfile / ListFargateProfiles: 404 text and pagination in name order', async () => {
  const eks = f.eks();
  const missing = await rejection(eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'ghost' })));
  assert.equal(missing.name, 'ResourceNotFoundException');
  assert.equal(missing.$metadata.httpStatusCode, 404);
  assert.equal(missing.message, 'No Fargate Profile found with name: ghost.');
  assert.equal((missing as unknown as { fargateProfileName: string }).fargateProfileName, 'ghost');

  await activeProfiles('fp2', 'fp1');
  await eks.send(new CreateFargateProfileCommand(profile('demo', 'fp0')));
  assert.deepEqual((await eks.send(new ListFargateProfilesCommand({ clusterName: 'demo' }))).fargateProfileNames, ['fp0', 'fp1', 'fp2']);
  const first = await eks.send(new ListFargateProfilesCommand({ clusterName: 'demo', maxResults: 2 }));
  assert.deepEqual(first.fargateProfileNames, ['fp0', 'fp1']);
  const second = await eks.send(new ListFargateProfilesCommand({ clusterName: 'demo', maxResults: 2, nextToken: first.nextToken! }));
  assert.deepEqual(second.fargateProfileNames, ['fp2']);
  assert.equal(second.nextToken, undefined);
  assert.equal((await rejection(eks.send(new ListFargateProfilesCommand({ clusterName: 'ghost' })))).message, 'No cluster found for name: ghost.');
});

test('DeleteFargateProfile: DELETING then gone; no other profile created or deleted meanwhile; the cluster waits for its profiles', async () => {
  const eks = f.eks();
  await activeProfiles('fp0', 'fp1', 'fp2');
  const blocked = await rejection(eks.send(new DeleteClusterCommand({ name: 'demo' })));
  assert.equal(blocked.name, 'ResourceInUseException');
  assert.equal(blocked.message, 'Cluster has fargate profiles attached');

  const deleting = (await eks.send(new DeleteFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp0' }))).fargateProfile!;
  assert.equal(deleting.status, 'DELETING');
  const other = await rejection(eks.send(new DeleteFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp1' })));
  assert.equal(other.name, 'ResourceInUseException');
  assert.equal(other.$metadata.httpStatusCode, 409);
  assert.equal(other.message, 'Cannot delete Fargate Profile fp1 because cluster demo currently has Fargate profile fp0 in status DELETING');
  const create = await rejection(eks.send(new CreateFargateProfileCommand(profile('demo', 'fp9'))));
  assert.equal(create.message, 'Cannot create Fargate Profile fp9 because cluster demo currently has Fargate profile fp0 in status DELETING');

  clock.advance(PAST_EKS_DELAY_MS);
  assert.equal((await rejection(eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp0' })))).name, 'ResourceNotFoundException');
  assert.deepEqual((await eks.send(new ListFargateProfilesCommand({ clusterName: 'demo' }))).fargateProfileNames, ['fp1', 'fp2']);
  assert.equal((await rejection(eks.send(new DeleteFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp0' })))).message, 'No Fargate Profile found with name: fp0.');
});

test('waiters: FargateProfileActive while the clock moves, FargateProfileDeleted once it is gone', async () => {
  const eks = f.eks();
  // Each response moves the clock on, so the waiter (polling every millisecond) sees CREATING, then ACTIVE.
  eks.middlewareStack.add((next) => async (args) => {
    const out = await next(args);
    clock.advance(DEFAULT_EKS_DELAY_SECONDS * 600); // six tenths of a transition
    return out;
  }, { step: 'initialize', name: 'advanceClock' });
  await eks.send(new CreateFargateProfileCommand(profile('demo', 'waited')));
  const options = { client: eks, maxWaitTime: 10, minDelay: 0.001, maxDelay: 0.001 };
  assert.equal((await waitUntilFargateProfileActive(options, { clusterName: 'demo', fargateProfileName: 'waited' })).state, 'SUCCESS');
  await eks.send(new DeleteFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'waited' }));
  assert.equal((await waitUntilFargateProfileDeleted(options, { clusterName: 'demo', fargateProfileName: 'waited' })).state, 'SUCCESS');
});

test('in an API_AND_CONFIG_MAP cluster the pod execution role gets a FARGATE_LINUX access entry', async () => {
  await f.eks().send(new CreateClusterCommand({ name: 'api', roleArn: clusterRole, resourcesVpcConfig: VPC, accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } }));
  clock.advance(PAST_EKS_DELAY_MS);
  await f.eks().send(new CreateFargateProfileCommand(profile('api', 'fp')));
  const doc = await f.tollgate.runtime.store.eks.get({ accountId: ACCOUNT, region: 'us-west-2', kind: 'accessentry', cluster: 'api', name: podRole });
  const entry = JSON.parse(doc!.data) as { type: string; username: string };
  assert.equal(entry.type, 'FARGATE_LINUX');
  assert.equal(entry.username, 'system:node:{{SessionName}}');
});

test('AccessDenied names the profile ARN, or the cluster ARN for Create and List', async () => {
  const eks = f.eks(await userWithKey(f.iam(), 'nobody'));
  await activeProfiles('fp1');
  const arn = (await f.eks().send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp1' }))).fargateProfile!.fargateProfileArn!;
  const describe = await rejection(eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp1' })));
  assert.equal(describe.name, 'AccessDeniedException');
  assert.equal(describe.$metadata.httpStatusCode, 403);
  assert.equal(describe.message, deniedMessage('nobody', 'eks:DescribeFargateProfile', arn));
  assert.equal((await rejection(eks.send(new DeleteFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp1' })))).message, deniedMessage('nobody', 'eks:DeleteFargateProfile', arn));
  const cluster = `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/demo`;
  assert.equal((await rejection(eks.send(new ListFargateProfilesCommand({ clusterName: 'demo' })))).message, deniedMessage('nobody', 'eks:ListFargateProfiles', cluster));
  assert.equal((await rejection(eks.send(new CreateFargateProfileCommand(profile('demo', 'x'))))).message, deniedMessage('nobody', 'eks:CreateFargateProfile', cluster));
});

test('CreateFargateProfile needs iam:PassRole on the pod execution role and iam:GetRole on the Fargate service-linked role', async () => {
  await activeProfiles('fp1'); // the first profile creates the service-linked role
  const eksAll = { Effect: 'Allow', Action: 'eks:*', Resource: '*' };
  const eks = f.eks(await userWithPolicy(f.iam(), 'builder', [eksAll]));
  const noPass = await rejection(eks.send(new CreateFargateProfileCommand(profile('demo', 'passed'))));
  assert.equal(noPass.message, deniedMessage('builder', 'iam:PassRole', podRole));

  const pass = { Effect: 'Allow', Action: 'iam:PassRole', Resource: podRole, Condition: { StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } } };
  await putPolicy(f.iam(), 'builder', [eksAll, pass]);
  const noGet = await rejection(eks.send(new CreateFargateProfileCommand(profile('demo', 'passed'))));
  const slr = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks-fargate.amazonaws.com/AWSServiceRoleForAmazonEKSForFargate`;
  assert.equal(noGet.message, deniedMessage('builder', 'iam:GetRole', slr));

  await putPolicy(f.iam(), 'builder', [eksAll, pass, { Effect: 'Allow', Action: 'iam:GetRole', Resource: slr }]);
  assert.equal((await eks.send(new CreateFargateProfileCommand(profile('demo', 'passed')))).fargateProfile!.status, 'CREATING');
});

test('aws:ResourceTag comes from the profile\'s tags; aws:RequestTag from the request', async () => {
  await activeProfiles('fp1', 'fp2');
  const eks = f.eks(await userWithPolicy(f.iam(), 'tagged', [
    { Effect: 'Allow', Action: ['eks:DescribeFargateProfile', 'eks:DeleteFargateProfile'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } },
    { Effect: 'Allow', Action: 'eks:CreateFargateProfile', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'a' } } },
    { Effect: 'Allow', Action: ['iam:PassRole', 'iam:GetRole'], Resource: '*' },
  ]));
  assert.equal((await eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp1' }))).fargateProfile!.tags?.team, 'a');
  assert.equal((await rejection(eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp2' })))).name, 'AccessDeniedException');
  assert.equal((await rejection(eks.send(new DeleteFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp2' })))).name, 'AccessDeniedException');
  clock.advance(PAST_EKS_DELAY_MS);
  assert.equal((await eks.send(new CreateFargateProfileCommand(profile('demo', 'team-a', { tags: { team: 'a' } })))).fargateProfile!.status, 'CREATING');
  assert.equal((await rejection(eks.send(new CreateFargateProfileCommand(profile('demo', 'team-b', { tags: { team: 'b' } }))))).name, 'AccessDeniedException');
});
