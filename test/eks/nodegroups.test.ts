// Managed node groups end to end with @aws-sdk/client-eks (issue #4): shapes and defaults, lifecycle
// on a ManualClock, waiters, updates, conflicts, validation, and authorization (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md, docs/aws-behaviour/eks-authorization.md, docs/aws-behaviour/eks-passed-roles.md).
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateClusterCommand, CreateNodegroupCommand, DeleteClusterCommand, DeleteNodegroupCommand, DescribeNodegroupCommand, DescribeUpdateCommand,
  ListNodegroupsCommand, ListUpdatesCommand, UpdateClusterVersionCommand, UpdateNodegroupConfigCommand, UpdateNodegroupVersionCommand,
  waitUntilNodegroupActive, waitUntilNodegroupDeleted, type CreateNodegroupCommandInput, type EKSClient,
} from '@aws-sdk/client-eks';
import { GetRoleCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { ManualClock } from '../../src/kernel/clock.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import {
  DEFAULT_ACCOUNT_ID as ACCOUNT, DEFAULT_EKS_DELAY_SECONDS, DEFAULT_INSTANCE_TYPES, DEFAULT_KUBERNETES_VERSION, DEFAULT_SCALING, DEFAULT_UPDATE_CONFIG,
  KUBERNETES_VERSIONS, latestReleaseVersion, PAST_EKS_DELAY_MS,
} from '../support/defaults.ts';
import { createAccount } from '../../src/services/iam/create-account.ts';
import { deniedMessage, userWithKey } from '../iam/identity-assertions.ts';
import { createServiceRole, putPolicy, userWithPolicy, VPC } from './eks-helpers.ts';

let f: TollgateFixture;
let clock: ManualClock;
let clusterRole: string;
let nodeRole: string;
let wrongRole: string;
const SUBNETS = ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'];

/** A node group request for cluster `c` with only the required members. */
function ng(clusterName: string, nodegroupName: string, extra: Partial<CreateNodegroupCommandInput> = {}): CreateNodegroupCommandInput {
  return { clusterName, nodegroupName, nodeRole, subnets: SUBNETS, ...extra };
}

