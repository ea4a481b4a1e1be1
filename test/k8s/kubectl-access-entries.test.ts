// Access entries with the real kubectl (issue #15): an IAM user without an entry is Unauthorized; an
// entry with AmazonEKSViewPolicy scoped to `dev` reads `dev` only, with Kubernetes's exact Forbidden
// elsewhere; deleting the entry locks the user out at once. Role sessions map by the role behind them
// (path included), usernames follow the entry's template; a role of another account gets in by an
// entry naming it; kubernetesGroups plus a RoleBinding grant exactly what the Role says.
import { test, before, after } from 'node:test';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { DeleteAccessEntryCommand } from '@aws-sdk/client-eks';
import { CreateRoleCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { createAccount } from '../../src/services/iam/create-account.ts';
import { kubectlSkipReason, type Kubectl } from '../support/kubectl.ts';
import type { Credentials } from '../support/tollgate-fixture.ts';
import { ACCOUNT, REGION, startK8sWorld, type K8sWorld } from './k8s-world.ts';

const PARTNER = '444455556666';
const UNAUTHORIZED = 'error: You must be logged in to the server (Unauthorized)';
const skip = kubectlSkipReason();
let w: K8sWorld;
let admin: Kubectl;
before(async () => {
  if (skip) return;
  w = await startK8sWorld();
  await w.cluster('team', 'API');
  admin = await w.kubectl('team', w.admin);
  for (const ns of ['dev', 'prod']) assert.equal((await admin.run(['create', 'namespace', ns])).status, 0);
  // The admin has used kubectl here before: its discovery cache (shared, as ~/.kube/cache is) is warm.
  assert.equal((await admin.run(['get', 'namespaces'])).status, 0);
});
after(() => w?.close());

const trustAccount = (account: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] });

async function assume(caller: Credentials, roleArn: string, session: string): Promise<Credentials> {
  const out = await w.f.sts(caller).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: session }));
  return { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
}

test('no access entry: Unauthorized; AmazonEKSViewPolicy on dev: dev readable, prod Forbidden, no create; entry deleted: Unauthorized', { skip }, async () => {
  const bob = await w.user('bob');
  const kubectl = await w.kubectl('team', bob);
  const before = await kubectl.run(['get', 'pods', '-n', 'dev']);
  assert.equal(before.stderr, UNAUTHORIZED);
  assert.equal(before.status, 1);
  assert.equal((await kubectl.run(['auth', 'whoami'])).stderr, UNAUTHORIZED);
  // With a cold discovery cache, kubectl 1.32 reports the 401 of its discovery request in client-go's words.
  const cold = await kubectl.run(['get', 'pods', '-n', 'dev'], undefined, { KUBECACHEDIR: join(kubectl.dir, 'cold-cache') });
  assert.equal(cold.stderr.split('\n').pop(), 'error: You must be logged in to the server (the server has asked for the client to provide credentials)');

  const arn = `arn:aws:iam::${ACCOUNT}:user/bob`;
  await w.accessEntry('team', arn, { policies: [{ name: 'AmazonEKSViewPolicy', scope: { type: 'namespace', namespaces: ['dev'] } }] });
  const dev = await kubectl.run(['get', 'pods', '-n', 'dev']);
  assert.equal(dev.status, 0, dev.stderr);
  assert.equal(dev.stderr, 'No resources found in dev namespace.');
  const prod = await kubectl.run(['get', 'pods', '-n', 'prod']);
  assert.equal(prod.stderr, `Error from server (Forbidden): pods is forbidden: User "${arn}" cannot list resource "pods" in API group "" in the namespace "prod"`);
  const create = await kubectl.run(['auth', 'can-i', 'create', 'deployments', '-n', 'dev']);
  assert.equal(create.stdout.trim(), 'no');
  assert.equal(create.status, 1);
  assert.equal((await kubectl.run(['auth', 'can-i', 'list', 'deployments', '-n', 'dev'])).stdout.trim(), 'yes');
  const secrets = await kubectl.run(['get', 'secrets', '-n', 'dev']);
  assert.equal(secrets.stderr, `Error from server (Forbidden): secrets is forbidden: User "${arn}" cannot list resource "secrets" in API group "" in the namespace "dev"`);
  const namespaces = await kubectl.run(['get', 'namespaces']);
  assert.equal(namespaces.stderr, `Error from server (Forbidden): namespaces is forbidden: User "${arn}" cannot list resource "namespaces" in API group "" at the cluster scope`);

  await w.f.eks(w.admin, REGION).send(new DeleteAccessEntryCommand({ clusterName: 'team', principalArn: arn }));
  const after = await kubectl.run(['get', 'pods', '-n', 'dev']);
  assert.equal(after.stderr, UNAUTHORIZED);
});

