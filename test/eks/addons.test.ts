// EKS add-ons end to end with @aws-sdk/client-eks (issue #4): the catalogue and its filters, the add-on
// lifecycle on a ManualClock, waiters, updates, conflicts, errors and authorization (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md, docs/aws-behaviour/eks-authorization.md, docs/aws-behaviour/eks-passed-roles.md).
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateAddonCommand, CreateClusterCommand, DeleteAddonCommand, DescribeAddonCommand, DescribeAddonVersionsCommand, DescribeUpdateCommand,
  ListAddonsCommand, ListUpdatesCommand, UpdateAddonCommand, waitUntilAddonActive, waitUntilAddonDeleted, type CreateAddonCommandInput,
  type EKSClient,
} from '@aws-sdk/client-eks';
import { ManualClock } from '../../src/kernel/clock.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT, DEFAULT_EKS_DELAY_SECONDS, KUBERNETES_VERSIONS, PAST_EKS_DELAY_MS } from '../support/defaults.ts';
import { deniedMessage, userWithKey } from '../iam/identity-assertions.ts';
import { createServiceRole, putPolicy, userWithPolicy, VPC } from './eks-helpers.ts';

let f: TollgateFixture;
let clock: ManualClock;
let clusterRole: string;
let addonRole: string;
const CLUSTER_ARN = `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/demo`;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Creates cluster `name` and lets it become ACTIVE. */
async function activeCluster(eks: EKSClient, name: string, extra: { version?: string } = {}): Promise<void> {
  await eks.send(new CreateClusterCommand({ name, roleArn: clusterRole, resourcesVpcConfig: VPC, ...extra }));
  clock.advance(PAST_EKS_DELAY_MS);
}

/** Creates add-on `addonName` on `clusterName` and lets it become ACTIVE; returns its ARN. */
async function activeAddon(eks: EKSClient, input: CreateAddonCommandInput): Promise<string> {
  const addon = (await eks.send(new CreateAddonCommand(input))).addon!;
  clock.advance(PAST_EKS_DELAY_MS);
  return addon.addonArn!;
}

beforeEach(async () => {
  clock = new ManualClock(Date.now());
  f = await startFixture({ clock });
  clusterRole = await createServiceRole(f.iam(), 'eks-cluster-role', 'eks.amazonaws.com');
  addonRole = await createServiceRole(f.iam(), 'ebs-csi-role', 'eks.amazonaws.com');
  await activeCluster(f.eks(), 'demo');
});
afterEach(() => f.close());

