// The access-key story with the real AWS CLI (issue #3): a user with the classic self-service policy
// manages its own keys, up to two, never sees a secret again, cannot touch another user's keys, and an
// Inactive key is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { runAwsCli } from '../support/aws-cli.ts';
import { ACCESS_KEYS_PER_USER, DEFAULT_ACCOUNT_ID as ACCOUNT } from '../support/defaults.ts';
import { requireClient } from '../support/interop.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
before(async () => {
  f = await startFixture();
});
after(() => f.close());

const aws = (credentials: Credentials, ...args: string[]) => runAwsCli(f.url, credentials, 'us-east-1', ...args);

const selfService = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'ManageOwnAccessKeys', Effect: 'Allow', Action: ['iam:*AccessKey*'], Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` }],
});

test('the access-key story with the AWS CLI', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const iam = f.iam();
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'SelfServiceKeys', PolicyDocument: selfService }));
  const first = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
  const alice = { accessKeyId: first.AccessKeyId!, secretAccessKey: first.SecretAccessKey! };

  const created = await aws(alice, 'iam', 'create-access-key');
  assert.equal(created.status, 0, created.stderr);
  const second = JSON.parse(created.stdout).AccessKey as { AccessKeyId: string; SecretAccessKey: string; UserName: string; Status: string };
  assert.equal(second.UserName, 'alice');
  assert.equal(second.Status, 'Active');
  assert.match(second.AccessKeyId, /^AKIA[A-Z2-7]{16}$/);
  assert.equal(second.SecretAccessKey.length, 40);

  const third = await aws(alice, 'iam', 'create-access-key');
  assert.notEqual(third.status, 0);
  assert.equal(third.stderr, `An error occurred (LimitExceeded) when calling the CreateAccessKey operation: Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`);

  const listed = await aws(alice, 'iam', 'list-access-keys');
  assert.equal(listed.status, 0, listed.stderr);
  const keys = JSON.parse(listed.stdout).AccessKeyMetadata as Record<string, string>[];
  assert.deepEqual(keys.map((k) => k['AccessKeyId']).sort(), [first.AccessKeyId, second.AccessKeyId].sort());
  assert.ok(!listed.stdout.includes(second.SecretAccessKey) && !listed.stdout.includes('SecretAccessKey'), 'a listing never carries a secret');

  const forBob = await aws(alice, 'iam', 'create-access-key', '--user-name', 'bob');
  assert.notEqual(forBob.status, 0);
  assert.equal(
    forBob.stderr,
    `An error occurred (AccessDenied) when calling the CreateAccessKey operation: User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: iam:CreateAccessKey on resource: arn:aws:iam::${ACCOUNT}:user/bob because no identity-based policy allows the iam:CreateAccessKey action`,
  );

  const deactivated = await aws(alice, 'iam', 'update-access-key', '--access-key-id', second.AccessKeyId, '--status', 'Inactive');
  assert.equal(deactivated.status, 0, deactivated.stderr);
  const refused = await aws({ accessKeyId: second.AccessKeyId, secretAccessKey: second.SecretAccessKey }, 'iam', 'list-access-keys');
  assert.notEqual(refused.status, 0);
  assert.equal(refused.stderr, 'An error occurred (InvalidClientTokenId) when calling the ListAccessKeys operation: The security token included in the request is invalid.');
});
