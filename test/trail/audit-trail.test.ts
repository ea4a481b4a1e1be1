// Issue 14 item 1: every authenticated call, allowed or denied, becomes a CloudTrail event in the store:
// CloudTrail's members, the caller's identity, the error of a denial, the deciding statements stored
// beside it, a cross-account AssumeRole recorded in both accounts, and never a secret. Real server,
// real SDK clients, the real SQLite file grepped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateUserCommand, CreateAccessKeyCommand, CreateLoginProfileCommand, GetUserCommand, PutUserPolicyCommand, CreateRoleCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { createAccount } from '../../src/services/iam/create-account.ts';
import { parseDecisionRecord } from '../../src/trail/decision-record.ts';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { cloudTrailEvent, eventsOf } from './trail-support.ts';

let f: TollgateFixture;
let bob: Credentials;
const ACCOUNT = '111122223333';
const PASSWORD = 'Sup3r-Secret-Passw0rd!';

before(async () => {
  f = await startFixture();
  await f.iam().send(new CreateUserCommand({ UserName: 'bob' }));
  await f.iam().send(new CreateLoginProfileCommand({ UserName: 'bob', Password: PASSWORD }));
  const { AccessKey } = await f.iam().send(new CreateAccessKeyCommand({ UserName: 'bob' }));
  bob = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
});
after(async () => {
  await f.close();
});