/** The node group `custom`: everything CreateNodegroup can be given, tagged team=a. */
const CUSTOM: Partial<CreateNodegroupCommandInput> = {
  scalingConfig: { minSize: 1, maxSize: 5, desiredSize: 4 }, instanceTypes: ['t3.large'], diskSize: 50, amiType: 'AL2_ARM_64', capacityType: 'SPOT',
  updateConfig: { maxUnavailable: 2 }, labels: { role: 'web' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NO_EXECUTE' }], tags: { team: 'a' },
  remoteAccess: { ec2SshKey: 'my-key' },
};

/** Node groups `names` on cluster demo, ACTIVE: `custom` as CUSTOM, `lt` from a launch template, the others with the defaults. */
async function activeNodegroups(...names: string[]): Promise<void> {
  for (const name of names) {
    const extra = name === 'custom' ? CUSTOM : name === 'lt' ? { launchTemplate: { id: 'lt-0123456789abcdef0', version: '3' } } : {};
    await f.eks().send(new CreateNodegroupCommand(ng('demo', name, extra)));
  }
  clock.advance(PAST_EKS_DELAY_MS);
}

/** Creates cluster `name` and lets it become ACTIVE. */
async function activeCluster(eks: EKSClient, name: string, extra: { tags?: Record<string, string>; authenticationMode?: string } = {}): Promise<void> {
  await eks.send(new CreateClusterCommand({
    name, roleArn: clusterRole, resourcesVpcConfig: VPC, tags: extra.tags,
    ...(extra.authenticationMode ? { accessConfig: { authenticationMode: extra.authenticationMode as 'API' } } : {}),
  }));
  clock.advance(PAST_EKS_DELAY_MS);
}

beforeEach(async () => {
  clock = new ManualClock(Date.now());
  f = await startFixture({ clock });
  clusterRole = await createServiceRole(f.iam(), 'eks-cluster-role', 'eks.amazonaws.com');
  nodeRole = await createServiceRole(f.iam(), 'eks-node-role', 'ec2.amazonaws.com');
  wrongRole = await createServiceRole(f.iam(), 'not-a-node-role', 'lambda.amazonaws.com');
  await activeCluster(f.eks(), 'demo', { tags: { team: 'a' } });
});
afterEach(() => f.close());

test('CreateNodegroup: a CREATING node group with AWS defaults, ACTIVE with its Auto Scaling group after the delay', async () => {
  const eks = f.eks();
  const created = (await eks.send(new CreateNodegroupCommand(ng('demo', 'ng1')))).nodegroup!;
  assert.equal(created.status, 'CREATING');
  assert.match(created.nodegroupArn ?? '', new RegExp(`^arn:aws:eks:us-west-2:${ACCOUNT}:nodegroup/demo/ng1/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`));
  assert.equal(created.clusterName, 'demo');
  assert.equal(created.version, DEFAULT_KUBERNETES_VERSION);
  assert.equal(created.amiType, 'AL2023_x86_64_STANDARD');
  assert.equal(created.releaseVersion, latestReleaseVersion(DEFAULT_KUBERNETES_VERSION, 'AL2023_x86_64_STANDARD'));
  assert.equal(created.capacityType, 'ON_DEMAND');
  assert.deepEqual(created.instanceTypes, DEFAULT_INSTANCE_TYPES);
  assert.equal(created.diskSize, 20);
  assert.deepEqual(created.scalingConfig, DEFAULT_SCALING);
  assert.deepEqual(created.updateConfig, DEFAULT_UPDATE_CONFIG);
  assert.deepEqual(created.health, { issues: [] });
  assert.deepEqual(created.subnets, SUBNETS);
  assert.equal(created.nodeRole, nodeRole);
  assert.deepEqual(created.tags, {});
  assert.equal(created.labels, undefined);
  assert.equal(created.resources, undefined, 'no Auto Scaling group while CREATING');
  assert.ok(created.createdAt instanceof Date && created.modifiedAt instanceof Date);

  clock.advance(PAST_EKS_DELAY_MS);
  const active = (await eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'ng1' }))).nodegroup!;
  assert.equal(active.status, 'ACTIVE');
  const uuid = created.nodegroupArn!.split('/').pop();
  assert.deepEqual(active.resources, { autoScalingGroups: [{ name: `eks-ng1-${uuid}` }] });

  const slr = (await f.iam().send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAmazonEKSNodegroup' }))).Role!;
  assert.equal(slr.Path, '/aws-service-role/eks-nodegroup.amazonaws.com/');
});

test('CreateNodegroup keeps what the request gives: scaling, instance types, disk, AMI, labels, taints, tags, update config', async () => {
  const created = (await f.eks().send(new CreateNodegroupCommand(ng('demo', 'custom', CUSTOM)))).nodegroup!;
  assert.deepEqual(created.scalingConfig, { minSize: 1, maxSize: 5, desiredSize: 4 });
  assert.deepEqual(created.instanceTypes, ['t3.large']);
  assert.equal(created.diskSize, 50);
  assert.equal(created.amiType, 'AL2_ARM_64');
  assert.equal(created.capacityType, 'SPOT');
  assert.deepEqual(created.updateConfig, { maxUnavailable: 2 });
  assert.deepEqual(created.labels, { role: 'web' });
  assert.deepEqual(created.taints, [{ key: 'dedicated', value: 'gpu', effect: 'NO_EXECUTE' }]);
  assert.deepEqual(created.tags, { team: 'a' });
  assert.deepEqual(created.remoteAccess, { ec2SshKey: 'my-key' });
  clock.advance(PAST_EKS_DELAY_MS);
  const active = (await f.eks().send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'custom' }))).nodegroup!;
  assert.match(active.resources?.remoteAccessSecurityGroup ?? '', /^sg-[0-9a-f]{17}$/, 'EKS opens SSH through its own security group');
});

test('CreateNodegroup: same clientRequestToken answers the node group; a duplicate name is 409', async () => {
  const eks = f.eks();
  const first = (await eks.send(new CreateNodegroupCommand(ng('demo', 'idem', { clientRequestToken: 'tok-1' })))).nodegroup!;
  const again = (await eks.send(new CreateNodegroupCommand(ng('demo', 'idem', { clientRequestToken: 'tok-1' })))).nodegroup!;
  assert.equal(again.nodegroupArn, first.nodegroupArn);
  const dup = await rejection(eks.send(new CreateNodegroupCommand(ng('demo', 'idem', { clientRequestToken: 'tok-2' }))));
  assert.equal(dup.name, 'ResourceInUseException');
  assert.equal(dup.$metadata.httpStatusCode, 409);
  assert.equal(dup.message, 'NodeGroup already exists with name idem and cluster name demo');
  assert.equal((dup as unknown as { nodegroupName: string }).nodegroupName, 'idem');
});

