// Issue 14 item 3: `tollgate why REQUEST_ID` for every kind of denial Tollgate decides (identity,
// explicit deny, boundary, session policy, trust, cross-account; SCPs in why-scp.test.ts): the explanation names the policy
// kinds that blocked it and the deciding statements, the fix is verified by deciding the recorded
// request again, its printed AWS CLI command is run as printed by the real AWS CLI, and the request
// made again is allowed; `why` then says it would be allowed now. Also `GET /_tollgate/why/ID`, signed
// for `cloudtrail` and authorized as cloudtrail:LookupEvents, as the console calls it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@smithy/core/checksum';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, ListUsersCommand, PutUserPermissionsBoundaryCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { whyCommand } from '../../src/cli/why-command.ts';
import { createAccount } from '../../src/services/iam/create-account.ts';
import type { WhyExplanation } from '../../src/trail/why.ts';
import { runPrintedCommand } from '../support/aws-cli.ts';
import { requireClient } from '../support/interop.ts';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { eventsOf } from './trail-support.ts';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
let f: TollgateFixture;
let otherRoot: Credentials;

before(async () => {
  f = await startFixture();
  const account = await createAccount(f.tollgate.runtime, OTHER);
  otherRoot = { accessKeyId: account.AccessKeyId, secretAccessKey: account.SecretAccessKey };
});
after(async () => {
  await f.close();
});

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

