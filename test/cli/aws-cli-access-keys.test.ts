// The access-key story with the real AWS CLI (issue #3): a user with the classic self-service policy
// manages its own keys, up to two, never sees a secret again, cannot touch another user's keys, and an
// Inactive key is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
before(async () => {
  f = await startFixture();
});
after(() => f.close());

/**
 * Runs `aws ARGS` as `credentials`; resolves with exit status, stdout and stderr. Asynchronous, because
 * the server under test answers on this process's event loop.
 */
function aws(credentials: Credentials, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
  };
  return new Promise((resolve) => {
    execFile('aws', ['--endpoint-url', f.url, '--region', 'us-east-1', '--output', 'json', ...args], { encoding: 'utf8', env }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ status, stdout, stderr: stderr.trim() });
    });
  });
}

const selfService = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'ManageOwnAccessKeys', Effect: 'Allow', Action: ['iam:*AccessKey*'], Resource: 'arn:aws:iam::111122223333:user/${aws:username}' }],
});

test('the access-key story with the AWS CLI', async () => {
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
  assert.equal(third.stderr, 'An error occurred (LimitExceeded) when calling the CreateAccessKey operation: Cannot exceed quota for AccessKeysPerUser: 2');

  const listed = await aws(alice, 'iam', 'list-access-keys');
  assert.equal(listed.status, 0, listed.stderr);
  const keys = JSON.parse(listed.stdout).AccessKeyMetadata as Record<string, string>[];
  assert.deepEqual(keys.map((k) => k['AccessKeyId']).sort(), [first.AccessKeyId, second.AccessKeyId].sort());
  assert.ok(!listed.stdout.includes(second.SecretAccessKey) && !listed.stdout.includes('SecretAccessKey'), 'a listing never carries a secret');

  const forBob = await aws(alice, 'iam', 'create-access-key', '--user-name', 'bob');
  assert.notEqual(forBob.status, 0);
  assert.equal(
    forBob.stderr,
    'An error occurred (AccessDenied) when calling the CreateAccessKey operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:CreateAccessKey on resource: arn:aws:iam::111122223333:user/bob because no identity-based policy allows the iam:CreateAccessKey action',
  );

  const deactivated = await aws(alice, 'iam', 'update-access-key', '--access-key-id', second.AccessKeyId, '--status', 'Inactive');
  assert.equal(deactivated.status, 0, deactivated.stderr);
  const refused = await aws({ accessKeyId: second.AccessKeyId, secretAccessKey: second.SecretAccessKey }, 'iam', 'list-access-keys');
  assert.notEqual(refused.status, 0);
  assert.equal(refused.stderr, 'An error occurred (InvalidClientTokenId) when calling the ListAccessKeys operation: The security token included in the request is invalid.');
});
