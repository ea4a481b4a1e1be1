// Clusters end to end with @aws-sdk/client-eks (issue #4): shapes, lifecycle on a ManualClock, errors.
// Each test has a server of its own.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import {
  CreateClusterCommand, DeleteClusterCommand, DescribeClusterCommand, ListClustersCommand,
} from '@aws-sdk/client-eks';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { ManualClock } from '../../src/kernel/clock.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT, DEFAULT_KUBERNETES_VERSION, kubernetesVersion, PAST_EKS_DELAY_MS } from '../support/defaults.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { createServiceRole, VPC } from './eks-helpers.ts';

let f: TollgateFixture;
let clock: ManualClock;
let roleArn: string;
beforeEach(async () => {
  clock = new ManualClock(Date.now());
  f = await startFixture({ clock });
  roleArn = await createServiceRole(f.iam(), 'eks-cluster-role', 'eks.amazonaws.com');
  await createServiceRole(f.iam(), 'ec2-role', 'ec2.amazonaws.com');
});
afterEach(() => f.close());

test('CreateCluster answers a CREATING cluster shaped as AWS does, ACTIVE after the delay', async () => {
  const eks = f.eks();
  const created = (await eks.send(new CreateClusterCommand({ name: 'demo', roleArn, resourcesVpcConfig: VPC, tags: { team: 'a' } }))).cluster!;
  assert.equal(created.status, 'CREATING');
  assert.equal(created.arn, `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/demo`);
  assert.equal(created.version, DEFAULT_KUBERNETES_VERSION);
  assert.equal(created.platformVersion, kubernetesVersion(DEFAULT_KUBERNETES_VERSION)!.platformVersion);
  assert.equal(created.endpoint, undefined);
  assert.deepEqual(created.certificateAuthority, {});
  assert.deepEqual(created.tags, { team: 'a' });
  assert.equal(created.resourcesVpcConfig?.endpointPublicAccess, true);
  assert.equal(created.resourcesVpcConfig?.endpointPrivateAccess, false);
  assert.deepEqual(created.resourcesVpcConfig?.publicAccessCidrs, ['0.0.0.0/0']);
  assert.match(created.resourcesVpcConfig?.clusterSecurityGroupId ?? '', /^sg-[0-9a-f]{17}$/);
  assert.deepEqual(created.kubernetesNetworkConfig, { serviceIpv4Cidr: '10.100.0.0/16', ipFamily: 'ipv4' });
  assert.deepEqual(created.accessConfig, { authenticationMode: 'CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true });
  assert.match(created.id ?? '', /^[0-9a-f-]{36}$/);
  assert.ok(created.createdAt instanceof Date);

  const during = (await eks.send(new DescribeClusterCommand({ name: 'demo' }))).cluster!;
  assert.equal(during.status, 'CREATING');
  clock.advance(PAST_EKS_DELAY_MS);
  const active = (await eks.send(new DescribeClusterCommand({ name: 'demo' }))).cluster!;
  assert.equal(active.status, 'ACTIVE');
  // The cluster's local Kubernetes endpoint (README, "Kubernetes: kubectl against a cluster"), not AWS's hostname.
  assert.match(active.endpoint ?? '', /^https:\/\/127\.0\.0\.1:\d+$/);
  assert.match(active.identity?.oidc?.issuer ?? '', /^https:\/\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
  const cert = new X509Certificate(Buffer.from(active.certificateAuthority!.data!, 'base64').toString('utf8'));
  assert.equal(cert.subject, 'CN=kubernetes');
  assert.equal(cert.ca, true);
  assert.ok(cert.verify(cert.publicKey), 'self-signed');
  assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
});

test('the service-linked role AWSServiceRoleForAmazonEKS exists after the first CreateCluster', async () => {
  const before = await rejection(f.iam().send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAmazonEKS' })));
  assert.equal(before.name, 'NoSuchEntityException');
  await f.eks().send(new CreateClusterCommand({ name: 'first', roleArn, resourcesVpcConfig: VPC }));
  const role = (await f.iam().send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAmazonEKS' }))).Role!;
  assert.equal(role.Path, '/aws-service-role/eks.amazonaws.com/');
});

test('CreateCluster: duplicate name 409, same clientRequestToken returns the cluster, role checks 400, bad version 400', async () => {
  const eks = f.eks();
  await eks.send(new CreateClusterCommand({ name: 'idem', roleArn, resourcesVpcConfig: VPC, clientRequestToken: 'tok-1' }));
  const again = (await eks.send(new CreateClusterCommand({ name: 'idem', roleArn, resourcesVpcConfig: VPC, clientRequestToken: 'tok-1' }))).cluster!;
  assert.equal(again.name, 'idem');
  const dup = await rejection(eks.send(new CreateClusterCommand({ name: 'idem', roleArn, resourcesVpcConfig: VPC, clientRequestToken: 'tok-2' })));
  assert.equal(dup.name, 'ResourceInUseException');
  assert.equal(dup.$metadata.httpStatusCode, 409);
  assert.equal(dup.message, 'Cluster already exists with name: idem');

  const missing = `arn:aws:iam::${ACCOUNT}:role/nope`;
  const noRole = await rejection(eks.send(new CreateClusterCommand({ name: 'x1', roleArn: missing, resourcesVpcConfig: VPC })));
  assert.equal(noRole.name, 'InvalidParameterException');
  assert.equal(noRole.message, `Role with arn: ${missing}, could not be assumed because it does not exist or the trusted entity is not correct`);
  const wrongTrust = await rejection(eks.send(new CreateClusterCommand({ name: 'x1', roleArn: `arn:aws:iam::${ACCOUNT}:role/ec2-role`, resourcesVpcConfig: VPC })));
  assert.equal(wrongTrust.name, 'InvalidParameterException');
  const badVersion = await rejection(eks.send(new CreateClusterCommand({ name: 'x1', roleArn, version: '1.20', resourcesVpcConfig: VPC })));
  assert.equal(badVersion.message, 'unsupported Kubernetes version 1.20');
});

test('DescribeCluster of an unknown cluster: 404 with the name in the body', async () => {
  const error = await rejection(f.eks().send(new DescribeClusterCommand({ name: 'ghost' })));
  assert.equal(error.name, 'ResourceNotFoundException');
  assert.equal(error.$metadata.httpStatusCode, 404);
  assert.equal(error.message, 'No cluster found for name: ghost.');
  assert.equal((error as unknown as { clusterName: string }).clusterName, 'ghost');
});

test('ListClusters paginates by name and state is per Region', async () => {
  const eks = f.eks();
  for (const name of ['p-c', 'p-a', 'demo', 'p-b', 'idem']) await eks.send(new CreateClusterCommand({ name, roleArn, resourcesVpcConfig: VPC }));
  const all = (await eks.send(new ListClustersCommand({}))).clusters!;
  assert.deepEqual(all, ['demo', 'idem', 'p-a', 'p-b', 'p-c']);
  const first = await eks.send(new ListClustersCommand({ maxResults: 2 }));
  assert.deepEqual(first.clusters, ['demo', 'idem']);
  const second = await eks.send(new ListClustersCommand({ maxResults: 2, nextToken: first.nextToken! }));
  assert.deepEqual(second.clusters, ['p-a', 'p-b']);
  const third = await eks.send(new ListClustersCommand({ maxResults: 2, nextToken: second.nextToken! }));
  assert.deepEqual(third.clusters, ['p-c']);
  assert.equal(third.nextToken, undefined);

  const eu = f.eks(undefined, 'eu-west-1');
  assert.deepEqual((await eu.send(new ListClustersCommand({}))).clusters, []);
  const other = (await eu.send(new CreateClusterCommand({ name: 'demo', roleArn, resourcesVpcConfig: VPC }))).cluster!;
  assert.equal(other.arn, `arn:aws:eks:eu-west-1:${ACCOUNT}:cluster/demo`);
});

test('DeleteCluster: DELETING, then gone', async () => {
  const eks = f.eks();
  for (const name of ['p-b', 'p-c']) await eks.send(new CreateClusterCommand({ name, roleArn, resourcesVpcConfig: VPC }));
  clock.advance(PAST_EKS_DELAY_MS);
  const deleting = (await eks.send(new DeleteClusterCommand({ name: 'p-c' }))).cluster!;
  assert.equal(deleting.status, 'DELETING');
  assert.equal((await eks.send(new DescribeClusterCommand({ name: 'p-c' }))).cluster!.status, 'DELETING');
  clock.advance(PAST_EKS_DELAY_MS);
  const gone = await rejection(eks.send(new DescribeClusterCommand({ name: 'p-c' })));
  assert.equal(gone.name, 'ResourceNotFoundException');
  assert.deepEqual((await eks.send(new ListClustersCommand({}))).clusters, ['p-b']);
});