test('DescribeAddonVersions: the whole catalogue in name order, with publisher, owner, type and compatibilities', async () => {
  const addons = (await f.eks().send(new DescribeAddonVersionsCommand({}))).addons!;
  assert.deepEqual(addons.map((a) => a.addonName), ['aws-ebs-csi-driver', 'coredns', 'eks-pod-identity-agent', 'kube-proxy', 'vpc-cni']);
  assert.deepEqual(addons.map((a) => a.type), ['storage', 'networking', 'security', 'networking', 'networking']);
  for (const addon of addons) {
    assert.equal(addon.publisher, 'eks');
    assert.equal(addon.owner, 'aws');
    for (const version of addon.addonVersions!) {
      assert.match(version.addonVersion!, /^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
      assert.equal(version.requiresConfiguration, false);
      assert.deepEqual(version.architecture, ['amd64', 'arm64']);
      for (const c of version.compatibilities!) assert.deepEqual(c.platformVersions, ['*']);
    }
    // Exactly one default per Kubernetes version.
    for (const k8s of KUBERNETES_VERSIONS.map((v) => v.version)) {
      const defaults = addon.addonVersions!.filter((v) => v.compatibilities!.some((c) => c.clusterVersion === k8s && c.defaultVersion));
      assert.equal(defaults.length, 1, `${addon.addonName} on ${k8s}`);
    }
  }
  const vpcCni = addons.find((a) => a.addonName === 'vpc-cni')!;
  assert.ok(vpcCni.addonVersions!.some((v) => v.addonVersion === 'v1.19.2-eksbuild.1'));
});

test('DescribeAddonVersions filters by kubernetesVersion, addonName, types, publishers and owners', async () => {
  const eks = f.eks();
  const on135 = (await eks.send(new DescribeAddonVersionsCommand({ kubernetesVersion: '1.35', addonName: 'kube-proxy' }))).addons!;
  assert.equal(on135.length, 1);
  assert.deepEqual(on135[0]!.addonVersions, [{
    addonVersion: 'v1.35.0-eksbuild.2', architecture: ['amd64', 'arm64'], compatibilities: [{ clusterVersion: '1.35', platformVersions: ['*'], defaultVersion: true }],
    requiresConfiguration: false, requiresIamPermissions: false,
  }]);
  const coredns = (await eks.send(new DescribeAddonVersionsCommand({ kubernetesVersion: '1.34', addonName: 'coredns' }))).addons![0]!;
  assert.deepEqual(coredns.addonVersions!.map((v) => [v.addonVersion, v.compatibilities!.map((c) => [c.clusterVersion, c.defaultVersion])]), [
    ['v1.13.2-eksbuild.1', [['1.34', false]]],
    ['v1.12.4-eksbuild.1', [['1.34', true]]],
  ]);
  const storage = (await eks.send(new DescribeAddonVersionsCommand({ types: ['storage'] }))).addons!;
  assert.deepEqual(storage.map((a) => a.addonName), ['aws-ebs-csi-driver']);
  const two = (await eks.send(new DescribeAddonVersionsCommand({ types: ['storage', 'security'] }))).addons!;
  assert.deepEqual(two.map((a) => a.addonName), ['aws-ebs-csi-driver', 'eks-pod-identity-agent']);
  assert.equal((await eks.send(new DescribeAddonVersionsCommand({ publishers: ['eks'], owners: ['aws'] }))).addons!.length, 5);
  assert.deepEqual((await eks.send(new DescribeAddonVersionsCommand({ publishers: ['kubecost'] }))).addons, []);
  assert.deepEqual((await eks.send(new DescribeAddonVersionsCommand({ owners: ['aws-marketplace'] }))).addons, []);
  assert.deepEqual((await eks.send(new DescribeAddonVersionsCommand({ addonName: 'kubecost_kubecost' }))).addons, []);
  assert.deepEqual((await eks.send(new DescribeAddonVersionsCommand({ kubernetesVersion: '1.20' }))).addons, []);
});

test('DescribeAddonVersions pages by add-on name', async () => {
  const eks = f.eks();
  const names: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await eks.send(new DescribeAddonVersionsCommand({ maxResults: 2, nextToken }));
    names.push(...page.addons!.map((a) => a.addonName!));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  assert.equal(pages, 3);
  assert.deepEqual(names, ['aws-ebs-csi-driver', 'coredns', 'eks-pod-identity-agent', 'kube-proxy', 'vpc-cni']);
  const bad = await rejection(eks.send(new DescribeAddonVersionsCommand({ nextToken: 'garbage' })));
  assert.equal(bad.name, 'InvalidParameterException');
});

test('CreateAddon: CREATING with the default version for the cluster, then ACTIVE; ListAddons lists it', async () => {
  const eks = f.eks();
  const created = (await eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'vpc-cni', resolveConflicts: 'OVERWRITE' }))).addon!;
  assert.equal(created.status, 'CREATING');
  assert.equal(created.addonName, 'vpc-cni');
  assert.equal(created.clusterName, 'demo');
  assert.equal(created.addonVersion, 'v1.20.5-eksbuild.1', 'the defaultVersion for 1.34');
  assert.match(created.addonArn!, new RegExp(`^arn:aws:eks:us-west-2:${ACCOUNT}:addon/demo/vpc-cni/${UUID}$`));
  assert.deepEqual(created.health, { issues: [] });
  assert.equal(created.publisher, 'eks');
  assert.equal(created.owner, 'aws');
  assert.deepEqual(created.tags, {});
  assert.equal(created.serviceAccountRoleArn, undefined);
  assert.equal(created.configurationValues, undefined);
  assert.ok(created.createdAt instanceof Date && created.modifiedAt instanceof Date);

  clock.advance(PAST_EKS_DELAY_MS);
  const active = (await eks.send(new DescribeAddonCommand({ clusterName: 'demo', addonName: 'vpc-cni' }))).addon!;
  assert.equal(active.status, 'ACTIVE');
  assert.equal(active.addonArn, created.addonArn);
  assert.ok((await eks.send(new ListAddonsCommand({ clusterName: 'demo' }))).addons!.includes('vpc-cni'));
});

