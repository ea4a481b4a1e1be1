// A caller repeating a call within one second (one client, unchanged policies) gets the decision already
// made (server/authorizer.ts); these tests hold that it is never a stale one: a policy change, the next
// second and another client each decide anew. The server's clock stands still unless a test moves it.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { CreateAccessKeyCommand, CreateUserCommand, DeleteUserPolicyCommand, GetUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { ManualClock } from '../../src/kernel/clock.ts';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';

const clock = new ManualClock(Math.floor(Date.now() / 1000) * 1000 + 200);
let f: TollgateFixture;
let alice: Credentials;

const allow = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*', ...statement }] });
const put = (name: string, document: string) => f.iam().send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: name, PolicyDocument: document }));
const getUser = (client: IAMClient = f.iam(alice)) => client.send(new GetUserCommand({ UserName: 'alice' }));

beforeEach(async () => {
  f = await startFixture({ clock });
  await f.iam().send(new CreateUserCommand({ UserName: 'alice' }));
  const key = (await f.iam().send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
  alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
});
afterEach(() => f.close());

test('a Deny added within the second refuses the very next call, and its removal allows again', async () => {
  await put('Allow', allow({}));
  await getUser();
  await getUser();
  await put('Deny', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:GetUser', Resource: '*' }] }));
  const denied = await rejection(getUser());
  assert.equal(denied.name, 'AccessDenied');
  assert.match(denied.message, /with an explicit deny in an identity-based policy/);
  await f.iam().send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'Deny' }));
  await getUser();
  await f.iam().send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'Allow' }));
});

test('aws:CurrentTime is decided anew in the next second', async () => {
  const until = new Date(Math.floor(clock.now() / 1000) * 1000 + 1000).toISOString();
  await put('UntilNextSecond', allow({ Condition: { DateLessThan: { 'aws:CurrentTime': until } } }));
  await getUser();
  await getUser();
  clock.advance(1000);
  assert.equal((await rejection(getUser())).name, 'AccessDenied');
  await f.iam().send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'UntilNextSecond' }));
});

test('two clients of one caller in the same second are decided each by its own keys', async () => {
  await put('OnlyTheTool', allow({ Condition: { StringLike: { 'aws:UserAgent': '*the-tool/1.0*' } } }));
  const tool = new IAMClient({ endpoint: f.url, region: 'us-east-1', credentials: alice, maxAttempts: 1, customUserAgent: 'the-tool/1.0' });
  for (let i = 0; i < 2; i++) {
    await getUser(tool);
    assert.equal((await rejection(getUser())).name, 'AccessDenied');
  }
  await f.iam().send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'OnlyTheTool' }));
});
