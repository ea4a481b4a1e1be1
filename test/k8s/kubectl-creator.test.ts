// The cluster creator with the real kubectl (issue #15): `aws eks update-kubeconfig` writes a
// kubeconfig whose endpoint answers over TLS verified against the cluster's own CA, whose exec plugin
// is `aws eks get-token`; `kubectl auth whoami` shows the IAM ARN and EKS's extras, the creator may
// do anything and creates a namespace. In CONFIG_MAP mode the creator is `system:masters` without
// being in aws-auth. @kubernetes/client-node, loading the same kubeconfig, gets the same whoami and
// Kubernetes's Forbidden.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { join } from 'node:path';
import { ApiException, AuthenticationV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { kubectlSkipReason } from '../support/kubectl.ts';
import { ACCOUNT, REGION, startK8sWorld, type K8sWorld } from './k8s-world.ts';

const skip = kubectlSkipReason();
let w: K8sWorld;
before(async () => {
  if (skip) return;
  w = await startK8sWorld();
  await w.cluster('demo', 'API_AND_CONFIG_MAP');
  await w.cluster('legacy', 'CONFIG_MAP');
});
after(() => w?.close());

test('update-kubeconfig: the endpoint is local, TLS verifies against certificateAuthority.data, the user runs aws eks get-token', { skip }, async () => {
  const cluster = (await w.f.eks(w.admin, REGION).send(new DescribeClusterCommand({ name: 'demo' }))).cluster!;
  const kubectl = await w.kubectl('demo', w.admin, { token: 'exec' });
  const config = kubectl.config();
  assert.equal(config.clusters[0]!.cluster['server'], cluster.endpoint);
  assert.equal(config.clusters[0]!.cluster['certificate-authority-data'], cluster.certificateAuthority!.data);
  assert.equal(config.clusters[0]!.cluster['insecure-skip-tls-verify'], undefined);
  assert.deepEqual(config.users[0]!.user.exec['args'], ['--region', REGION, 'eks', 'get-token', '--cluster-name', 'demo', '--output', 'json']);
  // The endpoint's certificate is issued by that CA, for 127.0.0.1.
  const { port } = new URL(cluster.endpoint!);
  const served = await new Promise<X509Certificate>((resolve, reject) => {
    import('node:tls').then(({ connect }) => {
      const socket = connect({ host: '127.0.0.1', port: Number(port), ca: Buffer.from(cluster.certificateAuthority!.data!, 'base64').toString('utf8'), servername: '' }, () => {
        resolve(new X509Certificate(socket.getPeerX509Certificate()!.raw));
        socket.end();
      });
      socket.once('error', reject);
    }, reject);
  });
  assert.ok(served.checkIP('127.0.0.1'));
  assert.ok(served.verify(new X509Certificate(Buffer.from(cluster.certificateAuthority!.data!, 'base64')).publicKey));

  const whoami = await kubectl.run(['auth', 'whoami', '-o', 'json']);
  assert.equal(whoami.status, 0, whoami.stderr);
  const info = (JSON.parse(whoami.stdout) as { status: { userInfo: { username: string; uid: string; groups: string[]; extra: Record<string, string[]> } } }).status.userInfo;
  const arn = `arn:aws:iam::${ACCOUNT}:user/admin`;
  assert.equal(info.username, arn);
  assert.deepEqual(info.groups, ['system:authenticated']);
  assert.match(info.uid, /^aws-iam-authenticator:111122223333:AIDA[A-Z0-9]{17}$/);
  assert.deepEqual(Object.keys(info.extra), ['accessKeyId', 'arn', 'canonicalArn', 'principalId', 'sessionName', 'sigs.k8s.io/aws-iam-authenticator/principalId']);
  assert.deepEqual(info.extra['arn'], [arn]);
  assert.deepEqual(info.extra['canonicalArn'], [arn]);
  assert.deepEqual(info.extra['accessKeyId'], [w.admin.accessKeyId]);
  assert.deepEqual(info.extra['principalId'], [info.uid.split(':')[2]]);
  assert.deepEqual(info.extra['sessionName'], ['']);
});

test('the creator may do anything and creates namespace dev', { skip }, async () => {
  const kubectl = await w.kubectl('demo', w.admin);
  const all = await kubectl.run(['auth', 'can-i', '*', '*']);
  assert.equal(all.stdout.trim(), 'yes', all.stderr);
  assert.equal(all.status, 0);
  const created = await kubectl.run(['create', 'namespace', 'dev']);
  assert.equal(created.status, 0, created.stderr);
  assert.equal(created.stdout.trim(), 'namespace/dev created');
  const listed = await kubectl.run(['get', 'namespaces', '-o', 'name']);
  assert.deepEqual(listed.stdout.trim().split('\n'), ['namespace/default', 'namespace/dev', 'namespace/kube-node-lease', 'namespace/kube-public', 'namespace/kube-system']);
  const again = await kubectl.run(['create', 'namespace', 'dev']);
  assert.equal(again.stderr, 'Error from server (AlreadyExists): namespaces "dev" already exists');
});

test('CONFIG_MAP: the creator is kubernetes-admin in system:masters, with no aws-auth entry', { skip }, async () => {
  const kubectl = await w.kubectl('legacy', w.admin);
  const whoami = await kubectl.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username} {.status.userInfo.groups}']);
  assert.equal(whoami.stdout, 'kubernetes-admin ["system:masters","system:authenticated"]', whoami.stderr);
  const masters = await kubectl.run(['auth', 'can-i', 'create', 'clusterrolebindings']);
  assert.equal(masters.stdout.trim(), 'yes');
  const awsAuth = await kubectl.run(['get', 'configmap', 'aws-auth', '-n', 'kube-system']);
  assert.equal(awsAuth.stderr, 'Error from server (NotFound): configmaps "aws-auth" not found');
});

test('@kubernetes/client-node: whoami of the creator, and Forbidden for a user who may read dev only', { skip }, async () => {
  const adminConfig = new KubeConfig();
  adminConfig.loadFromFile(join((await w.kubectl('demo', w.admin)).dir, 'config'));
  const review = await adminConfig.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
  assert.equal(review.status?.userInfo?.username, `arn:aws:iam::${ACCOUNT}:user/admin`);
  assert.deepEqual(review.status?.userInfo?.extra?.['arn'], [`arn:aws:iam::${ACCOUNT}:user/admin`]);

  const reader = await w.user('reader');
  await w.accessEntry('demo', `arn:aws:iam::${ACCOUNT}:user/reader`, { policies: [{ name: 'AmazonEKSViewPolicy', scope: { type: 'namespace', namespaces: ['dev'] } }] });
  const readerConfig = new KubeConfig();
  readerConfig.loadFromFile(join((await w.kubectl('demo', reader)).dir, 'config'));
  const core = readerConfig.makeApiClient(CoreV1Api);
  assert.deepEqual((await core.listNamespacedPod({ namespace: 'dev' })).items, []);
  const denied = await core.listNamespacedPod({ namespace: 'prod' }).then(() => undefined, (error: unknown) => error);
  assert.ok(denied instanceof ApiException, String(denied));
  assert.equal(denied.code, 403);
  const status = JSON.parse(String(denied.body)) as { reason: string; message: string; details: { kind: string } };
  assert.equal(status.reason, 'Forbidden');
  assert.equal(status.message, `pods is forbidden: User "arn:aws:iam::${ACCOUNT}:user/reader" cannot list resource "pods" in API group "" in the namespace "prod"`);
  assert.deepEqual(status.details, { kind: 'pods' });
});
