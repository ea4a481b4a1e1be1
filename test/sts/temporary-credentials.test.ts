// Temporary credentials of an assumed role end to end (issue #5; docs/aws-behaviour/sts-sessions.md):
// ASIA keys with a session token, ExpiredToken after Expiration on an injected clock, the assumed-role
// principal in GetCallerIdentity, in condition keys and in AccessDenied messages.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { CreateRoleCommand, GetRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ACCOUNT, PARTNER, allow, assertAwsError, putUserPolicy, startStsWorld, temporary, trust, type StsWorld } from './sts-world.ts';

let w: StsWorld;
let roleArn: string;
let roleId: string;
beforeEach(async () => {
  w = await startStsWorld();
  // A role with a path: aws:PrincipalArn carries it, the session ARN does not.
  const created = await w.iam().send(new CreateRoleCommand({ RoleName: 'Ctx', Path: '/eng/', AssumeRolePolicyDocument: trust({ AWS: PARTNER }) }));
  roleArn = created.Role!.Arn!;
  roleId = created.Role!.RoleId!;
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume', allow('sts:AssumeRole', roleArn));
});
afterEach(() => w.close());

const sessionArn = (session: string) => `arn:aws:sts::${ACCOUNT}:assumed-role/Ctx/${session}`;
const listDenied = (session: string, reason = 'because no identity-based policy allows the eks:ListClusters action') =>
  `User: ${sessionArn(session)} is not authorized to perform: eks:ListClusters on resource: arn:aws:eks:us-west-2:${ACCOUNT}:cluster/* ${reason}`;

async function assume(session: string, durationSeconds?: number) {
  const out = await w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: session, DurationSeconds: durationSeconds }));
  return { out, credentials: temporary(out.Credentials) };
}

test('AssumeRole answers ASIA credentials with a session token, and GetCallerIdentity names the session', async () => {
  assert.equal(roleArn, `arn:aws:iam::${ACCOUNT}:role/eng/Ctx`);
  const { out, credentials } = await assume('who');
  assert.match(credentials.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
  assert.match(credentials.secretAccessKey, /^[A-Za-z0-9/+]{40}$/);
  assert.ok((credentials.sessionToken ?? '').length > 100);
  assert.equal(out.Credentials?.Expiration?.getTime(), w.clock.now() + 3600_000);

  const identity = await w.sts(credentials).send(new GetCallerIdentityCommand({}));
  assert.deepEqual({ UserId: identity.UserId, Account: identity.Account, Arn: identity.Arn }, { UserId: `${roleId}:who`, Account: ACCOUNT, Arn: sessionArn('who') });
  assert.match(identity.UserId ?? '', /^AROA[A-Z0-9]{17}:who$/);
});

test('a missing or wrong session token is InvalidClientTokenId', async () => {
  const { credentials } = await assume('token');
  const invalid = 'The security token included in the request is invalid.';
  await assertAwsError(w.sts({ accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403, invalid);
  await assertAwsError(w.sts({ ...credentials, sessionToken: `${credentials.sessionToken}x` }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403, invalid);
});

test('credentials work until Expiration and are ExpiredToken from then on, in STS, IAM and EKS', async () => {
  const { credentials } = await assume('expiry', 900);
  w.clock.advance(899_000);
  assert.equal((await w.sts(credentials).send(new GetCallerIdentityCommand({}))).Arn, sessionArn('expiry'));
  w.clock.advance(1_000);
  const expired = 'The security token included in the request is expired';
  await assertAwsError(w.sts(credentials).send(new GetCallerIdentityCommand({})), 'ExpiredToken', 403, expired);
  await assertAwsError(w.iam(credentials).send(new GetRoleCommand({ RoleName: 'Ctx' })), 'ExpiredToken', 403, expired);
  await assertAwsError(w.eks(credentials).send(new ListClustersCommand({})), 'ExpiredTokenException', 403, expired);
});

test('AccessDenied names the assumed-role ARN', async () => {
  const { credentials } = await assume('denied');
  await assertAwsError(w.eks(credentials).send(new ListClustersCommand({})), 'AccessDeniedException', 403, listDenied('denied'));
  await assertAwsError(w.iam(credentials).send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) })), 'AccessDenied', 403,
    `User: ${sessionArn('denied')} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCOUNT}:role/x because no identity-based policy allows the iam:CreateRole action`);
});

test('aws:PrincipalArn (the role ARN with path), aws:userid, aws:PrincipalAccount and aws:TokenIssueTime decide in policies', async () => {
  const issued = new Date(w.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const policy = allow('eks:ListClusters', '*', {
    Condition: {
      StringEquals: { 'aws:PrincipalArn': roleArn, 'aws:userid': `${roleId}:keys`, 'aws:PrincipalAccount': ACCOUNT, 'aws:PrincipalType': 'AssumedRole' },
      DateEquals: { 'aws:TokenIssueTime': issued },
    },
  });
  await w.iam().send(new PutRolePolicyCommand({ RoleName: 'Ctx', PolicyName: 'by-keys', PolicyDocument: policy }));
  const keys = await assume('keys');
  assert.deepEqual((await w.eks(keys.credentials).send(new ListClustersCommand({}))).clusters, []);
  // Another session name: aws:userid differs.
  const other = await assume('other');
  await assertAwsError(w.eks(other.credentials).send(new ListClustersCommand({})), 'AccessDeniedException', 403, listDenied('other'));
  // The same name a second later: aws:TokenIssueTime differs.
  w.clock.advance(1_000);
  const later = await assume('keys');
  await assertAwsError(w.eks(later.credentials).send(new ListClustersCommand({})), 'AccessDeniedException', 403, listDenied('keys'));
});

test('expired credentials are kept a day for ExpiredToken, then forgotten when new ones are issued', async () => {
  const { credentials } = await assume('forgotten', 900);
  w.clock.advance(900_000 + 24 * 3_600_000 + 1_000);
  await assume('sweeper');
  await assertAwsError(w.sts(credentials).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
});
