// Issue 14 item 2: CloudTrail's LookupEvents over the audit trail, with the SDK v3 CloudTrail client and
// the real AWS CLI (`aws cloudtrail lookup-events`): each lookup attribute, StartTime/EndTime, MaxResults
// and NextToken paging, AWS's validation errors, events of a regional service in their Region and IAM's
// in us-east-1, authorization as cloudtrail:LookupEvents, and no secret in any answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandInput } from '@aws-sdk/client-cloudtrail';
import { CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand, GetUserCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { runAwsCli } from '../support/aws-cli.ts';
import { requireClient } from '../support/interop.ts';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { eventsOf } from './trail-support.ts';

let f: TollgateFixture;
let lee: Credentials;
let leeKey2: Credentials;
let denialId: string;
const PASSWORD = 'Lee-Secret-Pass-9!';

const trail = (credentials: Credentials = f.root, region = 'us-east-1') => new CloudTrailClient({ endpoint: f.url, region, credentials, maxAttempts: 1 });
const lookup = (input: LookupEventsCommandInput, region = 'us-east-1', credentials?: Credentials) => trail(credentials, region).send(new LookupEventsCommand(input));

before(async () => {
  f = await startFixture();
  await f.iam().send(new CreateUserCommand({ UserName: 'lee' }));
  await f.iam().send(new CreateLoginProfileCommand({ UserName: 'lee', Password: PASSWORD }));
  const { AccessKey } = await f.iam().send(new CreateAccessKeyCommand({ UserName: 'lee' }));
  lee = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  const second = await f.iam().send(new CreateAccessKeyCommand({ UserName: 'lee' }));
  leeKey2 = { accessKeyId: second.AccessKey!.AccessKeyId!, secretAccessKey: second.AccessKey!.SecretAccessKey! };
  for (let i = 0; i < 7; i++) await f.iam().send(new ListUsersCommand({}));
  const denied = await rejection(f.iam(lee).send(new GetUserCommand({})));
  denialId = denied.$metadata.requestId!;
  const listed = await f.eks(f.root, 'us-west-2').send(new ListClustersCommand({}));
  await eventsOf(f, denialId);
  await eventsOf(f, listed.$metadata.requestId);
});
after(async () => {
  await f.close();
});

test('events come newest first with CloudTrail\'s members; the CloudTrailEvent is the recorded event', async () => {
  const { Events } = await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetUser' }] });
  assert.equal(Events?.length, 1);
  const e = Events![0]!;
  assert.equal(e.EventName, 'GetUser');
  assert.equal(e.EventSource, 'iam.amazonaws.com');
  assert.equal(e.ReadOnly, 'true');
  assert.equal(e.Username, 'lee');
  assert.equal(e.AccessKeyId, lee.accessKeyId);
  assert.ok(e.EventTime instanceof Date);
  const event = JSON.parse(e.CloudTrailEvent!) as Record<string, unknown>;
  assert.equal(event['requestID'], denialId);
  assert.equal(event['eventID'], e.EventId);
  assert.equal(event['errorCode'], 'AccessDenied');
  assert.deepEqual(e.Resources, [{ ResourceType: 'AWS::IAM::User', ResourceName: 'lee' }]);
  const all = await lookup({});
  const times = all.Events!.map((x) => x.EventTime!.getTime());
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
});

test('each lookup attribute finds its events', async () => {
  const one = async (AttributeKey: NonNullable<LookupEventsCommandInput['LookupAttributes']>[number]['AttributeKey'], AttributeValue: string) =>
    (await lookup({ LookupAttributes: [{ AttributeKey, AttributeValue }] })).Events ?? [];
  const byName = await one('EventName', 'ListUsers');
  assert.equal(byName.length, 7);
  assert.ok((await one('Username', 'lee')).every((e) => e.Username === 'lee'));
  assert.equal((await one('Username', 'lee')).length, 1);
  assert.equal((await one('AccessKeyId', lee.accessKeyId)).length, 1);
  const [found] = byName;
  assert.deepEqual((await one('EventId', found!.EventId!)).map((e) => e.EventId), [found!.EventId]);
  assert.ok((await one('ReadOnly', 'false')).every((e) => e.ReadOnly === 'false'));
  assert.ok((await one('ReadOnly', 'false')).some((e) => e.EventName === 'CreateUser'));
  assert.ok((await one('EventSource', 'iam.amazonaws.com')).length >= 10);
  assert.ok((await one('ResourceType', 'AWS::IAM::User')).some((e) => e.EventName === 'CreateLoginProfile'));
  assert.ok((await one('ResourceName', 'lee')).every((e) => e.Resources?.some((r) => r.ResourceName === 'lee')));
  assert.deepEqual(await one('EventName', 'NoSuchEvent'), []);
});

test('events of a regional service are in their Region; IAM\'s in us-east-1', async () => {
  const west = await lookup({}, 'us-west-2');
  assert.deepEqual(west.Events?.map((e) => e.EventName), ['ListClusters']);
  const east = await lookup({ LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'eks.amazonaws.com' }] });
  assert.deepEqual(east.Events, []);
});

