// Access keys end to end through the AWS SDK: create (secret once), list (never a secret), update,
// delete, GetAccessKeyLastUsed, the two-key quota under concurrency, root keys, and the classic
// self-service policy (`iam:*AccessKey*` on `user/${aws:username}`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, GetAccessKeyLastUsedCommand, ListAccessKeysCommand,
  PutUserPolicyCommand, UpdateAccessKeyCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { signRequest } from '../../src/sigv4/index.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCESS_KEYS_PER_USER } from '../support/defaults.ts';
import { ACCOUNT, assertAwsError, deniedMessage, eventually, userWithKey } from './identity-assertions.ts';

let f: TollgateFixture;
let root: IAMClient;
let alice: Credentials;
before(async () => {
  f = await startFixture();
  root = f.iam();
  alice = await userWithKey(root, 'alice');
  await root.send(new CreateUserCommand({ UserName: 'bob' }));
  await root.send(new PutUserPolicyCommand({
    UserName: 'alice',
    PolicyName: 'self-service-keys',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` }] }),
  }));
});
after(() => f.close());

const invalidToken = { name: 'InvalidClientTokenId', status: 403, message: 'The security token included in the request is invalid.' };

test('CreateAccessKey returns the secret once; ListAccessKeys never shows it', async () => {
  const { AccessKey } = await root.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
  assert.equal(AccessKey?.UserName, 'bob');
  assert.equal(AccessKey?.Status, 'Active');
  assert.match(AccessKey?.AccessKeyId ?? '', /^AKIA[A-Z2-7]{16}$/);
  assert.match(AccessKey?.SecretAccessKey ?? '', /^[A-Za-z0-9/+]{40}$/);
  const { AccessKeyMetadata } = await root.send(new ListAccessKeysCommand({ UserName: 'bob' }));
  assert.deepEqual(AccessKeyMetadata?.map((k) => [k.UserName, k.AccessKeyId, k.Status]), [['bob', AccessKey?.AccessKeyId, 'Active']]);
  // The raw response, not only the SDK's parsed view, carries no secret.
  const body = 'Action=ListAccessKeys&Version=2010-05-08&UserName=bob';
  const signed = signRequest({
    method: 'POST', path: '/', headers: { host: new URL(f.url).host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body,
    credentials: f.root, region: 'us-east-1', service: 'iam', time: Date.now(),
  });
  const xml = await (await fetch(`${f.url}/`, { method: 'POST', headers: signed.request.headers, body })).text();
  assert.ok(xml.includes(AccessKey!.AccessKeyId!) && !xml.includes(AccessKey!.SecretAccessKey!) && !xml.includes('SecretAccessKey'));
  await root.send(new DeleteAccessKeyCommand({ UserName: 'bob', AccessKeyId: AccessKey!.AccessKeyId! }));
});

test('the self-service policy: own keys yes (a second, not a third), another user\'s no', async () => {
  const iam = f.iam(alice);
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({}));
  assert.equal(AccessKey?.UserName, 'alice');
  await assertAwsError(iam.send(new CreateAccessKeyCommand({})), { name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}` });
  const { AccessKeyMetadata } = await iam.send(new ListAccessKeysCommand({}));
  assert.deepEqual(AccessKeyMetadata?.map((k) => k.AccessKeyId).sort(), [alice.accessKeyId, AccessKey!.AccessKeyId!].sort());
  for (const [action, call] of [
    ['iam:CreateAccessKey', iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }))],
    ['iam:ListAccessKeys', iam.send(new ListAccessKeysCommand({ UserName: 'bob' }))],
    ['iam:DeleteAccessKey', iam.send(new DeleteAccessKeyCommand({ UserName: 'bob', AccessKeyId: alice.accessKeyId }))],
  ] as const) {
    await assertAwsError(call, { name: 'AccessDenied', status: 403, message: deniedMessage('alice', action, `arn:aws:iam::${ACCOUNT}:user/bob`) });
  }
  await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: AccessKey!.AccessKeyId! }));
  await assertAwsError(f.sts({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).send(new GetCallerIdentityCommand({})), invalidToken);
});