test('CreateNodegroup: cluster not ACTIVE, unknown cluster, role trust, scaling, update config and launch template rules', async () => {
  const eks = f.eks();
  await eks.send(new CreateClusterCommand({ name: 'young', roleArn: clusterRole, resourcesVpcConfig: VPC }));
  const young = await rejection(eks.send(new CreateNodegroupCommand(ng('young', 'n'))));
  assert.equal(young.name, 'InvalidRequestException');
  assert.equal(young.$metadata.httpStatusCode, 400);
  assert.equal(young.message, "Cluster 'young' is not in ACTIVE status");

  const ghost = await rejection(eks.send(new CreateNodegroupCommand(ng('ghost', 'n'))));
  assert.equal(ghost.name, 'ResourceNotFoundException');
  assert.equal(ghost.message, 'No cluster found for name: ghost.');

  const trust = await rejection(eks.send(new CreateNodegroupCommand(ng('demo', 'n', { nodeRole: wrongRole }))));
  assert.equal(trust.name, 'InvalidParameterException');
  assert.equal(trust.message, `Following required service principals [ec2.amazonaws.com] were not found in the trust relationships of nodeRole ${wrongRole}`);
  const missing = `arn:aws:iam::${ACCOUNT}:role/no-such-role`;
  assert.equal((await rejection(eks.send(new CreateNodegroupCommand(ng('demo', 'n', { nodeRole: missing }))))).name, 'InvalidParameterException');

  const cases: [Partial<CreateNodegroupCommandInput>, string][] = [
    [{ scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 3 } }, "desiredSize can't be greater than maxSize"],
    [{ scalingConfig: { minSize: 3, maxSize: 5, desiredSize: 2 } }, "minSize can't be greater than desiredSize"],
    [{ updateConfig: { maxUnavailable: 3 } }, 'max-unavailable must be within the range 1 and max size of the node group'],
    [{ launchTemplate: { name: 'lt' }, diskSize: 30 }, 'Disk size must be specified within the launch template.'],
    [{ launchTemplate: { name: 'lt' }, remoteAccess: { ec2SshKey: 'k' } }, 'Remote access configuration cannot be specified with a launch template.'],
    [{ scalingConfig: { minSize: 1, maxSize: 0, desiredSize: 0 } }, "1 validation error detected: Value '0' at 'scalingConfig.maxSize' failed to satisfy constraint: Member must have value greater than or equal to 1"],
  ];
  for (const [extra, message] of cases) {
    const error = await rejection(eks.send(new CreateNodegroupCommand(ng('demo', 'bad', extra))));
    assert.equal(error.name, 'InvalidParameterException', message);
    assert.equal(error.message, message);
  }
  assert.equal((await rejection(eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'bad' })))).name, 'ResourceNotFoundException');
});

test('a launch template node group reports the template and leaves instance types and disk to it', async () => {
  const created = (await f.eks().send(new CreateNodegroupCommand(ng('demo', 'lt', { launchTemplate: { id: 'lt-0123456789abcdef0', version: '3' } })))).nodegroup!;
  assert.deepEqual(created.launchTemplate, { id: 'lt-0123456789abcdef0', version: '3' });
  assert.equal(created.instanceTypes, undefined);
  assert.equal(created.diskSize, undefined);
});

