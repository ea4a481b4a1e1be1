// Access entries and access policies end to end with @aws-sdk/client-eks (issue #4, docs/aws-behaviour/eks-access-entries.md):
// shapes, defaults, validation texts, pagination, and authorization with the access-entry condition keys.
// Each test has a server of its own, with the clusters, roles and users below.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  AssociateAccessPolicyCommand, CreateAccessEntryCommand, CreateClusterCommand, DeleteAccessEntryCommand, DescribeAccessEntryCommand,
  DisassociateAccessPolicyCommand, ListAccessEntriesCommand, ListAccessPoliciesCommand, ListAssociatedAccessPoliciesCommand,
  UpdateAccessEntryCommand, type EKSClient,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { ManualClock } from '../../src/kernel/clock.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT, PAST_EKS_DELAY_MS } from '../support/defaults.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { deniedMessage, userWithKey } from '../iam/identity-assertions.ts';
import { createServiceRole, trustFor, userWithPolicy, VPC } from './eks-helpers.ts';

const POLICY = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`;
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const DEV_ROLE = `arn:aws:iam::${ACCOUNT}:role/team/dev-role`;
let f: TollgateFixture;
let clock: ManualClock;
let nodeRole: string;

async function activeCluster(eks: EKSClient, name: string, authenticationMode: 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP'): Promise<void> {
  await eks.send(new CreateClusterCommand({ name, roleArn: `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role`, resourcesVpcConfig: VPC, accessConfig: { authenticationMode } }));
  clock.advance(PAST_EKS_DELAY_MS);
}

/** Gives `principalArn` an access entry on cluster `api` (of `type`, STANDARD when not given). */
async function entryOnApi(principalArn: string, type?: string): Promise<void> {
  await f.eks().send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn, type }));
}

beforeEach(async () => {
  clock = new ManualClock(Date.now());
  f = await startFixture({ clock });
  const iam = f.iam();
  await createServiceRole(iam, 'eks-cluster-role', 'eks.amazonaws.com');
  nodeRole = await createServiceRole(iam, 'node-role', 'ec2.amazonaws.com');
  await iam.send(new CreateRoleCommand({ RoleName: 'dev-role', Path: '/team/', AssumeRolePolicyDocument: trustFor('ec2.amazonaws.com') }));
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  for (const n of [1, 2, 3, 4, 5]) await iam.send(new CreateUserCommand({ UserName: `u${n}` }));
  await activeCluster(f.eks(), 'api', 'API');
  await activeCluster(f.eks(), 'cm', 'CONFIG_MAP');
});
afterEach(() => f.close());

test('the cluster creator gets a STANDARD entry with AmazonEKSClusterAdminPolicy at cluster scope', async () => {
  const eks = f.eks();
  const root = `arn:aws:iam::${ACCOUNT}:root`;
  assert.deepEqual((await eks.send(new ListAccessEntriesCommand({ clusterName: 'api' }))).accessEntries, [root]);
  const listed = await eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: 'api', principalArn: root }));
  assert.equal(listed.clusterName, 'api');
  assert.equal(listed.principalArn, root);
  assert.equal(listed.associatedAccessPolicies?.length, 1);
  assert.equal(listed.associatedAccessPolicies![0]!.policyArn, POLICY('AmazonEKSClusterAdminPolicy'));
  assert.deepEqual(listed.associatedAccessPolicies![0]!.accessScope, { type: 'cluster', namespaces: [] });
});

test('CreateAccessEntry answers AWS\'s shape with the default username of users, roles and node entries', async () => {
  const eks = f.eks();
  const user = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: ALICE, tags: { team: 'a' } }))).accessEntry!;
  assert.equal(user.clusterName, 'api');
  assert.equal(user.principalArn, ALICE);
  assert.match(user.accessEntryArn ?? '', new RegExp(`^arn:aws:eks:us-west-2:${ACCOUNT}:access-entry/api/user/${ACCOUNT}/alice/[0-9a-f-]{36}$`));
  assert.equal(user.username, ALICE);
  assert.equal(user.type, 'STANDARD');
  assert.deepEqual(user.kubernetesGroups, []);
  assert.deepEqual(user.tags, { team: 'a' });
  assert.ok(user.createdAt instanceof Date && user.modifiedAt instanceof Date);

  const role = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: DEV_ROLE, kubernetesGroups: ['devs'] }))).accessEntry!;
  assert.equal(role.username, `arn:aws:sts::${ACCOUNT}:assumed-role/dev-role/{{SessionName}}`);
  assert.deepEqual(role.kubernetesGroups, ['devs']);
  assert.match(role.accessEntryArn ?? '', new RegExp(`access-entry/api/role/${ACCOUNT}/dev-role/`));

  const node = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: nodeRole, type: 'EC2_LINUX' }))).accessEntry!;
  assert.equal(node.username, 'system:node:{{EC2PrivateDNSName}}');
  assert.deepEqual(node.kubernetesGroups, ['system:nodes']);

  const described = (await eks.send(new DescribeAccessEntryCommand({ clusterName: 'api', principalArn: ALICE }))).accessEntry!;
  assert.deepEqual(described, user);
});

test('CreateAccessEntry: duplicate 409, retry with the same token, and the validation errors with AWS\'s texts', async () => {
  const eks = f.eks();
  const first = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:user/u1`, clientRequestToken: 't-1' }))).accessEntry!;
  const retry = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:user/u1`, clientRequestToken: 't-1' }))).accessEntry!;
  assert.equal(retry.accessEntryArn, first.accessEntryArn);
  const dup = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:user/u1` })));
  assert.equal(dup.name, 'ResourceInUseException');
  assert.equal(dup.$metadata.httpStatusCode, 409);
  assert.equal(dup.message, 'The specified access entry resource is already in use on this cluster.');

  const mode = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'cm', principalArn: ALICE })));
  assert.equal(mode.name, 'InvalidRequestException');
  assert.equal(mode.$metadata.httpStatusCode, 400);
  assert.equal(mode.message, "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.");
  const describeMode = await rejection(eks.send(new DescribeAccessEntryCommand({ clusterName: 'cm', principalArn: ALICE })));
  assert.equal(describeMode.name, 'InvalidRequestException');

  const noCluster = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'nope', principalArn: ALICE })));
  assert.equal(noCluster.name, 'ResourceNotFoundException');
  assert.equal(noCluster.message, 'No cluster found for name: nope.');

  const invalid = 'The specified principalArn is invalid: invalid principal.';
  for (const principalArn of [`arn:aws:iam::${ACCOUNT}:user/ghost`, `arn:aws:sts::${ACCOUNT}:assumed-role/dev-role/s1`, `arn:aws:iam::${ACCOUNT}:role/dev-role`, 'not-an-arn']) {
    const error = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn })));
    assert.equal(error.name, 'InvalidParameterException', principalArn);
    assert.equal(error.message, invalid, principalArn);
  }
  const userAsNode = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:user/u2`, type: 'EC2_LINUX' })));
  assert.equal(userAsNode.message, invalid);
  const slr = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS` })));
  assert.equal(slr.name, 'InvalidParameterException');
  assert.equal(slr.message, 'The caller is not allowed to modify access entries with a principalArn value of a Service Linked Role');
  const group = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:user/u2`, kubernetesGroups: ['system:bootstrappers'] })));
  assert.equal(group.name, 'InvalidParameterException');
  assert.equal(group.message, 'The kubernetes group name system:bootstrappers is invalid, it cannot start with system:');
  const username = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:user/u2`, username: 'eks:admin' })));
  assert.equal(username.name, 'InvalidParameterException');
  const session = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:user/u2`, username: 'dev-{{SessionName}}' })));
  assert.equal(session.name, 'InvalidParameterException');
  const type = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:user/u2`, type: 'ROBOT' })));
  assert.equal(type.name, 'InvalidParameterException');
  const ok = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: `arn:aws:iam::${ACCOUNT}:user/u2`, username: 'dev:{{SessionName}}' }))).accessEntry!;
  assert.equal(ok.username, 'dev:{{SessionName}}');
});