test('CreateAddon keeps the version, role, configuration values and tags it is given', async () => {
  const eks = f.eks();
  const config = '{"controller":{"replicaCount":1}}';
  const created = (await eks.send(new CreateAddonCommand({
    clusterName: 'demo', addonName: 'aws-ebs-csi-driver', addonVersion: 'v1.50.1-eksbuild.1', serviceAccountRoleArn: addonRole,
    configurationValues: config, tags: { team: 'a' }, resolveConflicts: 'PRESERVE',
  }))).addon!;
  assert.equal(created.addonVersion, 'v1.50.1-eksbuild.1');
  assert.equal(created.serviceAccountRoleArn, addonRole);
  assert.equal(created.configurationValues, config);
  assert.deepEqual(created.tags, { team: 'a' });
  clock.advance(PAST_EKS_DELAY_MS);
  const described = (await eks.send(new DescribeAddonCommand({ clusterName: 'demo', addonName: 'aws-ebs-csi-driver' }))).addon!;
  assert.equal(described.configurationValues, config);
  assert.equal(described.serviceAccountRoleArn, addonRole);
});

test('CreateAddon: the same clientRequestToken answers the add-on; a duplicate is 409 Addon already exists.', async () => {
  const eks = f.eks();
  const first = (await eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'coredns', clientRequestToken: 'tok-1' }))).addon!;
  const again = (await eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'coredns', clientRequestToken: 'tok-1' }))).addon!;
  assert.equal(again.addonArn, first.addonArn);
  const dup = await rejection(eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'coredns', clientRequestToken: 'tok-2' })));
  assert.equal(dup.name, 'ResourceInUseException');
  assert.equal(dup.$metadata.httpStatusCode, 409);
  assert.equal(dup.message, 'Addon already exists.');
  assert.equal((dup as unknown as { addonName: string }).addonName, 'coredns');
  clock.advance(PAST_EKS_DELAY_MS);
});

test('CreateAddon errors: unknown add-on, incompatible or unknown version, cluster not ACTIVE or missing, missing role', async () => {
  const eks = f.eks();
  const unknown = await rejection(eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'kubecost_kubecost' })));
  assert.equal(unknown.name, 'InvalidParameterException');
  assert.equal(unknown.$metadata.httpStatusCode, 400);
  assert.equal(unknown.message, 'Addon kubecost_kubecost specified is not supported in 1.34 kubernetes version');

  // A kube-proxy of another Kubernetes minor, and a version the catalogue does not have.
  for (const addonVersion of ['v1.31.13-eksbuild.2', 'v9.9.9-eksbuild.1']) {
    const version = await rejection(eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'kube-proxy', addonVersion })));
    assert.equal(version.name, 'InvalidParameterException');
    assert.equal(version.message, 'Addon version specified is not supported');
    assert.equal((version as unknown as { addonName: string }).addonName, 'kube-proxy');
  }

  await eks.send(new CreateClusterCommand({ name: 'young', roleArn: clusterRole, resourcesVpcConfig: VPC }));
  const young = await rejection(eks.send(new CreateAddonCommand({ clusterName: 'young', addonName: 'vpc-cni' })));
  assert.equal(young.name, 'InvalidRequestException');
  assert.equal(young.message, "Cluster 'young' is not in ACTIVE status");

  const ghost = await rejection(eks.send(new CreateAddonCommand({ clusterName: 'ghost', addonName: 'vpc-cni' })));
  assert.equal(ghost.name, 'ResourceNotFoundException');
  assert.equal(ghost.message, 'No cluster found for name: ghost.');

  const missingRole = `arn:aws:iam::${ACCOUNT}:role/no-such-role`;
  const role = await rejection(eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'kube-proxy', serviceAccountRoleArn: missingRole })));
  assert.equal(role.name, 'InvalidParameterException');
  assert.equal(role.message, `Role with arn: ${missingRole}, could not be assumed because it does not exist or the trusted entity is not correct`);
  assert.ok(!(await eks.send(new ListAddonsCommand({ clusterName: 'demo' }))).addons!.includes('kube-proxy'), 'nothing was made');
});