test('DescribeNodegroup / ListNodegroups: 404 texts and pagination in name order', async () => {
  const eks = f.eks();
  const missing = await rejection(eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'ghost' })));
  assert.equal(missing.name, 'ResourceNotFoundException');
  assert.equal(missing.$metadata.httpStatusCode, 404);
  assert.equal(missing.message, 'No node group found for name: ghost.');
  assert.equal((missing as unknown as { clusterName: string }).clusterName, 'demo');
  assert.equal((await rejection(eks.send(new ListNodegroupsCommand({ clusterName: 'ghost' })))).message, 'No cluster found for name: ghost.');

  await activeNodegroups('ng1', 'lt', 'custom', 'idem');
  assert.deepEqual((await eks.send(new ListNodegroupsCommand({ clusterName: 'demo' }))).nodegroups, ['custom', 'idem', 'lt', 'ng1']);
  const first = await eks.send(new ListNodegroupsCommand({ clusterName: 'demo', maxResults: 3 }));
  assert.deepEqual(first.nodegroups, ['custom', 'idem', 'lt']);
  const second = await eks.send(new ListNodegroupsCommand({ clusterName: 'demo', maxResults: 3, nextToken: first.nextToken! }));
  assert.deepEqual(second.nodegroups, ['ng1']);
  assert.equal(second.nextToken, undefined);
});

test('UpdateNodegroupConfig: a ConfigUpdate with its params, UPDATING then ACTIVE, one at a time, idempotent by token', async () => {
  const eks = f.eks();
  await activeNodegroups('custom');
  const update = (await eks.send(new UpdateNodegroupConfigCommand({
    clusterName: 'demo', nodegroupName: 'custom', clientRequestToken: 'up-1',
    labels: { addOrUpdateLabels: { tier: 'front' }, removeLabels: ['role'] },
    taints: { removeTaints: [{ key: 'dedicated', effect: 'NO_EXECUTE' }] },
    scalingConfig: { desiredSize: 3 },
  }))).update!;
  assert.equal(update.type, 'ConfigUpdate');
  assert.equal(update.status, 'InProgress');
  assert.match(update.id ?? '', /^[0-9a-f-]{36}$/);
  assert.deepEqual(update.params, [
    { type: 'LabelsToAdd', value: '{"tier":"front"}' },
    { type: 'LabelsToRemove', value: '["role"]' },
    { type: 'TaintsToRemove', value: '[{"key":"dedicated","effect":"NO_EXECUTE"}]' },
    { type: 'DesiredSize', value: '3' },
  ]);
  const retried = (await eks.send(new UpdateNodegroupConfigCommand({ clusterName: 'demo', nodegroupName: 'custom', clientRequestToken: 'up-1', scalingConfig: { desiredSize: 3 } }))).update!;
  assert.equal(retried.id, update.id);

  const during = (await eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'custom' }))).nodegroup!;
  assert.equal(during.status, 'UPDATING');
  assert.deepEqual(during.labels, { tier: 'front' });
  assert.equal(during.taints, undefined);
  assert.deepEqual(during.scalingConfig, { minSize: 1, maxSize: 5, desiredSize: 3 });
  const busy = await rejection(eks.send(new UpdateNodegroupConfigCommand({ clusterName: 'demo', nodegroupName: 'custom', scalingConfig: { desiredSize: 2 } })));
  assert.equal(busy.name, 'ResourceInUseException');
  assert.equal(busy.$metadata.httpStatusCode, 409);
  assert.equal(busy.message, 'Nodegroup cannot be updated as it is currently not in Active State');

  clock.advance(PAST_EKS_DELAY_MS);
  assert.equal((await eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'custom' }))).nodegroup!.status, 'ACTIVE');
  const described = (await eks.send(new DescribeUpdateCommand({ name: 'demo', updateId: update.id!, nodegroupName: 'custom' }))).update!;
  assert.equal(described.status, 'Successful');
  assert.deepEqual((await eks.send(new ListUpdatesCommand({ name: 'demo', nodegroupName: 'custom' }))).updateIds, [update.id]);
  assert.deepEqual((await eks.send(new ListUpdatesCommand({ name: 'demo' }))).updateIds, [], 'node group updates are not the cluster\'s');
});

