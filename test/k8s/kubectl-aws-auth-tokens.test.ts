// aws-auth and tokens with the real kubectl (issue #15). In API_AND_CONFIG_MAP mode the kube-system/aws-auth
// ConfigMap maps a role to system:masters; a `rolearn` written with the role's path maps nothing (the
// authenticator matches the canonical ARN, which has no path) until the path is removed; an access
// entry wins over aws-auth; API mode ignores aws-auth. A token for another cluster, an expired one, a
// tampered one and one whose access key was deleted are all 401 Unauthorized.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateRoleCommand, DeleteAccessKeyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { kubectlSkipReason, type Kubectl } from '../support/kubectl.ts';
import { runAwsCli } from '../support/aws-cli.ts';
import { requireClient } from '../support/interop.ts';
import type { Credentials } from '../support/tollgate-fixture.ts';
import { ACCOUNT, REGION, startK8sWorld, type K8sWorld } from './k8s-world.ts';
import { NodeSha256 } from '../support/node-sha256.ts';

const UNAUTHORIZED = 'error: You must be logged in to the server (Unauthorized)';
const skip = kubectlSkipReason();
let w: K8sWorld;
let admin: Kubectl;
let operator: Credentials;
before(async () => {
  if (skip) return;
  w = await startK8sWorld();
  await Promise.all([w.cluster('mixed', 'API_AND_CONFIG_MAP'), w.cluster('api-only', 'API')]);
  admin = await w.kubectl('mixed', w.admin);
  assert.equal((await admin.run(['get', 'namespaces'])).status, 0);
  operator = await w.user('operator');
  await w.iam.send(new PutUserPolicyCommand({ UserName: 'operator', PolicyName: 'assume', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }) }));
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
  await w.iam.send(new CreateRoleCommand({ RoleName: 'platform-admin', AssumeRolePolicyDocument: trust }));
  await w.iam.send(new CreateRoleCommand({ RoleName: 'ops', Path: '/team/', AssumeRolePolicyDocument: trust }));
});
after(() => w?.close());

async function session(roleArn: string, name: string): Promise<Credentials> {
  const out = await w.f.sts(operator).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: name }));
  return { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
}

function awsAuth(mapRoles: string): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth', namespace: 'kube-system' }, data: { mapRoles } });
}

test('aws-auth maps a role to system:masters; a rolearn with a path is refused until the path goes; an access entry wins', { skip }, async () => {
  const mapRoles = [
    `- rolearn: arn:aws:iam::${ACCOUNT}:role/platform-admin`,
    '  username: platform:{{SessionName}}',
    '  groups: [system:masters]',
    `- rolearn: arn:aws:iam::${ACCOUNT}:role/team/ops`,
    '  username: ops',
    '  groups: [system:masters]',
  ].join('\n');
  const applied = await admin.run(['apply', '-f', '-'], awsAuth(mapRoles));
  assert.equal(applied.stdout.trim(), 'configmap/aws-auth created', applied.stderr);

  const platform = await w.kubectl('mixed', await session(`arn:aws:iam::${ACCOUNT}:role/platform-admin`, 'alice'));
  const whoami = await platform.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username} {.status.userInfo.groups}']);
  assert.equal(whoami.stdout, 'platform:alice ["system:masters","system:authenticated"]', whoami.stderr);
  assert.equal((await platform.run(['auth', 'can-i', '*', '*'])).stdout.trim(), 'yes');

  const ops = await w.kubectl('mixed', await session(`arn:aws:iam::${ACCOUNT}:role/team/ops`, 'bob'));
  assert.equal((await ops.run(['get', 'pods'])).stderr, UNAUTHORIZED);
  const fixed = await admin.run(['apply', '-f', '-'], awsAuth(mapRoles.replace('role/team/ops', 'role/ops')));
  assert.equal(fixed.stdout.trim(), 'configmap/aws-auth configured', fixed.stderr);
  assert.equal((await ops.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'])).stdout, 'ops');

  await w.accessEntry('mixed', `arn:aws:iam::${ACCOUNT}:role/platform-admin`, { username: 'from-entry', groups: ['viewers'] });
  const entry = await platform.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username} {.status.userInfo.groups}']);
  assert.equal(entry.stdout, 'from-entry ["viewers","system:authenticated"]', entry.stderr);
  assert.equal((await platform.run(['auth', 'can-i', '*', '*'])).stdout.trim(), 'no');
});