test('UpdateAccessEntry replaces groups and username; DeleteAccessEntry removes the entry; unknown principals 404', async () => {
  const eks = f.eks();
  const principalArn = `arn:aws:iam::${ACCOUNT}:user/u3`;
  await entryOnApi(nodeRole, 'EC2_LINUX');
  const created = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn, kubernetesGroups: ['a', 'b'] }))).accessEntry!;
  clock.advance(5000);
  const updated = (await eks.send(new UpdateAccessEntryCommand({ clusterName: 'api', principalArn, kubernetesGroups: ['c'], username: 'u3-admin' }))).accessEntry!;
  assert.deepEqual(updated.kubernetesGroups, ['c']);
  assert.equal(updated.username, 'u3-admin');
  assert.equal(updated.createdAt?.getTime(), created.createdAt?.getTime());
  assert.ok(updated.modifiedAt!.getTime() > created.modifiedAt!.getTime());
  const keepsGroups = (await eks.send(new UpdateAccessEntryCommand({ clusterName: 'api', principalArn, username: 'u3' }))).accessEntry!;
  assert.deepEqual(keepsGroups.kubernetesGroups, ['c']);
  const nodeGroups = await rejection(eks.send(new UpdateAccessEntryCommand({ clusterName: 'api', principalArn: nodeRole, kubernetesGroups: ['x'] })));
  assert.equal(nodeGroups.name, 'InvalidParameterException');

  const deleted = await eks.send(new DeleteAccessEntryCommand({ clusterName: 'api', principalArn }));
  assert.deepEqual(Object.keys(deleted), ['$metadata']);
  const notFound = "The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'.";
  for (const call of [
    () => eks.send(new DescribeAccessEntryCommand({ clusterName: 'api', principalArn })),
    () => eks.send(new UpdateAccessEntryCommand({ clusterName: 'api', principalArn, username: 'x' })),
    () => eks.send(new DeleteAccessEntryCommand({ clusterName: 'api', principalArn })),
    () => eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: 'api', principalArn })),
  ]) {
    const error = await rejection(call());
    assert.equal(error.name, 'ResourceNotFoundException');
    assert.equal(error.$metadata.httpStatusCode, 404);
    assert.equal(error.message, notFound);
  }
});