test('an add-on that does not exist is 404 No addon: NAME found in cluster: CLUSTER', async () => {
  const eks = f.eks();
  const message = 'No addon: kube-proxy found in cluster: demo';
  for (const command of [
    new DescribeAddonCommand({ clusterName: 'demo', addonName: 'kube-proxy' }),
    new DeleteAddonCommand({ clusterName: 'demo', addonName: 'kube-proxy' }),
    new UpdateAddonCommand({ clusterName: 'demo', addonName: 'kube-proxy', addonVersion: 'v1.34.1-eksbuild.2' }),
  ]) {
    const error = await rejection(eks.send(command as DescribeAddonCommand));
    assert.equal(error.name, 'ResourceNotFoundException');
    assert.equal(error.$metadata.httpStatusCode, 404);
    assert.equal(error.message, message);
    assert.equal((error as unknown as { addonName: string }).addonName, 'kube-proxy');
  }
  assert.equal((await rejection(eks.send(new DescribeAddonCommand({ clusterName: 'ghost', addonName: 'x' })))).message, 'No cluster found for name: ghost.');
});

test('UpdateAddon: an AddonUpdate with the given params; UPDATING (409 for another update), then Successful and ACTIVE', async () => {
  const eks = f.eks();
  await activeCluster(eks, 'upd');
  await activeAddon(eks, { clusterName: 'upd', addonName: 'vpc-cni', addonVersion: 'v1.19.6-eksbuild.7' });
  const config = '{"env":{"WARM_IP_TARGET":"2"}}';
  const update = (await eks.send(new UpdateAddonCommand({
    clusterName: 'upd', addonName: 'vpc-cni', addonVersion: 'v1.21.1-eksbuild.3', serviceAccountRoleArn: addonRole, resolveConflicts: 'OVERWRITE',
    configurationValues: config, clientRequestToken: 'u-1',
  }))).update!;
  assert.equal(update.type, 'AddonUpdate');
  assert.equal(update.status, 'InProgress');
  assert.match(update.id!, new RegExp(`^${UUID}$`));
  assert.deepEqual(update.params, [
    { type: 'AddonVersion', value: 'v1.21.1-eksbuild.3' },
    { type: 'ServiceAccountRoleArn', value: addonRole },
    { type: 'ResolveConflicts', value: 'OVERWRITE' },
    { type: 'ConfigurationValues', value: config },
  ]);
  assert.deepEqual(update.errors, []);
  assert.equal((await eks.send(new DescribeAddonCommand({ clusterName: 'upd', addonName: 'vpc-cni' }))).addon!.status, 'UPDATING');

  const retried = (await eks.send(new UpdateAddonCommand({ clusterName: 'upd', addonName: 'vpc-cni', addonVersion: 'v1.21.1-eksbuild.3', clientRequestToken: 'u-1' }))).update!;
  assert.equal(retried.id, update.id, 'a retry answers the same update');
  const busy = await rejection(eks.send(new UpdateAddonCommand({ clusterName: 'upd', addonName: 'vpc-cni', resolveConflicts: 'NONE' })));
  assert.equal(busy.name, 'ResourceInUseException');
  assert.equal(busy.$metadata.httpStatusCode, 409);
  assert.equal(busy.message, 'Addon vpc-cni cannot be updated as it is currently in UPDATING state');

  clock.advance(PAST_EKS_DELAY_MS);
  const done = (await eks.send(new DescribeUpdateCommand({ name: 'upd', updateId: update.id!, addonName: 'vpc-cni' }))).update!;
  assert.equal(done.status, 'Successful');
  assert.deepEqual((await eks.send(new ListUpdatesCommand({ name: 'upd', addonName: 'vpc-cni' }))).updateIds, [update.id]);
  const active = (await eks.send(new DescribeAddonCommand({ clusterName: 'upd', addonName: 'vpc-cni' }))).addon!;
  assert.equal(active.status, 'ACTIVE');
  assert.equal(active.addonVersion, 'v1.21.1-eksbuild.3');
  assert.equal(active.serviceAccountRoleArn, addonRole);
  assert.equal(active.configurationValues, config);

  const incompatible = await rejection(eks.send(new UpdateAddonCommand({ clusterName: 'upd', addonName: 'vpc-cni', addonVersion: 'v1.19.2-eksbuild.1' })));
  assert.equal(incompatible.name, 'InvalidParameterException');
  assert.equal(incompatible.message, 'Addon version specified is not supported');
  const missingRole = `arn:aws:iam::${ACCOUNT}:role/no-such-role`;
  const role = await rejection(eks.send(new UpdateAddonCommand({ clusterName: 'upd', addonName: 'vpc-cni', serviceAccountRoleArn: missingRole })));
  assert.equal(role.name, 'InvalidParameterException');
  assert.equal(role.message, `Role with arn: ${missingRole}, could not be assumed because it does not exist or the trusted entity is not correct`);
  assert.deepEqual((await eks.send(new ListUpdatesCommand({ name: 'upd', addonName: 'vpc-cni' }))).updateIds, [update.id], 'refused updates are not recorded');
});

