// The console's proxy to clusters' Kubernetes APIs and the audit trail (issue #15): a SigV4-signed
// request to /_tollgate/k8s/{region}/{cluster}/... needs eks:AccessKubernetesApi on the cluster (AWS's
// AccessDeniedException otherwise), then runs as the calling principal, mapped by its access entry
// and authorized by its access policies exactly as a token of that principal is. Every Kubernetes
// request leaves one audit line: IAM principal, Kubernetes user, verb, resource, decision and reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateAccessEntryCommand, AssociateAccessPolicyCommand, CreateClusterCommand, DescribeClusterCommand } from '@aws-sdk/client-eks';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RequestLog } from '../../src/server/request-log.ts';
import { createServiceRole, VPC } from '../eks/eks-helpers.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { NodeSha256 } from '../support/node-sha256.ts';

const ACCOUNT = '111122223333';
const REGION = 'us-west-2';
const lines: Record<string, unknown>[] = [];
const log: RequestLog = { request: () => {}, failure: () => {}, flush: () => {}, info: (message, fields) => void (message === 'kubernetes request' && lines.push(fields ?? {})) };

let f: TollgateFixture;
let viewer: Credentials;
before(async () => {
  f = await startFixture({ eksDelaySeconds: 0.05, log });
  const iam = f.iam();
  const roleArn = await createServiceRole(iam, 'eks-cluster-role', 'eks.amazonaws.com');
  await f.eks().send(new CreateClusterCommand({ name: 'demo', roleArn, resourcesVpcConfig: VPC, accessConfig: { authenticationMode: 'API' } }));
  while ((await f.eks().send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.status !== 'ACTIVE') await new Promise((r) => setTimeout(r, 20));
  await iam.send(new CreateUserCommand({ UserName: 'viewer' }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'viewer' }))).AccessKey!;
  viewer = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
});
after(() => f?.close());


/** GET of a proxied Kubernetes path of cluster demo, signed for eks in us-west-2 as `credentials`. */
function proxied(credentials: Credentials, kubernetesPath: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return proxiedTo(credentials, 'demo', kubernetesPath);
}

async function proxiedTo(credentials: Credentials, cluster: string, kubernetesPath: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(`${f.url}/_tollgate/k8s/${REGION}/${cluster}${kubernetesPath}`);
  const signer = new SignatureV4({ service: 'eks', region: REGION, credentials, sha256: NodeSha256 });
  const signed = await signer.sign({
    method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname,
    query: Object.fromEntries(url.searchParams), headers: { host: url.host, accept: 'application/json' },
  });
  const response = await fetch(url, { headers: signed.headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const allowAccess = (resource: string) => f.iam().send(new PutUserPolicyCommand({
  UserName: 'viewer', PolicyName: 'console', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:AccessKubernetesApi', Resource: resource }] }),
}));

test('eks:AccessKubernetesApi is required, then the access entry decides, as for a token of the same principal', async () => {
  const denied = await proxied(viewer, '/api/v1/namespaces/default/pods');
  assert.equal(denied.status, 403);
  assert.equal(denied.body['message'],
    `User: arn:aws:iam::${ACCOUNT}:user/viewer is not authorized to perform: eks:AccessKubernetesApi on resource: arn:aws:eks:${REGION}:${ACCOUNT}:cluster/demo because no identity-based policy allows the eks:AccessKubernetesApi action`);

  await allowAccess(`arn:aws:eks:${REGION}:${ACCOUNT}:cluster/demo`);
  const unmapped = await proxied(viewer, '/api/v1/namespaces/default/pods');
  assert.equal(unmapped.status, 401);
  assert.deepEqual(unmapped.body, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });

  const eks = f.eks();
  const principalArn = `arn:aws:iam::${ACCOUNT}:user/viewer`;
  await eks.send(new CreateAccessEntryCommand({ clusterName: 'demo', principalArn }));
  await eks.send(new AssociateAccessPolicyCommand({ clusterName: 'demo', principalArn, policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'namespace', namespaces: ['default'] } }));
  const pods = await proxied(viewer, '/api/v1/namespaces/default/pods?limit=10');
  assert.equal(pods.status, 200);
  assert.equal(pods.body['kind'], 'PodList');
  const other = await proxied(viewer, '/api/v1/namespaces/kube-system/pods');
  assert.equal(other.status, 403);
  assert.equal(other.body['message'], `pods is forbidden: User "${principalArn}" cannot list resource "pods" in API group "" in the namespace "kube-system"`);

  const noCluster = await proxiedTo(viewer, 'nope', '/api');
  assert.equal(noCluster.status, 403, 'the IAM check comes first and names the cluster asked for');
});

test('each Kubernetes request leaves an audit line with principal, user, verb, resource, decision and reason', async () => {
  const allowed = lines.find((l) => l['status'] === 200 && l['resource'] === 'pods');
  assert.ok(allowed, JSON.stringify(lines));
  assert.equal(allowed['iamPrincipal'], `arn:aws:iam::${ACCOUNT}:user/viewer`);
  assert.equal(allowed['username'], `arn:aws:iam::${ACCOUNT}:user/viewer`);
  assert.equal(allowed['mappedBy'], 'access entry');
  assert.equal(allowed['verb'], 'list');
  assert.equal(allowed['namespace'], 'default');
  assert.equal(allowed['decision'], 'allow');
  assert.equal(allowed['reason'], `EKS access policy: allowed by AmazonEKSViewPolicy (namespace scope default) of access entry arn:aws:iam::${ACCOUNT}:user/viewer`);
  assert.equal(allowed['cluster'], `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/demo`);
  const refused = lines.find((l) => l['status'] === 403);
  assert.ok(refused);
  assert.equal(refused['decision'], 'deny');
  assert.equal(refused['namespace'], 'kube-system');
  assert.equal(refused['reason'], undefined);
  const unauthenticated = lines.find((l) => l['status'] === 401);
  assert.ok(unauthenticated);
  assert.equal(unauthenticated['reason'], `no access entry for arn:aws:iam::${ACCOUNT}:user/viewer in cluster demo`);
  for (const line of lines) assert.ok(!JSON.stringify(line).includes('k8s-aws-v1.'), 'no token in the audit trail');
});