test('UpdateNodegroupConfig: scaling and update-config rules, nothing to change, unknown node group', async () => {
  const eks = f.eks();
  await eks.send(new CreateNodegroupCommand(ng('demo', 'custom', { ...CUSTOM, scalingConfig: { minSize: 1, maxSize: 5, desiredSize: 3 } })));
  clock.advance(PAST_EKS_DELAY_MS);
  const cases: [Omit<ConstructorParameters<typeof UpdateNodegroupConfigCommand>[0], 'clusterName' | 'nodegroupName'>, string][] = [
    [{ scalingConfig: { minSize: 4 } }, "Minimum capacity 4 can't be greater than desired size 3"],
    [{ scalingConfig: { desiredSize: 6 } }, "Desired capacity 6 can't be greater than max size 5"],
    [{ updateConfig: { maxUnavailable: 6 } }, 'max-unavailable must be within the range 1 and max size of the node group'],
    [{}, 'No changes needed'],
  ];
  for (const [extra, message] of cases) {
    const error = await rejection(eks.send(new UpdateNodegroupConfigCommand({ clusterName: 'demo', nodegroupName: 'custom', ...extra })));
    assert.equal(error.name, 'InvalidParameterException', message);
    assert.equal(error.message, message);
  }
  const ghost = await rejection(eks.send(new UpdateNodegroupConfigCommand({ clusterName: 'demo', nodegroupName: 'ghost', scalingConfig: { desiredSize: 1 } })));
  assert.equal(ghost.message, 'No node group found for name: ghost.');
});

test('UpdateNodegroupVersion follows the cluster to its new version with the newest AMI release', async () => {
  const eks = f.eks();
  await activeCluster(eks, 'upgr');
  await eks.send(new CreateNodegroupCommand(ng('upgr', 'workers')));
  clock.advance(PAST_EKS_DELAY_MS);
  const next = KUBERNETES_VERSIONS.find((v) => Number(v.version.split('.')[1]) === Number(DEFAULT_KUBERNETES_VERSION.split('.')[1]) + 1);
  assert.ok(next, 'a version after the default to upgrade to');
  await eks.send(new UpdateClusterVersionCommand({ name: 'upgr', version: next.version }));
  clock.advance(PAST_EKS_DELAY_MS);
  const update = (await eks.send(new UpdateNodegroupVersionCommand({ clusterName: 'upgr', nodegroupName: 'workers' }))).update!;
  assert.equal(update.type, 'VersionUpdate');
  assert.deepEqual(update.params, [{ type: 'Version', value: next.version }, { type: 'ReleaseVersion', value: latestReleaseVersion(next.version, 'AL2023_x86_64_STANDARD') }]);
  const during = (await eks.send(new DescribeNodegroupCommand({ clusterName: 'upgr', nodegroupName: 'workers' }))).nodegroup!;
  assert.equal(during.status, 'UPDATING');
  assert.equal(during.version, next.version);
  clock.advance(PAST_EKS_DELAY_MS);
  const again = await rejection(eks.send(new UpdateNodegroupVersionCommand({ clusterName: 'upgr', nodegroupName: 'workers' })));
  assert.equal(again.name, 'InvalidParameterException');
});

test('waiters: NodegroupActive while the clock moves, NodegroupDeleted once it is gone', async () => {
  const eks = f.eks();
  // Each response moves the clock on, so the waiter (polling every millisecond) sees CREATING, then ACTIVE.
  eks.middlewareStack.add((next) => async (args) => {
    const out = await next(args);
    clock.advance(DEFAULT_EKS_DELAY_SECONDS * 600); // six tenths of a transition
    return out;
  }, { step: 'initialize', name: 'advanceClock' });
  await eks.send(new CreateNodegroupCommand(ng('demo', 'waited')));
  const active = await waitUntilNodegroupActive({ client: eks, maxWaitTime: 10, minDelay: 0.001, maxDelay: 0.001 }, { clusterName: 'demo', nodegroupName: 'waited' });
  assert.equal(active.state, 'SUCCESS');
  await eks.send(new DeleteNodegroupCommand({ clusterName: 'demo', nodegroupName: 'waited' }));
  const deleted = await waitUntilNodegroupDeleted({ client: eks, maxWaitTime: 10, minDelay: 0.001, maxDelay: 0.001 }, { clusterName: 'demo', nodegroupName: 'waited' });
  assert.equal(deleted.state, 'SUCCESS');
});