test('API mode ignores aws-auth', { skip }, async () => {
  const apiAdmin = await w.kubectl('api-only', w.admin);
  const applied = await apiAdmin.run(['apply', '-f', '-'], awsAuth(`- rolearn: arn:aws:iam::${ACCOUNT}:role/platform-admin\n  username: x\n  groups: [system:masters]\n`));
  assert.equal(applied.status, 0, applied.stderr);
  const platform = await w.kubectl('api-only', await session(`arn:aws:iam::${ACCOUNT}:role/platform-admin`, 'alice'));
  assert.equal((await platform.run(['auth', 'whoami'])).stderr, UNAUTHORIZED);
});


/** A token as `aws eks get-token` makes it, but signed at `signedAt`. */
async function tokenSignedAt(credentials: Credentials, cluster: string, signedAt: Date): Promise<string> {
  const { hostname, port } = new URL(w.f.url);
  const signer = new SignatureV4({ service: 'sts', region: 'us-east-1', credentials, sha256: NodeSha256 });
  const presigned = await signer.presign({
    method: 'GET', protocol: 'http:', hostname, port: Number(port), path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    headers: { host: `${hostname}:${port}`, 'x-k8s-aws-id': cluster },
  }, { expiresIn: 60, signingDate: signedAt });
  const query = Object.entries(presigned.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
  return `k8s-aws-v1.${Buffer.from(`http://${hostname}:${port}/?${query}`).toString('base64url')}`;
}

test('tokens for another cluster, expired, tampered, or of a deleted key: 401 Unauthorized', { skip }, async (t) => {
  // The token for another cluster is the AWS CLI's own (`aws eks get-token`).
  if ((await requireClient(t, 'aws-cli')) === undefined) return;
  const erin = await w.user('erin');
  await w.accessEntry('mixed', `arn:aws:iam::${ACCOUNT}:user/erin`, { policies: [{ name: 'AmazonEKSViewPolicy', scope: { type: 'cluster' } }] });
  const kubectl = await w.kubectl('mixed', erin);
  const good = await kubectl.mintToken();
  assert.equal((await kubectl.run(['get', 'pods'])).status, 0);

  const other = await runAwsCli(w.f.url, erin, REGION, 'eks', 'get-token', '--cluster-name', 'api-only', '--region', REGION);
  kubectl.useToken((JSON.parse(other.stdout) as { status: { token: string } }).status.token);
  assert.equal((await kubectl.run(['get', 'pods'])).stderr, UNAUTHORIZED, 'a token for another cluster');

  kubectl.useToken(await tokenSignedAt(erin, 'mixed', new Date(Date.now() - 14 * 60_000)));
  assert.equal((await kubectl.run(['get', 'pods'])).status, 0, 'signed 14 minutes ago: still valid');
  kubectl.useToken(await tokenSignedAt(erin, 'mixed', new Date(Date.now() - 16 * 60_000)));
  assert.equal((await kubectl.run(['get', 'pods'])).stderr, UNAUTHORIZED, 'signed 16 minutes ago: expired');

  const url = Buffer.from(good.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8');
  const tampered = url.replace(/X-Amz-Signature=([0-9a-f])/, (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`);
  kubectl.useToken(`k8s-aws-v1.${Buffer.from(tampered).toString('base64url')}`);
  assert.equal((await kubectl.run(['get', 'pods'])).stderr, UNAUTHORIZED, 'a tampered signature');
  kubectl.useToken(`k8s-aws-v1.${Buffer.from(url.replace('Action=GetCallerIdentity', 'Action=GetSessionToken')).toString('base64url')}`);
  assert.equal((await kubectl.run(['get', 'pods'])).stderr, UNAUTHORIZED, 'another action');

  kubectl.useToken(good);
  assert.equal((await kubectl.run(['get', 'pods'])).status, 0);
  await w.iam.send(new DeleteAccessKeyCommand({ UserName: 'erin', AccessKeyId: erin.accessKeyId }));
  assert.equal((await kubectl.run(['get', 'pods'])).stderr, UNAUTHORIZED, 'the same token once its key is deleted');
});