test('an assumed role maps by the role (path included); usernames render {{SessionName}} and {{AccountID}}', { skip }, async () => {
  const carol = await w.user('carol');
  await w.iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'assume', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }) }));
  for (const name of ['developer', 'operator']) {
    await w.iam.send(new CreateRoleCommand({ RoleName: name, Path: '/teams/platform/', AssumeRolePolicyDocument: trustAccount(ACCOUNT) }));
  }
  await w.accessEntry('team', `arn:aws:iam::${ACCOUNT}:role/teams/platform/developer`, { policies: [{ name: 'AmazonEKSViewPolicy', scope: { type: 'cluster' } }] });
  await w.accessEntry('team', `arn:aws:iam::${ACCOUNT}:role/teams/platform/operator`, { username: 'ops:{{SessionName}}:{{AccountID}}' });

  const developer = await w.kubectl('team', await assume(carol, `arn:aws:iam::${ACCOUNT}:role/teams/platform/developer`, 'carol-session'));
  const whoami = await developer.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username} {.status.userInfo.extra.canonicalArn} {.status.userInfo.extra.sessionName}']);
  assert.equal(whoami.stdout, `arn:aws:sts::${ACCOUNT}:assumed-role/developer/carol-session ["arn:aws:iam::${ACCOUNT}:role/developer"] ["carol-session"]`, whoami.stderr);
  assert.equal((await developer.run(['get', 'pods', '-A'])).status, 0);

  const operator = await w.kubectl('team', await assume(carol, `arn:aws:iam::${ACCOUNT}:role/teams/platform/operator`, 'carol@example.com'));
  const rendered = await operator.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}']);
  assert.equal(rendered.stdout, `ops:carol-example.com:${ACCOUNT}`, rendered.stderr);
  const denied = await operator.run(['get', 'pods', '-n', 'dev']);
  assert.equal(denied.stderr, `Error from server (Forbidden): pods is forbidden: User "ops:carol-example.com:${ACCOUNT}" cannot list resource "pods" in API group "" in the namespace "dev"`);
});