test('DeleteAddon: DELETING (no updates), then gone; ListAddons pages by name', async () => {
  const eks = f.eks();
  await activeCluster(eks, 'del');
  for (const addonName of ['kube-proxy', 'coredns', 'vpc-cni']) await eks.send(new CreateAddonCommand({ clusterName: 'del', addonName }));
  clock.advance(PAST_EKS_DELAY_MS);
  const first = await eks.send(new ListAddonsCommand({ clusterName: 'del', maxResults: 2 }));
  assert.deepEqual(first.addons, ['coredns', 'kube-proxy']);
  const second = await eks.send(new ListAddonsCommand({ clusterName: 'del', maxResults: 2, nextToken: first.nextToken }));
  assert.deepEqual(second.addons, ['vpc-cni']);
  assert.equal(second.nextToken, undefined);

  const deleting = (await eks.send(new DeleteAddonCommand({ clusterName: 'del', addonName: 'coredns', preserve: true }))).addon!;
  assert.equal(deleting.status, 'DELETING');
  assert.equal((await eks.send(new DeleteAddonCommand({ clusterName: 'del', addonName: 'coredns' }))).addon!.status, 'DELETING', 'deleting again answers as it is');
  const busy = await rejection(eks.send(new UpdateAddonCommand({ clusterName: 'del', addonName: 'coredns', resolveConflicts: 'NONE' })));
  assert.equal(busy.message, 'Addon coredns cannot be updated as it is currently in DELETING state');
  clock.advance(PAST_EKS_DELAY_MS);
  assert.equal((await rejection(eks.send(new DescribeAddonCommand({ clusterName: 'del', addonName: 'coredns' })))).message, 'No addon: coredns found in cluster: del');
  assert.deepEqual((await eks.send(new ListAddonsCommand({ clusterName: 'del' }))).addons, ['kube-proxy', 'vpc-cni']);
  const again = (await eks.send(new CreateAddonCommand({ clusterName: 'del', addonName: 'coredns' }))).addon!;
  assert.notEqual(again.addonArn, deleting.addonArn, 'a new add-on of the same name has a new ARN');
});

test('waiters: AddonActive while the clock moves, AddonDeleted once it is gone', async () => {
  const eks = f.eks();
  // Each response moves the clock on, so the waiter (polling every millisecond) sees CREATING, then ACTIVE.
  eks.middlewareStack.add((next) => async (args) => {
    const out = await next(args);
    clock.advance(DEFAULT_EKS_DELAY_SECONDS * 600); // six tenths of a transition
    return out;
  }, { step: 'initialize', name: 'advanceClock' });
  await eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'eks-pod-identity-agent' }));
  const active = await waitUntilAddonActive({ client: eks, maxWaitTime: 10, minDelay: 0.001, maxDelay: 0.001 }, { clusterName: 'demo', addonName: 'eks-pod-identity-agent' });
  assert.equal(active.state, 'SUCCESS');
  await eks.send(new DeleteAddonCommand({ clusterName: 'demo', addonName: 'eks-pod-identity-agent' }));
  const deleted = await waitUntilAddonDeleted({ client: eks, maxWaitTime: 10, minDelay: 0.001, maxDelay: 0.001 }, { clusterName: 'demo', addonName: 'eks-pod-identity-agent' });
  assert.equal(deleted.state, 'SUCCESS');
});

