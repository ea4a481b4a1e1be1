// GetSessionToken end to end (issue #5, docs/aws-behaviour/sts-sessions.md): the IAM user (or root user) stays the
// principal; without MFA the credentials call no IAM operation, and in STS only AssumeRole and
// GetCallerIdentity; session credentials cannot ask for more.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetFederationTokenCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { ACCOUNT, allow, assertAwsError, putUserPolicy, role, startStsWorld, temporary, trust, userWithKey, type StsWorld } from './sts-world.ts';
import type { Credentials } from '../support/tollgate-fixture.ts';

let w: StsWorld;
let bob: Credentials;
let bobId: string;
beforeEach(async () => {
  w = await startStsWorld();
  bob = await userWithKey(w, w.f.root, 'bob', allow(['iam:ListUsers', 'eks:ListClusters', 'sts:AssumeRole', 'sts:GetFederationToken']));
  bobId = (await w.sts(bob).send(new GetCallerIdentityCommand({}))).UserId!;
});
afterEach(() => w.close());

const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
const seconds = (date: Date | undefined) => Math.round(((date?.getTime() ?? 0) - w.clock.now()) / 1000);

test('the user stays the principal; the session lasts 12 hours by default', async () => {
  const out = await w.sts(bob).send(new GetSessionTokenCommand({}));
  const credentials = temporary(out.Credentials);
  assert.match(credentials.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
  assert.equal(seconds(out.Credentials?.Expiration), 43_200);
  const identity = await w.sts(credentials).send(new GetCallerIdentityCommand({}));
  assert.deepEqual({ UserId: identity.UserId, Arn: identity.Arn }, { UserId: bobId, Arn: BOB });
  assert.match(bobId, /^AIDA[A-Z0-9]{17}$/);
  // Other services follow the user's policies.
  assert.deepEqual((await w.eks(credentials).send(new ListClustersCommand({}))).clusters, []);
});

test('without MFA the credentials call no IAM operation; with MFA they do', async () => {
  const plain = temporary((await w.sts(bob).send(new GetSessionTokenCommand({}))).Credentials);
  await assertAwsError(w.iam(plain).send(new ListUsersCommand({})), 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
  const mfa = temporary((await w.sts(bob).send(new GetSessionTokenCommand({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/bob`, TokenCode: '123456' }))).Credentials);
  assert.ok((await w.iam(mfa).send(new ListUsersCommand({}))).Users?.some((u) => u.UserName === 'bob'));
});

test('in STS they may assume a role, but not ask for another session or federation token', async () => {
  const arn = await role(w, 'FromToken', trust({ AWS: ACCOUNT }));
  const credentials = temporary((await w.sts(bob).send(new GetSessionTokenCommand({}))).Credentials);
  const sts = w.sts(credentials);
  const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'from-token' }));
  assert.equal(assumed.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/FromToken/from-token`);
  await assertAwsError(sts.send(new GetSessionTokenCommand({})), 'AccessDenied', 403, 'Cannot call GetSessionToken with session credentials');
  await assertAwsError(sts.send(new GetFederationTokenCommand({ Name: 'fed' })), 'AccessDenied', 403, 'Cannot call GetFederationToken with session credentials');
  // Nor may a role session.
  const roleSts = w.sts(temporary(assumed.Credentials));
  await assertAwsError(roleSts.send(new GetSessionTokenCommand({})), 'AccessDenied', 403, 'Cannot call GetSessionToken with session credentials');
});

test('GetSessionToken needs no Allow, but an explicit Deny stops it', async () => {
  const carol = await userWithKey(w, w.f.root, 'carol');
  assert.ok((await w.sts(carol).send(new GetSessionTokenCommand({}))).Credentials);
  await putUserPolicy(w, w.f.root, 'carol', 'deny', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:GetSessionToken', Resource: '*' }] }));
  await assertAwsError(w.sts(carol).send(new GetSessionTokenCommand({})), 'AccessDenied', 403,
    `User: arn:aws:iam::${ACCOUNT}:user/carol is not authorized to perform: sts:GetSessionToken on resource: * with an explicit deny in an identity-based policy`);
});

test('durations: users 900 to 129600 s, the root user at most one hour', async () => {
  assert.equal(seconds((await w.sts(bob).send(new GetSessionTokenCommand({ DurationSeconds: 129_600 }))).Credentials?.Expiration), 129_600);
  await assertAwsError(w.sts(bob).send(new GetSessionTokenCommand({ DurationSeconds: 899 })), 'ValidationError', 400,
    "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
  const root = await w.sts(w.f.root).send(new GetSessionTokenCommand({ DurationSeconds: 7200 }));
  assert.equal(seconds(root.Credentials?.Expiration), 3600);
  const identity = await w.sts(temporary(root.Credentials)).send(new GetCallerIdentityCommand({}));
  assert.deepEqual({ UserId: identity.UserId, Arn: identity.Arn }, { UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
});