test('DeleteNodegroup: DELETING then gone; a cluster with node groups cannot be deleted', async () => {
  const eks = f.eks();
  await activeNodegroups('ng1', 'idem');
  const blocked = await rejection(eks.send(new DeleteClusterCommand({ name: 'demo' })));
  assert.equal(blocked.name, 'ResourceInUseException');
  assert.equal(blocked.$metadata.httpStatusCode, 409);
  assert.equal(blocked.message, 'Cluster has nodegroups attached');
  assert.ok(['ng1', 'idem'].includes((blocked as unknown as { nodegroupName: string }).nodegroupName), 'the body names an attached node group');

  const deleting = (await eks.send(new DeleteNodegroupCommand({ clusterName: 'demo', nodegroupName: 'idem' }))).nodegroup!;
  assert.equal(deleting.status, 'DELETING');
  assert.equal((await eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'idem' }))).nodegroup!.status, 'DELETING');
  const busy = await rejection(eks.send(new UpdateNodegroupConfigCommand({ clusterName: 'demo', nodegroupName: 'idem', scalingConfig: { desiredSize: 1 } })));
  assert.equal(busy.name, 'ResourceInUseException');
  clock.advance(PAST_EKS_DELAY_MS);
  assert.equal((await rejection(eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'idem' })))).name, 'ResourceNotFoundException');
  assert.ok(!(await eks.send(new ListNodegroupsCommand({ clusterName: 'demo' }))).nodegroups!.includes('idem'));
  assert.equal((await rejection(eks.send(new DeleteNodegroupCommand({ clusterName: 'demo', nodegroupName: 'idem' })))).message, 'No node group found for name: idem.');
});

test('in an API-mode cluster the node role gets an EC2_LINUX access entry', async () => {
  await activeCluster(f.eks(), 'api-mode', { authenticationMode: 'API' });
  await f.eks().send(new CreateNodegroupCommand(ng('api-mode', 'nodes')));
  const doc = await f.tollgate.runtime.store.eks.get({ accountId: ACCOUNT, region: 'us-west-2', kind: 'accessentry', cluster: 'api-mode', name: nodeRole });
  const entry = JSON.parse(doc!.data) as { type: string; username: string };
  assert.equal(entry.type, 'EC2_LINUX');
  assert.equal(entry.username, 'system:node:{{EC2PrivateDNSName}}');
});

test('AccessDenied names the node group ARN, or the cluster ARN for CreateNodegroup and ListNodegroups', async () => {
  const eks = f.eks(await userWithKey(f.iam(), 'nobody'));
  await activeNodegroups('ng1');
  const arn = (await f.eks().send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'ng1' }))).nodegroup!.nodegroupArn!;
  const describe = await rejection(eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'ng1' })));
  assert.equal(describe.name, 'AccessDeniedException');
  assert.equal(describe.$metadata.httpStatusCode, 403);
  assert.equal(describe.message, deniedMessage('nobody', 'eks:DescribeNodegroup', arn));
  const list = await rejection(eks.send(new ListNodegroupsCommand({ clusterName: 'demo' })));
  assert.equal(list.message, deniedMessage('nobody', 'eks:ListNodegroups', `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/demo`));
  const create = await rejection(eks.send(new CreateNodegroupCommand(ng('demo', 'x'))));
  assert.equal(create.message, deniedMessage('nobody', 'eks:CreateNodegroup', `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/demo`));
  const update = await rejection(eks.send(new UpdateNodegroupConfigCommand({ clusterName: 'demo', nodegroupName: 'ng1', scalingConfig: { desiredSize: 1 } })));
  assert.equal(update.message, deniedMessage('nobody', 'eks:UpdateNodegroupConfig', arn));
  const del = await rejection(eks.send(new DeleteNodegroupCommand({ clusterName: 'demo', nodegroupName: 'ng1' })));
  assert.equal(del.message, deniedMessage('nobody', 'eks:DeleteNodegroup', arn));
});

test('CreateNodegroup needs iam:PassRole on the node role with iam:PassedToService eks.amazonaws.com', async () => {
  await activeNodegroups('ng1'); // the first node group creates the service-linked role
  const eksOnly = { Effect: 'Allow', Action: 'eks:*', Resource: '*' };
  const eks = f.eks(await userWithPolicy(f.iam(), 'builder', [eksOnly]));
  const denied = await rejection(eks.send(new CreateNodegroupCommand(ng('demo', 'passed'))));
  assert.equal(denied.name, 'AccessDeniedException');
  assert.equal(denied.message, deniedMessage('builder', 'iam:PassRole', nodeRole));

  const passTo = (service: string) => ({ Effect: 'Allow', Action: 'iam:PassRole', Resource: nodeRole, Condition: { StringEquals: { 'iam:PassedToService': service } } });
  await putPolicy(f.iam(), 'builder', [eksOnly, passTo('ec2.amazonaws.com')]);
  assert.equal((await rejection(eks.send(new CreateNodegroupCommand(ng('demo', 'passed'))))).message, deniedMessage('builder', 'iam:PassRole', nodeRole));
  await putPolicy(f.iam(), 'builder', [eksOnly, passTo('eks.amazonaws.com')]);
  assert.equal((await eks.send(new CreateNodegroupCommand(ng('demo', 'passed')))).nodegroup!.status, 'CREATING');
});