test('AccessDenied names the add-on ARN, the cluster ARN for CreateAddon and ListAddons, * for DescribeAddonVersions', async () => {
  const eks = f.eks(await userWithKey(f.iam(), 'nobody'));
  const arn = await activeAddon(f.eks(), { clusterName: 'demo', addonName: 'vpc-cni' });
  const describe = await rejection(eks.send(new DescribeAddonCommand({ clusterName: 'demo', addonName: 'vpc-cni' })));
  assert.equal(describe.name, 'AccessDeniedException');
  assert.equal(describe.$metadata.httpStatusCode, 403);
  assert.equal(describe.message, deniedMessage('nobody', 'eks:DescribeAddon', arn));
  assert.equal((await rejection(eks.send(new ListAddonsCommand({ clusterName: 'demo' })))).message, deniedMessage('nobody', 'eks:ListAddons', CLUSTER_ARN));
  assert.equal((await rejection(eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'kube-proxy' })))).message, deniedMessage('nobody', 'eks:CreateAddon', CLUSTER_ARN));
  assert.equal((await rejection(eks.send(new UpdateAddonCommand({ clusterName: 'demo', addonName: 'vpc-cni', resolveConflicts: 'NONE' })))).message, deniedMessage('nobody', 'eks:UpdateAddon', arn));
  assert.equal((await rejection(eks.send(new DeleteAddonCommand({ clusterName: 'demo', addonName: 'vpc-cni' })))).message, deniedMessage('nobody', 'eks:DeleteAddon', arn));
  const missing = await rejection(eks.send(new DescribeAddonCommand({ clusterName: 'demo', addonName: 'nothing' })));
  assert.equal(missing.message, deniedMessage('nobody', 'eks:DescribeAddon', `arn:aws:eks:us-west-2:${ACCOUNT}:addon/demo/nothing/*`), 'no existence leak before authorization');
  assert.equal((await rejection(eks.send(new DescribeAddonVersionsCommand({})))).message, deniedMessage('nobody', 'eks:DescribeAddonVersions', '*'));
});

test('serviceAccountRoleArn needs iam:PassRole with iam:PassedToService eks.amazonaws.com, on create and on update', async () => {
  const eksOnly = { Effect: 'Allow', Action: 'eks:*', Resource: '*' };
  const eks = f.eks(await userWithPolicy(f.iam(), 'builder', [eksOnly]));
  const create = { clusterName: 'demo', addonName: 'kube-proxy', serviceAccountRoleArn: addonRole };
  const denied = await rejection(eks.send(new CreateAddonCommand(create)));
  assert.equal(denied.name, 'AccessDeniedException');
  assert.equal(denied.message, deniedMessage('builder', 'iam:PassRole', addonRole));
  const updateDenied = await rejection(eks.send(new UpdateAddonCommand({ clusterName: 'demo', addonName: 'vpc-cni', serviceAccountRoleArn: addonRole })));
  assert.equal(updateDenied.message, deniedMessage('builder', 'iam:PassRole', addonRole));

  const passTo = (service: string) => ({ Effect: 'Allow', Action: 'iam:PassRole', Resource: addonRole, Condition: { StringEquals: { 'iam:PassedToService': service } } });
  await putPolicy(f.iam(), 'builder', [eksOnly, passTo('pods.eks.amazonaws.com')]);
  assert.equal((await rejection(eks.send(new CreateAddonCommand(create)))).message, deniedMessage('builder', 'iam:PassRole', addonRole));
  await putPolicy(f.iam(), 'builder', [eksOnly, passTo('eks.amazonaws.com')]);
  assert.equal((await eks.send(new CreateAddonCommand(create))).addon!.serviceAccountRoleArn, addonRole);
  assert.equal((await eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'eks-pod-identity-agent' }))).addon!.status, 'CREATING', 'no role, no PassRole');
  clock.advance(PAST_EKS_DELAY_MS);
});