test('an allowed call is a CloudTrail event with CloudTrail\'s members, in the call\'s account and Region', async () => {
  const listed = await f.eks().send(new ListClustersCommand({}));
  const [record] = await eventsOf(f, listed.$metadata.requestId);
  const event = cloudTrailEvent(record!);
  assert.deepEqual(Object.keys(event), [
    'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent', 'requestParameters',
    'responseElements', 'requestID', 'eventID', 'readOnly', 'eventType', 'managementEvent', 'recipientAccountId', 'eventCategory',
  ]);
  assert.equal(event['eventSource'], 'eks.amazonaws.com');
  assert.equal(event['eventName'], 'ListClusters');
  assert.equal(event['awsRegion'], 'us-west-2');
  assert.equal(event['requestID'], listed.$metadata.requestId);
  assert.equal(event['readOnly'], true);
  assert.equal(event['eventType'], 'AwsApiCall');
  assert.equal(event['managementEvent'], true);
  assert.equal(event['eventCategory'], 'Management');
  assert.equal(event['recipientAccountId'], ACCOUNT);
  assert.match(String(event['eventTime']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(String(event['userAgent']), /aws-sdk-js/);
  assert.equal(event.userIdentity['type'], 'Root');
  assert.equal(event.userIdentity['accessKeyId'], f.root.accessKeyId);
  assert.equal(record!.region, 'us-west-2');
  assert.equal(record!.username, 'root');
});

test('a read records no responseElements, a change records its response; the decision record reads back whole', async () => {
  // CloudTrail record contents: responseElements "is present in events for actions that make changes (create, update, or delete actions)".
  const read = await f.iam().send(new GetUserCommand({ UserName: 'bob' }));
  const [readRecord] = await eventsOf(f, read.$metadata.requestId);
  const readEvent = cloudTrailEvent(readRecord!);
  assert.deepEqual(readEvent['requestParameters'], { userName: 'bob' });
  assert.equal(readEvent['responseElements'], null);
  assert.notEqual(readEvent['eventID'], readEvent['requestID']);
  const created = await f.iam().send(new CreateUserCommand({ UserName: 'carol' }));
  const [createRecord] = await eventsOf(f, created.$metadata.requestId);
  const createEvent = cloudTrailEvent(createRecord!);
  assert.equal(createEvent['readOnly'], false);
  assert.equal((createEvent['responseElements'] as { user: Record<string, unknown> }).user['userName'], 'carol');
  assert.equal((createEvent['responseElements'] as { user: Record<string, unknown> }).user['arn'], `arn:aws:iam::${ACCOUNT}:user/carol`);
  const decision = parseDecisionRecord(readRecord!.decision!);
  assert.deepEqual(Object.keys(decision), ['principal', 'accountId', 'accessKeyId', 'credentialType', 'facts', 'check', 'actions', 'decision', 'blockedBy', 'statements']);
  assert.equal(decision.accessKeyId, f.root.accessKeyId);
  assert.equal(decision.facts.region, 'us-east-1');
  assert.equal(decision.check?.action, 'iam:GetUser');
  assert.deepEqual(decision.actions, ['iam:GetUser']);
});

test('a denied call records AWS\'s error and the missing statement; IAM\'s events are in us-east-1', async () => {
  const denied = await rejection(f.iam(bob).send(new ListUsersCommand({})));
  const [record] = await eventsOf(f, denied.$metadata.requestId);
  const event = cloudTrailEvent(record!);
  assert.equal(event['errorCode'], 'AccessDenied');
  assert.equal(event['errorMessage'], denied.message);
  assert.equal(event['responseElements'], null);
  assert.equal(event['awsRegion'], 'us-east-1');
  assert.deepEqual(event.userIdentity, { type: 'IAMUser', principalId: event.userIdentity['principalId'], arn: `arn:aws:iam::${ACCOUNT}:user/bob`, accountId: ACCOUNT, accessKeyId: bob.accessKeyId, userName: 'bob' });
  assert.match(String(event.userIdentity['principalId']), /^AIDA/);
  const decision = parseDecisionRecord(record!.decision!);
  assert.equal(decision.decision, 'ImplicitlyDenied');
  assert.deepEqual(decision.blockedBy, ['identity']);
  assert.equal(decision.check?.action, 'iam:ListUsers');
  assert.match(decision.decidedBy ?? '', /^missing: Allow iam:ListUsers/);
});

test('an explicit deny stores its deciding statement with the event', async () => {
  await f.iam().send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'no-get', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoGetUser', Effect: 'Deny', Action: 'iam:GetUser', Resource: '*' }] }) }));
  const denied = await rejection(f.iam(bob).send(new GetUserCommand({})));
  const [record] = await eventsOf(f, denied.$metadata.requestId);
  const decision = parseDecisionRecord(record!.decision!);
  assert.equal(decision.decision, 'ExplicitlyDenied');
  assert.deepEqual(decision.statements, [{ kind: 'identity', policyName: 'no-get', sid: 'NoGetUser', index: 1, effect: 'Deny' }]);
});

test('a cross-account AssumeRole is recorded in both accounts', async () => {
  const other = '444455556666';
  const account = await createAccount(f.tollgate.runtime, other);
  const otherRoot = { accessKeyId: account.AccessKeyId, secretAccessKey: account.SecretAccessKey };
  await f.iam(otherRoot).send(new CreateRoleCommand({ RoleName: 'shared', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] }) }));
  const assumed = await f.sts(bob).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${other}:role/shared`, RoleSessionName: 'across' }));
  const records = await eventsOf(f, assumed.$metadata.requestId, 2);
  assert.deepEqual(records.map((r) => r.accountId), [ACCOUNT, other]);
  const mine = cloudTrailEvent(records[0]!);
  const theirs = cloudTrailEvent(records[1]!);
  assert.equal(mine['recipientAccountId'], ACCOUNT);
  assert.equal(theirs['recipientAccountId'], other);
  assert.equal(theirs.userIdentity['type'], 'AWSAccount');
  assert.equal(theirs.userIdentity['accountId'], ACCOUNT);
  assert.equal(theirs['sharedEventID'], mine['eventID']);
  const credentials = (mine['responseElements'] as { credentials: Record<string, unknown> }).credentials;
  assert.equal(credentials['accessKeyId'], assumed.Credentials!.AccessKeyId);
  assert.equal(credentials['sessionToken'], undefined);
  assert.equal(credentials['secretAccessKey'], undefined);
});

test('no secret reaches the trail: the store file holds no secret key, password or session token', async () => {
  const assumed = await f.sts(bob).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::444455556666:role/shared`, RoleSessionName: 'grep' }));
  const created = await f.iam().send(new CreateAccessKeyCommand({}));
  await eventsOf(f, created.$metadata.requestId);
  await eventsOf(f, assumed.$metadata.requestId, 2);
  const secrets = [bob.secretAccessKey, PASSWORD, assumed.Credentials!.SecretAccessKey!, assumed.Credentials!.SessionToken!, created.AccessKey!.SecretAccessKey!];
  const rows = await f.tollgate.runtime.store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', limit: 1000 });
  assert.ok(rows.length > 5);
  for (const file of readdirSync(f.dataDir).filter((name) => name.startsWith('tollgate.db'))) {
    const bytes = readFileSync(join(f.dataDir, file), 'latin1');
    for (const secret of secrets) assert.ok(!bytes.includes(secret), `${file} holds a secret`);
  }
  for (const { record } of rows) for (const secret of secrets) assert.ok(!record.event.includes(secret) && !(record.decision ?? '').includes(secret));
});