test('ListAccessEntries pages in principal order and filters by associated policy', async () => {
  const eks = f.eks();
  await activeCluster(eks, 'pages', 'API_AND_CONFIG_MAP');
  for (const n of [1, 2, 3, 4, 5]) await eks.send(new CreateAccessEntryCommand({ clusterName: 'pages', principalArn: `arn:aws:iam::${ACCOUNT}:user/u${n}` }));
  const seen: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await eks.send(new ListAccessEntriesCommand({ clusterName: 'pages', maxResults: 2, nextToken }));
    seen.push(...page.accessEntries!);
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken);
  assert.equal(pages, 3);
  assert.deepEqual(seen, [`arn:aws:iam::${ACCOUNT}:root`, ...[1, 2, 3, 4, 5].map((n) => `arn:aws:iam::${ACCOUNT}:user/u${n}`)]);
  await eks.send(new AssociateAccessPolicyCommand({ clusterName: 'pages', principalArn: `arn:aws:iam::${ACCOUNT}:user/u4`, policyArn: POLICY('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } }));
  const filtered = await eks.send(new ListAccessEntriesCommand({ clusterName: 'pages', associatedPolicyArn: POLICY('AmazonEKSViewPolicy') }));
  assert.deepEqual(filtered.accessEntries, [`arn:aws:iam::${ACCOUNT}:user/u4`]);
  const bad = await rejection(eks.send(new ListAccessEntriesCommand({ clusterName: 'pages', nextToken: 'garbage' })));
  assert.equal(bad.name, 'InvalidParameterException');
});

test('AssociateAccessPolicy: cluster and namespace scopes, re-association replaces the scope, disassociation, errors', async () => {
  const eks = f.eks();
  const principalArn = `arn:aws:iam::${ACCOUNT}:user/u5`;
  await eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn }));
  await entryOnApi(nodeRole, 'EC2_LINUX');
  const cluster = await eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn, policyArn: POLICY('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } }));
  assert.equal(cluster.clusterName, 'api');
  assert.equal(cluster.principalArn, principalArn);
  assert.deepEqual(cluster.associatedAccessPolicy?.accessScope, { type: 'cluster', namespaces: [] });
  const associatedAt = cluster.associatedAccessPolicy!.associatedAt!.getTime();
  clock.advance(2000);
  const again = (await eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn, policyArn: POLICY('AmazonEKSViewPolicy'), accessScope: { type: 'namespace', namespaces: ['dev-*', 'prod'] } }))).associatedAccessPolicy!;
  assert.deepEqual(again.accessScope, { type: 'namespace', namespaces: ['dev-*', 'prod'] });
  assert.equal(again.associatedAt!.getTime(), associatedAt);
  assert.equal(again.modifiedAt!.getTime(), associatedAt + 2000);
  await eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn, policyArn: POLICY('AmazonEKSEditPolicy'), accessScope: { type: 'namespace', namespaces: ['dev'] } }));
  const listed = (await eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: 'api', principalArn }))).associatedAccessPolicies!;
  assert.deepEqual(listed.map((p) => p.policyArn), [POLICY('AmazonEKSEditPolicy'), POLICY('AmazonEKSViewPolicy')]);
  const firstPage = await eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: 'api', principalArn, maxResults: 1 }));
  assert.deepEqual(firstPage.associatedAccessPolicies!.map((p) => p.policyArn), [POLICY('AmazonEKSEditPolicy')]);
  const secondPage = await eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: 'api', principalArn, maxResults: 1, nextToken: firstPage.nextToken }));
  assert.deepEqual(secondPage.associatedAccessPolicies!.map((p) => p.policyArn), [POLICY('AmazonEKSViewPolicy')]);
  assert.equal(secondPage.nextToken, undefined);

  await eks.send(new DisassociateAccessPolicyCommand({ clusterName: 'api', principalArn, policyArn: POLICY('AmazonEKSEditPolicy') }));
  const after = (await eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: 'api', principalArn }))).associatedAccessPolicies!;
  assert.deepEqual(after.map((p) => p.policyArn), [POLICY('AmazonEKSViewPolicy')]);
  const notAssociated = await rejection(eks.send(new DisassociateAccessPolicyCommand({ clusterName: 'api', principalArn, policyArn: POLICY('AmazonEKSEditPolicy') })));
  assert.equal(notAssociated.name, 'ResourceNotFoundException');

  const node = await rejection(eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn: nodeRole, policyArn: POLICY('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } })));
  assert.equal(node.name, 'InvalidRequestException');
  assert.equal(node.message, 'This operation can only be performed on Access Entries with a type of "STANDARD".');
  const unknown = await rejection(eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn, policyArn: POLICY('AmazonEKSMadeUpPolicy'), accessScope: { type: 'cluster' } })));
  assert.equal(unknown.name, 'ResourceNotFoundException');
  const noNamespaces = await rejection(eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn, policyArn: POLICY('AmazonEKSEditPolicy'), accessScope: { type: 'namespace' } })));
  assert.equal(noNamespaces.name, 'InvalidParameterException');
  const badType = await rejection(eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn, policyArn: POLICY('AmazonEKSEditPolicy'), accessScope: { type: 'galaxy' as 'cluster' } })));
  assert.equal(badType.$metadata.httpStatusCode, 400);
});