test('MaxResults pages with NextToken until the last page; a token with other parameters is refused', async () => {
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const page = await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ListUsers' }], MaxResults: 3, NextToken: token });
    assert.ok(page.Events!.length <= 3);
    seen.push(...page.Events!.map((e) => e.EventId!));
    token = page.NextToken;
  } while (token !== undefined);
  assert.equal(seen.length, 7);
  assert.equal(new Set(seen).size, 7);
  const first = await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ListUsers' }], MaxResults: 3 });
  const wrong = await rejection(lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetUser' }], MaxResults: 3, NextToken: first.NextToken }));
  assert.equal(wrong.name, 'InvalidNextTokenException');
  assert.equal((await rejection(lookup({ NextToken: 'not-a-token' }))).name, 'InvalidNextTokenException');
});

test('StartTime and EndTime bound the events; a start after the end is InvalidTimeRangeException', async () => {
  const now = Date.now();
  assert.deepEqual((await lookup({ EndTime: new Date(now - 3_600_000) })).Events, []);
  assert.ok((await lookup({ StartTime: new Date(now - 3_600_000), EndTime: new Date(now + 60_000) })).Events!.length > 0);
  const refused = await rejection(lookup({ StartTime: new Date(now), EndTime: new Date(now - 1000) }));
  assert.equal(refused.name, 'InvalidTimeRangeException');
  assert.equal(refused.$metadata.httpStatusCode, 400);
});

test('of several lookup attributes the first decides and the others are ignored, as CloudTrail answers them (no error)', async () => {
  // AWS: "Currently the list can contain only one item" (API_LookupEvents.html). CloudTrail does not
  // refuse a longer list: it answers the events of the first attribute (a ReadOnly and a Username sent
  // together came back filtered by ReadOnly alone: github.com/guessi/cloudtrail-cli issue 2).
  const both = await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ListUsers' }, { AttributeKey: 'Username', AttributeValue: 'lee' }] });
  const first = await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ListUsers' }] });
  assert.equal(both.Events?.length, 7);
  assert.deepEqual(both.Events!.map((e) => e.EventId), first.Events!.map((e) => e.EventId));
  assert.ok(both.Events!.every((e) => e.Username === 'root'));
  const reversed = await lookup({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'lee' }, { AttributeKey: 'EventName', AttributeValue: 'ListUsers' }] });
  assert.deepEqual(reversed.Events!.map((e) => e.EventName), ['GetUser']);
});

test('MaxResults above 50 or below 1 is the model\'s ValidationException; a ReadOnly value other than true/false is InvalidLookupAttributesException', async () => {
  const big = await rejection(lookup({ MaxResults: 51 }));
  assert.equal(big.name, 'ValidationException');
  assert.equal(big.message, "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50");
  assert.equal((await rejection(lookup({ MaxResults: 0 }))).name, 'ValidationException');
  assert.equal((await rejection(lookup({ LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'maybe' }] }))).name, 'InvalidLookupAttributesException');
});

test('authorized as cloudtrail:LookupEvents: denied without it, in CloudTrail\'s words; allowed with it', async () => {
  const denied = await rejection(lookup({}, 'us-east-1', leeKey2));
  assert.equal(denied.name, 'AccessDeniedException');
  assert.equal(denied.message, `User: arn:aws:iam::111122223333:user/lee is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action`);
  await f.iam().send(new PutUserPolicyCommand({ UserName: 'lee', PolicyName: 'trail', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*' }] }) }));
  const { Events } = await lookup({ MaxResults: 1 }, 'us-east-1', leeKey2);
  assert.equal(Events?.length, 1);
});

test('no answer carries a secret: secret keys and passwords never appear in LookupEvents', async () => {
  let token: string | undefined;
  const texts: string[] = [];
  do {
    const page = await lookup({ NextToken: token });
    texts.push(JSON.stringify(page.Events));
    token = page.NextToken;
  } while (token !== undefined);
  const all = texts.join('\n');
  assert.ok(all.includes('CreateAccessKey') && all.includes('CreateLoginProfile'));
  for (const secret of [lee.secretAccessKey, leeKey2.secretAccessKey, PASSWORD, f.root.secretAccessKey]) assert.ok(!all.includes(secret));
});

test('the AWS CLI: aws cloudtrail lookup-events with a lookup attribute and --max-results', async (t) => {
  if ((await requireClient(t, 'aws-cli')) === undefined) return;
  const run = await runAwsCli(f.url, f.root, 'us-east-1', 'cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=Username,AttributeValue=lee', '--max-results', '5');
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as { Events: { EventName: string; Username: string; CloudTrailEvent: string }[] };
  assert.ok(out.Events.length >= 1);
  assert.ok(out.Events.every((e) => e.Username === 'lee'));
  assert.ok(out.Events.some((e) => e.EventName === 'GetUser' && (JSON.parse(e.CloudTrailEvent) as { requestID: string }).requestID === denialId));
  const invalid = await runAwsCli(f.url, f.root, 'us-east-1', 'cloudtrail', 'lookup-events', '--start-time', '2026-01-02T00:00:00Z', '--end-time', '2026-01-01T00:00:00Z');
  assert.notEqual(invalid.status, 0);
  assert.match(invalid.stderr, /An error occurred \(InvalidTimeRangeException\) when calling the LookupEvents operation/);
  const paged = await runAwsCli(f.url, f.root, 'us-east-1', 'cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=ListUsers', '--page-size', '2');
  assert.equal(paged.status, 0, paged.stderr);
  assert.equal((JSON.parse(paged.stdout) as { Events: unknown[] }).Events.length, 7, 'the CLI follows NextToken through every page');
});