test('in an account without AWSServiceRoleForAmazonEKSNodegroup, CreateNodegroup needs iam:CreateServiceLinkedRole', async () => {
  const other = await createAccount(f.tollgate.runtime, '444455556666');
  const root = { accessKeyId: other.AccessKeyId, secretAccessKey: other.SecretAccessKey };
  const iam = f.iam(root);
  const otherClusterRole = await createServiceRole(iam, 'eks-cluster-role', 'eks.amazonaws.com');
  const otherNodeRole = await createServiceRole(iam, 'eks-node-role', 'ec2.amazonaws.com');
  await f.eks(root).send(new CreateClusterCommand({ name: 'c', roleArn: otherClusterRole, resourcesVpcConfig: VPC }));
  clock.advance(PAST_EKS_DELAY_MS);
  const credentials = await userWithKey(iam, 'builder');
  const policy = (statements: object[]) => iam.send(new PutUserPolicyCommand({ UserName: 'builder', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
  await policy([{ Effect: 'Allow', Action: ['eks:*', 'iam:PassRole'], Resource: '*' }]);
  const eks = f.eks(credentials);
  const denied = await rejection(eks.send(new CreateNodegroupCommand({ ...ng('c', 'n'), nodeRole: otherNodeRole })));
  assert.equal(denied.name, 'AccessDeniedException');
  const slr = 'arn:aws:iam::444455556666:role/aws-service-role/eks-nodegroup.amazonaws.com/AWSServiceRoleForAmazonEKSNodegroup';
  assert.equal(denied.message, `User: arn:aws:iam::444455556666:user/builder is not authorized to perform: iam:CreateServiceLinkedRole on resource: ${slr} because no identity-based policy allows the iam:CreateServiceLinkedRole action`);
  await policy([
    { Effect: 'Allow', Action: ['eks:*', 'iam:PassRole'], Resource: '*' },
    { Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*', Condition: { StringEquals: { 'iam:AWSServiceName': 'eks-nodegroup.amazonaws.com' } } },
  ]);
  assert.equal((await eks.send(new CreateNodegroupCommand({ ...ng('c', 'n'), nodeRole: otherNodeRole }))).nodegroup!.status, 'CREATING');
  assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAmazonEKSNodegroup' }))).Role!.Arn, slr);
});

test('aws:ResourceTag comes from the node group\'s tags, aws:RequestTag / aws:TagKeys from the request', async () => {
  await activeNodegroups('custom', 'ng1');
  const eks = f.eks(await userWithPolicy(f.iam(), 'tagged', [
    { Effect: 'Allow', Action: 'eks:DescribeNodegroup', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } },
    { Effect: 'Allow', Action: 'eks:CreateNodegroup', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'a' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } },
    { Effect: 'Allow', Action: 'iam:PassRole', Resource: nodeRole },
  ]));
  assert.equal((await eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'custom' }))).nodegroup!.tags?.team, 'a');
  const untagged = await rejection(eks.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'ng1' })));
  assert.equal(untagged.name, 'AccessDeniedException');
  assert.match(untagged.message, new RegExp(`eks:DescribeNodegroup on resource: arn:aws:eks:us-west-2:${ACCOUNT}:nodegroup/demo/ng1/`));

  assert.equal((await eks.send(new CreateNodegroupCommand(ng('demo', 'team-a', { tags: { team: 'a' } })))).nodegroup!.tags?.team, 'a');
  assert.equal((await rejection(eks.send(new CreateNodegroupCommand(ng('demo', 'team-b', { tags: { team: 'b' } }))))).name, 'AccessDeniedException');
  assert.equal((await rejection(eks.send(new CreateNodegroupCommand(ng('demo', 'team-x', { tags: { team: 'a', cost: 'x' } }))))).name, 'AccessDeniedException');
});