test('an Inactive key is refused at authentication until it is made Active again', async () => {
  const key = await userWithKey(root, 'carol');
  await root.send(new UpdateAccessKeyCommand({ UserName: 'carol', AccessKeyId: key.accessKeyId, Status: 'Inactive' }));
  assert.equal((await root.send(new ListAccessKeysCommand({ UserName: 'carol' }))).AccessKeyMetadata?.[0]?.Status, 'Inactive');
  await assertAwsError(f.sts(key).send(new GetCallerIdentityCommand({})), invalidToken);
  await root.send(new UpdateAccessKeyCommand({ UserName: 'carol', AccessKeyId: key.accessKeyId, Status: 'Active' }));
  assert.equal((await f.sts(key).send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:user/carol`);
});

test('a key that is not the named user\'s is NoSuchEntity; a missing user too; Expired cannot be set', async () => {
  const missing = { name: 'NoSuchEntityException', status: 404, message: `The Access Key with id ${alice.accessKeyId} cannot be found.` };
  await assertAwsError(root.send(new UpdateAccessKeyCommand({ UserName: 'bob', AccessKeyId: alice.accessKeyId, Status: 'Inactive' })), missing);
  await assertAwsError(root.send(new DeleteAccessKeyCommand({ UserName: 'bob', AccessKeyId: alice.accessKeyId })), missing);
  await assertAwsError(root.send(new DeleteAccessKeyCommand({ AccessKeyId: alice.accessKeyId })), missing); // root's own keys
  const unknown = 'AKIAAAAAAAAAAAAAAAAA';
  await assertAwsError(root.send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: unknown })), { ...missing, message: `The Access Key with id ${unknown} cannot be found.` });
  await assertAwsError(root.send(new CreateAccessKeyCommand({ UserName: 'ghost' })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.' });
  await assertAwsError(root.send(new ListAccessKeysCommand({ UserName: 'ghost' })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.' });
  await assertAwsError(root.send(new UpdateAccessKeyCommand({ UserName: 'alice', AccessKeyId: alice.accessKeyId, Status: 'Expired' })), {
    name: 'InvalidInputException', status: 400, message: 'Access key status Expired cannot be set; use Active or Inactive.',
  });
});

test('the two-key quota holds under concurrent CreateAccessKey requests', async () => {
  await root.send(new CreateUserCommand({ UserName: 'racer' }));
  const results = await Promise.allSettled(Array.from({ length: 8 }, () => root.send(new CreateAccessKeyCommand({ UserName: 'racer' }))));
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 2);
  for (const r of results) {
    if (r.status === 'rejected') assert.equal((r.reason as Error).message, `Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`);
  }
  assert.equal((await root.send(new ListAccessKeysCommand({ UserName: 'racer' }))).AccessKeyMetadata?.length, 2);
});

test('root without UserName manages the root user\'s own keys (two at most)', async () => {
  const { AccessKey } = await root.send(new CreateAccessKeyCommand({}));
  assert.equal(AccessKey?.UserName, undefined);
  const second: Credentials = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  assert.equal((await f.sts(second).send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:root`);
  await assertAwsError(root.send(new CreateAccessKeyCommand({})), { name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}` });
  const listed = await root.send(new ListAccessKeysCommand({ MaxItems: 1 }));
  assert.equal(listed.AccessKeyMetadata?.[0]?.AccessKeyId, f.root.accessKeyId);
  assert.equal(listed.IsTruncated, true);
  const rest = await root.send(new ListAccessKeysCommand({ Marker: listed.Marker }));
  assert.deepEqual(rest.AccessKeyMetadata?.map((k) => k.AccessKeyId), [second.accessKeyId]);
  await root.send(new DeleteAccessKeyCommand({ AccessKeyId: second.accessKeyId }));
});

test('GetAccessKeyLastUsed: N/A before use, then service, region and date; AWS\'s AccessDenied for unknown keys', async () => {
  const key = await userWithKey(root, 'dave');
  const before = await root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.accessKeyId }));
  assert.equal(before.UserName, 'dave');
  assert.deepEqual(before.AccessKeyLastUsed, { ServiceName: 'N/A', Region: 'N/A' });
  await f.sts(key, 'eu-west-1').send(new GetCallerIdentityCommand({}));
  await eventually(async () => {
    const after = await root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.accessKeyId }));
    assert.equal(after.AccessKeyLastUsed?.ServiceName, 'sts');
    assert.equal(after.AccessKeyLastUsed?.Region, 'eu-west-1');
    assert.ok(after.AccessKeyLastUsed?.LastUsedDate instanceof Date);
  });
  // Alice may ask about her own key, not about dave's; nobody gets NoSuchEntity for a key that does not exist.
  assert.equal((await f.iam(alice).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: alice.accessKeyId }))).UserName, 'alice');
  await assertAwsError(f.iam(alice).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.accessKeyId })), {
    name: 'AccessDenied', status: 403, message: new RegExp(`^User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform:? iam:GetAccessKeyLastUsed on resource: access key ${key.accessKeyId}`),
  });
  const unknown = 'AKIAZZZZZZZZZZZZZZZZ';
  await assertAwsError(root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: unknown })), {
    name: 'AccessDenied', status: 403, message: `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key ${unknown}`,
  });
});