test('UpdateAddon sets iam:AssociatedResourceArn to the add-on ARN on its PassRole check; CreateAddon cannot', async () => {
  await activeAddon(f.eks(), { clusterName: 'demo', addonName: 'vpc-cni' });
  const eksOnly = { Effect: 'Allow', Action: 'eks:*', Resource: '*' };
  const eks = f.eks(await userWithPolicy(f.iam(), 'associated', [
    eksOnly,
    { Effect: 'Allow', Action: 'iam:PassRole', Resource: addonRole, Condition: { ArnLike: { 'iam:AssociatedResourceArn': `arn:aws:eks:us-west-2:${ACCOUNT}:addon/demo/*` } } },
  ]));
  assert.equal((await eks.send(new UpdateAddonCommand({ clusterName: 'demo', addonName: 'vpc-cni', serviceAccountRoleArn: addonRole }))).update!.type, 'AddonUpdate');
  clock.advance(PAST_EKS_DELAY_MS);
  const create = await rejection(eks.send(new CreateAddonCommand({ clusterName: 'demo', addonName: 'snapshot', serviceAccountRoleArn: addonRole })));
  assert.equal(create.message, deniedMessage('associated', 'iam:PassRole', addonRole));
});

test('aws:ResourceTag comes from the add-on\'s tags on describe, update and delete; aws:RequestTag / aws:TagKeys from CreateAddon', async () => {
  const eks = f.eks();
  await activeCluster(eks, 'tags');
  await activeAddon(eks, { clusterName: 'tags', addonName: 'coredns', tags: { team: 'a' } });
  await activeAddon(eks, { clusterName: 'tags', addonName: 'kube-proxy', tags: { team: 'b' } });
  const tagged = f.eks(await userWithPolicy(f.iam(), 'tagged', [
    { Effect: 'Allow', Action: ['eks:DescribeAddon', 'eks:UpdateAddon', 'eks:DeleteAddon'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } },
    { Effect: 'Allow', Action: 'eks:CreateAddon', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'a' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } },
  ]));
  assert.equal((await tagged.send(new DescribeAddonCommand({ clusterName: 'tags', addonName: 'coredns' }))).addon!.tags?.team, 'a');
  const other = await rejection(tagged.send(new DescribeAddonCommand({ clusterName: 'tags', addonName: 'kube-proxy' })));
  assert.equal(other.name, 'AccessDeniedException');
  assert.match(other.message, new RegExp(`eks:DescribeAddon on resource: arn:aws:eks:us-west-2:${ACCOUNT}:addon/tags/kube-proxy/`));
  assert.equal((await rejection(tagged.send(new UpdateAddonCommand({ clusterName: 'tags', addonName: 'kube-proxy', resolveConflicts: 'NONE' })))).name, 'AccessDeniedException');
  assert.equal((await rejection(tagged.send(new DeleteAddonCommand({ clusterName: 'tags', addonName: 'kube-proxy' })))).name, 'AccessDeniedException');
  assert.equal((await tagged.send(new UpdateAddonCommand({ clusterName: 'tags', addonName: 'coredns', resolveConflicts: 'NONE' }))).update!.type, 'AddonUpdate');
  assert.equal((await tagged.send(new DeleteAddonCommand({ clusterName: 'tags', addonName: 'coredns' }))).addon!.status, 'DELETING');

  assert.deepEqual((await tagged.send(new CreateAddonCommand({ clusterName: 'tags', addonName: 'vpc-cni', tags: { team: 'a' } }))).addon!.tags, { team: 'a' });
  assert.equal((await rejection(tagged.send(new CreateAddonCommand({ clusterName: 'tags', addonName: 'aws-ebs-csi-driver', tags: { team: 'b' } })))).name, 'AccessDeniedException');
  assert.equal((await rejection(tagged.send(new CreateAddonCommand({ clusterName: 'tags', addonName: 'aws-ebs-csi-driver', tags: { team: 'a', cost: 'x' } })))).name, 'AccessDeniedException');
  assert.equal((await rejection(tagged.send(new CreateAddonCommand({ clusterName: 'tags', addonName: 'aws-ebs-csi-driver' })))).name, 'AccessDeniedException');
});