test('a role of another account gets in through an access entry naming it', { skip }, async () => {
  const partner = await createAccount(w.f.tollgate.runtime, PARTNER);
  const partnerIam = w.f.iam({ accessKeyId: partner.AccessKeyId, secretAccessKey: partner.SecretAccessKey });
  await partnerIam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: trustAccount(PARTNER) }));
  const ci = await w.user('ci', partnerIam);
  await partnerIam.send(new PutUserPolicyCommand({ UserName: 'ci', PolicyName: 'assume', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${PARTNER}:role/deployer` }] }) }));
  const session = await assume(ci, `arn:aws:iam::${PARTNER}:role/deployer`, 'ci');
  const kubectl = await w.kubectl('team', session);
  assert.equal((await kubectl.run(['get', 'pods', '-n', 'dev'])).stderr, UNAUTHORIZED);

  await w.accessEntry('team', `arn:aws:iam::${PARTNER}:role/deployer`, { policies: [{ name: 'AmazonEKSEditPolicy', scope: { type: 'namespace', namespaces: ['d*'] } }] });
  const whoami = await kubectl.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username} {.status.userInfo.uid}']);
  assert.match(whoami.stdout, new RegExp(`^arn:aws:sts::${PARTNER}:assumed-role/deployer/ci aws-iam-authenticator:${PARTNER}:AROA[A-Z0-9]{17}$`), whoami.stderr);
  const created = await kubectl.run(['create', 'configmap', 'from-partner', '-n', 'dev', '--from-literal=k=v']);
  assert.equal(created.status, 0, created.stderr);
  const prod = await kubectl.run(['create', 'configmap', 'from-partner', '-n', 'prod', '--from-literal=k=v']);
  assert.equal(prod.stderr, `error: failed to create configmap: configmaps is forbidden: User "arn:aws:sts::${PARTNER}:assumed-role/deployer/ci" cannot create resource "configmaps" in API group "" in the namespace "prod"`);
});

test('kubernetesGroups and a RoleBinding grant exactly what the Role says', { skip }, async () => {
  const dave = await w.user('dave');
  await w.accessEntry('team', `arn:aws:iam::${ACCOUNT}:user/dave`, { groups: ['dev-readers'] });
  const kubectl = await w.kubectl('team', dave);
  const groups = await kubectl.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.groups}']);
  assert.equal(groups.stdout, '["dev-readers","system:authenticated"]');
  const forbiddenPods = `Error from server (Forbidden): pods is forbidden: User "arn:aws:iam::${ACCOUNT}:user/dave" cannot list resource "pods" in API group "" in the namespace "dev"`;
  assert.equal((await kubectl.run(['get', 'pods', '-n', 'dev'])).stderr, forbiddenPods);

  assert.equal((await admin.run(['create', 'role', 'pod-reader', '-n', 'dev', '--verb=get,list,watch', '--resource=pods'])).status, 0);
  assert.equal((await admin.run(['create', 'rolebinding', 'dev-readers', '-n', 'dev', '--role=pod-reader', '--group=dev-readers'])).status, 0);
  const pods = await kubectl.run(['get', 'pods', '-n', 'dev']);
  assert.equal(pods.status, 0, pods.stderr);
  assert.equal((await kubectl.run(['get', 'pods', '-n', 'prod'])).stderr, forbiddenPods.replace('"dev"', '"prod"'));
  assert.equal((await kubectl.run(['get', 'configmaps', '-n', 'dev'])).stderr,
    `Error from server (Forbidden): configmaps is forbidden: User "arn:aws:iam::${ACCOUNT}:user/dave" cannot list resource "configmaps" in API group "" in the namespace "dev"`);
  assert.equal((await kubectl.run(['auth', 'can-i', 'delete', 'pods', '-n', 'dev'])).stdout.trim(), 'no');
  const rules = await kubectl.run(['auth', 'can-i', '--list', '-n', 'dev']);
  assert.match(rules.stdout, /^pods\s+\[\]\s+\[\]\s+\[get list watch\]$/m, rules.stdout);
  // A subresource the Role does not name is not granted by the binding either.
  assert.equal((await kubectl.run(['auth', 'can-i', 'get', 'pods', '--subresource=log', '-n', 'dev'])).stdout.trim(), 'no');
});

test('RBAC escalation checks: AmazonEKSAdminPolicy may write roles and bindings only within what RBAC already grants the user', { skip }, async () => {
  const eve = await w.user('eve');
  const arn = `arn:aws:iam::${ACCOUNT}:user/eve`;
  await w.accessEntry('team', arn, { policies: [{ name: 'AmazonEKSAdminPolicy', scope: { type: 'namespace', namespaces: ['dev'] } }] });
  const kubectl = await w.kubectl('team', eve);
  const notHeld = `is forbidden: user "${arn}" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:`;
  const role = await kubectl.run(['create', 'role', 'pod-getter', '-n', 'dev', '--verb=get', '--resource=pods']);
  assert.equal(role.stderr, `Error from server (Forbidden): roles.rbac.authorization.k8s.io "pod-getter" ${notHeld}\n{APIGroups:[""], Resources:["pods"], Verbs:["get"]}`);
  const binding = await kubectl.run(['create', 'rolebinding', 'viewers', '-n', 'dev', '--clusterrole=view', '--group=viewers']);
  assert.ok(binding.stderr.startsWith(`error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "viewers" ${notHeld}\n`), binding.stderr);
  assert.ok(binding.stderr.includes('\n{APIGroups:[""], Resources:["configmaps"], Verbs:["get" "list" "watch"]}'), binding.stderr);

  // Once RBAC itself grants `view` in dev, writing what view covers is no escalation.
  assert.equal((await admin.run(['create', 'rolebinding', 'eve-view', '-n', 'dev', '--clusterrole=view', `--user=${arn}`])).status, 0);
  assert.equal((await kubectl.run(['create', 'role', 'pod-getter', '-n', 'dev', '--verb=get', '--resource=pods'])).status, 0);
  assert.equal((await kubectl.run(['create', 'rolebinding', 'viewers', '-n', 'dev', '--clusterrole=view', '--group=viewers'])).status, 0);
  // Still not `edit`: it grants more than view.
  const edit = await kubectl.run(['create', 'rolebinding', 'editors', '-n', 'dev', '--clusterrole=edit', '--group=editors']);
  assert.ok(edit.stderr.includes(notHeld), edit.stderr);
});