test('ListAccessPolicies answers AWS\'s access policies by name, in pages', async () => {
  const eks = f.eks();
  const all = (await eks.send(new ListAccessPoliciesCommand({}))).accessPolicies!;
  assert.equal(all.length, 23);
  assert.deepEqual(all.find((p) => p.name === 'AmazonEKSClusterAdminPolicy'), { name: 'AmazonEKSClusterAdminPolicy', arn: POLICY('AmazonEKSClusterAdminPolicy') });
  for (const name of ['AmazonEKSAdminPolicy', 'AmazonEKSAdminViewPolicy', 'AmazonEKSEditPolicy', 'AmazonEKSViewPolicy', 'AmazonEMRJobPolicy']) assert.ok(all.some((p) => p.name === name), name);
  const first = await eks.send(new ListAccessPoliciesCommand({ maxResults: 20 }));
  assert.equal(first.accessPolicies!.length, 20);
  const rest = await eks.send(new ListAccessPoliciesCommand({ maxResults: 20, nextToken: first.nextToken }));
  assert.deepEqual([...first.accessPolicies!, ...rest.accessPolicies!], all);
});

test('AccessDenied names the entry ARN, the cluster ARN for Create and List, and `*` for ListAccessPolicies', async () => {
  const eks = f.eks(await userWithKey(f.iam(), 'nobody'));
  await entryOnApi(ALICE);
  const arn = (await f.eks().send(new DescribeAccessEntryCommand({ clusterName: 'api', principalArn: ALICE }))).accessEntry!.accessEntryArn!;
  for (const [call, action, resource] of [
    [() => eks.send(new DescribeAccessEntryCommand({ clusterName: 'api', principalArn: ALICE })), 'eks:DescribeAccessEntry', arn],
    [() => eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn: ALICE, policyArn: POLICY('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } })), 'eks:AssociateAccessPolicy', arn],
    [() => eks.send(new CreateAccessEntryCommand({ clusterName: 'api', principalArn: ALICE })), 'eks:CreateAccessEntry', `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/api`],
    [() => eks.send(new ListAccessEntriesCommand({ clusterName: 'api' })), 'eks:ListAccessEntries', `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/api`],
    [() => eks.send(new ListAccessPoliciesCommand({})), 'eks:ListAccessPolicies', '*'],
  ] as const) {
    const error = await rejection(call());
    assert.equal(error.name, 'AccessDeniedException');
    assert.equal(error.$metadata.httpStatusCode, 403);
    assert.equal(error.message, deniedMessage('nobody', action, resource));
  }
});

test('eks:policyArn, eks:accessScope and eks:namespaces allow one association and refuse another', async () => {
  const scoped = await userWithPolicy(f.iam(), 'scoped', [{
    Effect: 'Allow',
    Action: ['eks:AssociateAccessPolicy', 'eks:DisassociateAccessPolicy'],
    Resource: `arn:aws:eks:us-west-2:${ACCOUNT}:access-entry/api/*`,
    Condition: {
      StringEquals: { 'eks:policyArn': POLICY('AmazonEKSViewPolicy'), 'eks:accessScope': 'namespace' },
      'ForAllValues:StringLike': { 'eks:namespaces': ['dev-*'] },
    },
  }]);
  const eks = f.eks(scoped);
  await entryOnApi(DEV_ROLE);
  const ok = await eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn: DEV_ROLE, policyArn: POLICY('AmazonEKSViewPolicy'), accessScope: { type: 'namespace', namespaces: ['dev-a', 'dev-b'] } }));
  assert.deepEqual(ok.associatedAccessPolicy?.accessScope, { type: 'namespace', namespaces: ['dev-a', 'dev-b'] });
  const arn = (await f.eks().send(new DescribeAccessEntryCommand({ clusterName: 'api', principalArn: DEV_ROLE }))).accessEntry!.accessEntryArn!;
  const denied = `User: arn:aws:iam::${ACCOUNT}:user/scoped is not authorized to perform: eks:AssociateAccessPolicy on resource: ${arn} because no identity-based policy allows the eks:AssociateAccessPolicy action`;
  const admin = await rejection(eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn: DEV_ROLE, policyArn: POLICY('AmazonEKSClusterAdminPolicy'), accessScope: { type: 'cluster' } })));
  assert.equal(admin.name, 'AccessDeniedException');
  assert.equal(admin.message, denied);
  const wider = await rejection(eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn: DEV_ROLE, policyArn: POLICY('AmazonEKSViewPolicy'), accessScope: { type: 'namespace', namespaces: ['dev-a', 'prod'] } })));
  assert.equal(wider.message, denied);
  const clusterScope = await rejection(eks.send(new AssociateAccessPolicyCommand({ clusterName: 'api', principalArn: DEV_ROLE, policyArn: POLICY('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } })));
  assert.equal(clusterScope.name, 'AccessDeniedException');
  // Disassociation is decided on the stored association's scope.
  await eks.send(new DisassociateAccessPolicyCommand({ clusterName: 'api', principalArn: DEV_ROLE, policyArn: POLICY('AmazonEKSViewPolicy') }));
});

test('eks:principalArn, eks:accessEntryType, eks:kubernetesGroups and eks:username decide CreateAccessEntry; EC2_LINUX needs iam:PassRole', async () => {
  const creator = await userWithPolicy(f.iam(), 'creator', [{
    Effect: 'Allow',
    Action: 'eks:CreateAccessEntry',
    Resource: `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/pages`,
    Condition: {
      ArnLike: { 'eks:principalArn': `arn:aws:iam::${ACCOUNT}:*` },
      StringEquals: { 'eks:accessEntryType': ['STANDARD', 'EC2_LINUX'] },
      'ForAllValues:StringEquals': { 'eks:kubernetesGroups': ['viewers'] },
      StringNotLikeIfExists: { 'eks:username': 'admin*' },
    },
  }]);
  await activeCluster(f.eks(), 'pages', 'API_AND_CONFIG_MAP');
  const eks = f.eks(creator);
  const cluster = `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/pages`;
  const denied = (action: string, resource: string) => `User: arn:aws:iam::${ACCOUNT}:user/creator is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
  const entry = (await eks.send(new CreateAccessEntryCommand({ clusterName: 'pages', principalArn: ALICE, type: 'STANDARD', kubernetesGroups: ['viewers'], username: 'alice' }))).accessEntry!;
  assert.equal(entry.username, 'alice');
  const groups = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'pages', principalArn: DEV_ROLE, type: 'STANDARD', kubernetesGroups: ['admins'] })));
  assert.equal(groups.message, denied('eks:CreateAccessEntry', cluster));
  const username = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'pages', principalArn: DEV_ROLE, type: 'STANDARD', username: 'admin-dev' })));
  assert.equal(username.message, denied('eks:CreateAccessEntry', cluster));
  const noType = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'pages', principalArn: DEV_ROLE })));
  assert.equal(noType.name, 'AccessDeniedException', 'an absent type sets no eks:accessEntryType, so StringEquals fails');
  const passRole = await rejection(eks.send(new CreateAccessEntryCommand({ clusterName: 'pages', principalArn: nodeRole, type: 'EC2_LINUX' })));
  assert.equal(passRole.message, denied('iam:PassRole', nodeRole));
});