async function user(name: string, inline?: string): Promise<Credentials> {
  await f.iam().send(new CreateUserCommand({ UserName: name }));
  if (inline) await f.iam().send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'own', PolicyDocument: inline }));
  const { AccessKey } = await f.iam().send(new CreateAccessKeyCommand({ UserName: name }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

/** `tollgate why --json ID --data-dir` against the running server's data directory. */
async function why(requestId: string | undefined): Promise<WhyExplanation> {
  await eventsOf(f, requestId);
  let out = '';
  let err = '';
  const code = await whyCommand({ requestId: requestId!, dataDir: f.dataDir, json: true }, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  assert.equal(code, 0, err);
  return JSON.parse(out) as WhyExplanation;
}

/** Runs each printed command as the account its target lives in. */
async function applyFix(w: WhyExplanation, as: (account: string) => Credentials = () => f.root): Promise<string[]> {
  assert.ok(w.fix, 'a fix');
  assert.equal(w.fix.verified, true);
  assert.equal(w.fix.decisionAfter, 'Allowed');
  const outputs: string[] = [];
  for (const change of w.fix.changes) {
    assert.match(change.command, /^aws (iam|sts) /);
    const account = change.target.arn?.split(':')[4] || ACCOUNT;
    const run = await runPrintedCommand(f.url, as(account), 'us-east-1', change.command);
    assert.equal(run.status, 0, `${change.command}\n${run.stderr}`);
    outputs.push(run.stdout);
  }
  return outputs;
}

test('identity: no identity-based policy allows it; the inline policy put by the printed command allows it', async (t) => {
  if ((await requireClient(t, 'aws-cli')) === undefined) return;
  const ana = await user('ana');
  const denied = await rejection(f.iam(ana).send(new ListUsersCommand({})));
  const w = await why(denied.$metadata.requestId);
  assert.equal(w.requestId, denied.$metadata.requestId);
  assert.equal(w.principal, `arn:aws:iam::${ACCOUNT}:user/ana`);
  assert.equal(w.action, 'iam:ListUsers');
  assert.equal(w.decision, 'ImplicitlyDenied');
  assert.equal(w.message, denied.message);
  assert.deepEqual(w.blockedBy, ['identity']);
  assert.deepEqual(w.fix?.changes.map((c) => [c.kind, c.policyKind, c.target.type, c.target.name]), [['add-statement', 'identity', 'user', 'ana']]);
  assert.equal(w.decisionNow, 'ImplicitlyDenied');
  await applyFix(w);
  await f.iam(ana).send(new ListUsersCommand({}));
  assert.equal((await why(denied.$metadata.requestId)).decisionNow, 'Allowed');
});

test('explicit deny: the deciding Deny is named by policy, Sid and owner; the printed command takes it out', async (t) => {
  if ((await requireClient(t, 'aws-cli')) === undefined) return;
  const dan = await user('dan', doc({ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoListing', Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' }));
  const denied = await rejection(f.iam(dan).send(new ListUsersCommand({})));
  const w = await why(denied.$metadata.requestId);
  assert.equal(w.decision, 'ExplicitlyDenied');
  assert.deepEqual(w.statements, [{ policy: { arn: null, name: 'own', kind: 'identity', attachedTo: `arn:aws:iam::${ACCOUNT}:user/dan` }, sid: 'NoListing', index: 1, effect: 'Deny' }]);
  assert.deepEqual(w.fix?.changes.map((c) => c.kind), ['remove-statement']);
  await applyFix(w);
  await f.iam(dan).send(new ListUsersCommand({}));
});

test('permissions boundary: the boundary lacks the Allow; the printed command adds it to a new default version', async (t) => {
  if ((await requireClient(t, 'aws-cli')) === undefined) return;
  const bea = await user('bea', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
  const { Policy } = await f.iam().send(new CreatePolicyCommand({ PolicyName: 'bea-boundary', PolicyDocument: doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }) }));
  await f.iam().send(new PutUserPermissionsBoundaryCommand({ UserName: 'bea', PermissionsBoundary: Policy!.Arn! }));
  const denied = await rejection(f.iam(bea).send(new ListUsersCommand({})));
  const w = await why(denied.$metadata.requestId);
  assert.deepEqual(w.blockedBy, ['boundary']);
  assert.deepEqual(w.fix?.changes.map((c) => [c.policyKind, c.target.arn]), [['boundary', Policy!.Arn]]);
  assert.match(w.fix!.changes[0]!.command, /^aws iam create-policy-version --policy-arn /);
  await applyFix(w);
  await f.iam(bea).send(new ListUsersCommand({}));
});

test('session policy: the session\'s policy lacks the Allow; the printed assume-role gives credentials that are allowed', async (t) => {
  if ((await requireClient(t, 'aws-cli')) === undefined) return;
  const sam = await user('sam', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }));
  await f.iam().send(new CreateRoleCommand({ RoleName: 'admin-role', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }) }));
  await f.iam().send(new PutUserPolicyCommand({ UserName: 'sam', PolicyName: 'noop', PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) }));
  await new Promise((resolve) => setTimeout(resolve, 10));
  const { AttachRolePolicyCommand } = await import('@aws-sdk/client-iam');
  await f.iam().send(new AttachRolePolicyCommand({ RoleName: 'admin-role', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
  const assumed = await f.sts(sam).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/admin-role`, RoleSessionName: 'narrow', Policy: doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }) }));
  const session = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
  const denied = await rejection(f.iam(session).send(new ListUsersCommand({})));
  const w = await why(denied.$metadata.requestId);
  assert.equal(w.principal, `arn:aws:sts::${ACCOUNT}:assumed-role/admin-role/narrow`);
  assert.deepEqual(w.blockedBy, ['session']);
  assert.match(w.fix!.changes[0]!.command, /^aws sts assume-role --role-arn arn:aws:iam::111122223333:role\/admin-role --role-session-name narrow --policy /);
  const [out] = await applyFix(w, () => sam);
  const fresh = (JSON.parse(out!) as { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } }).Credentials;
  await f.iam({ accessKeyId: fresh.AccessKeyId, secretAccessKey: fresh.SecretAccessKey, sessionToken: fresh.SessionToken }).send(new ListUsersCommand({}));
});

test('trust policy: the role\'s trust policy does not name the caller; the printed command adds it', async (t) => {
  if ((await requireClient(t, 'aws-cli')) === undefined) return;
  const tom = await user('tom', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }));
  await f.iam().send(new CreateRoleCommand({ RoleName: 'locked', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
  const denied = await rejection(f.sts(tom).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/locked`, RoleSessionName: 'tom-session' })));
  const w = await why(denied.$metadata.requestId);
  assert.deepEqual(w.blockedBy, ['trust']);
  assert.deepEqual(w.fix?.changes.map((c) => [c.policyKind, c.target.type, c.target.name]), [['trust', 'role', 'locked']]);
  await applyFix(w);
  await f.sts(tom).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/locked`, RoleSessionName: 'tom-session' }));
});

test('cross-account: both sides are missing; the printed commands fix the caller\'s account and the role\'s account', async (t) => {
  if ((await requireClient(t, 'aws-cli')) === undefined) return;
  const xia = await user('xia');
  await f.iam(otherRoot).send(new CreateRoleCommand({ RoleName: 'partner', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
  const denied = await rejection(f.sts(xia).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${OTHER}:role/partner`, RoleSessionName: 'xia-session' })));
  const w = await why(denied.$metadata.requestId);
  assert.deepEqual([...w.blockedBy].sort(), ['identity', 'trust']);
  assert.deepEqual(w.fix?.changes.map((c) => c.target.arn?.split(':')[4]).sort(), [ACCOUNT, OTHER]);
  await applyFix(w, (account) => (account === OTHER ? otherRoot : f.root));
  await f.sts(xia).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${OTHER}:role/partner`, RoleSessionName: 'xia-session' }));
});

test('an allowed request is explained by the Allow it rests on; no fix', async () => {
  const ok = await f.iam().send(new CreateUserCommand({ UserName: 'plain' }));
  const w = await why(ok.$metadata.requestId);
  assert.equal(w.decision, 'Allowed');
  assert.equal(w.fix, null);
  assert.equal(w.decisionNow, 'Allowed');
});

test('an unknown request id is an error naming it, exit code 1', async () => {
  let err = '';
  const code = await whyCommand({ requestId: 'no-such-request', dataDir: f.dataDir, json: true }, { stdout: () => {}, stderr: (t) => { err += t; } });
  assert.equal(code, 1);
  assert.match(err, /holds no request no-such-request/);
});

/** A GET signed as the console signs it. */
async function signedGet(path: string, credentials: Credentials, service: string): Promise<{ status: number; text: string }> {
  const url = new URL(`${f.url}${path}`);
  const signed = await new SignatureV4({ credentials, region: 'us-east-1', service, sha256: Sha256 }).sign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, headers: { host: url.host } });
  const response = await fetch(url, { headers: signed.headers });
  return { status: response.status, text: await response.text() };
}

test('GET /_tollgate/why/ID: the same explanation for a caller allowed cloudtrail:LookupEvents; refused otherwise', async () => {
  const nora = await user('nora');
  const denied = await rejection(f.iam(nora).send(new ListUsersCommand({})));
  await eventsOf(f, denied.$metadata.requestId);
  const served = await signedGet(`/_tollgate/why/${denied.$metadata.requestId}`, f.root, 'cloudtrail');
  assert.equal(served.status, 200, served.text);
  const w = JSON.parse(served.text) as WhyExplanation;
  assert.equal(w.requestId, denied.$metadata.requestId);
  assert.equal(w.decision, 'ImplicitlyDenied');
  const refused = await signedGet(`/_tollgate/why/${denied.$metadata.requestId}`, nora, 'cloudtrail');
  assert.equal(refused.status, 403);
  assert.match(refused.text, /"__type":"AccessDeniedException".*cloudtrail:LookupEvents/);
  await f.iam().send(new AttachUserPolicyCommand({ UserName: 'nora', PolicyArn: 'arn:aws:iam::aws:policy/AWSCloudTrail_ReadOnlyAccess' }));
  assert.equal((await signedGet(`/_tollgate/why/${denied.$metadata.requestId}`, nora, 'cloudtrail')).status, 200);
  const other = await signedGet(`/_tollgate/why/${denied.$metadata.requestId}`, otherRoot, 'cloudtrail');
  assert.equal(other.status, 404, 'another account\'s request is not explained');
  const unsigned = await fetch(`${f.url}/_tollgate/why/${denied.$metadata.requestId}`);
  assert.equal(unsigned.status, 403);
});
