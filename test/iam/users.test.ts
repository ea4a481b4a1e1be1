// IAM users end to end through the AWS SDK: create/get/list/update/delete, tags, permissions
// boundaries, the account quota, pagination and the AccessDenied renderings of docs/aws-behaviour/access-denied-messages.md.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddUserToGroupCommand, AttachUserPolicyCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateLoginProfileCommand, CreateUserCommand,
  DeleteAccessKeyCommand, DeleteLoginProfileCommand, DeleteUserCommand, DeleteUserPermissionsBoundaryCommand, DeleteUserPolicyCommand,
  DetachUserPolicyCommand, GetUserCommand, ListUsersCommand, ListUserTagsCommand, PutUserPermissionsBoundaryCommand, PutUserPolicyCommand,
  RemoveUserFromGroupCommand, TagUserCommand, UntagUserCommand, UpdateUserCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { MAX_TAGS, USERS_PER_ACCOUNT } from '../support/defaults.ts';
import { ACCOUNT, allow, assertAwsError, deniedMessage, seedCustomerPolicy, seedUsers, userWithKey } from './identity-assertions.ts';

let f: TollgateFixture;
let root: IAMClient;
let clerk: Credentials; // an IAM user whose policies the tests set
let customerBoundary: string;
beforeEach(async () => {
  f = await startFixture();
  root = f.iam();
  clerk = await userWithKey(root, 'clerk');
  customerBoundary = await seedCustomerPolicy(f, 'Boundary', allow('s3:*'));
});
afterEach(() => f.close());

const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const setClerkPolicy = (document: string) => root.send(new PutUserPolicyCommand({ UserName: 'clerk', PolicyName: 'p', PolicyDocument: document }));

test('CreateUser with defaults, then with path, tags and boundary; GetUser answers the same user', async () => {
  const { User: plain } = await root.send(new CreateUserCommand({ UserName: 'alice' }));
  assert.equal(plain?.Path, '/');
  assert.equal(plain?.Arn, `arn:aws:iam::${ACCOUNT}:user/alice`);
  assert.match(plain?.UserId ?? '', /^AIDA[A-Z0-9]{17}$/);
  assert.ok(plain?.CreateDate instanceof Date);
  assert.equal(plain?.Tags, undefined);

  const { User: full } = await root.send(new CreateUserCommand({ UserName: 'bob', Path: '/eng/', Tags: [{ Key: 'team', Value: 'blue' }], PermissionsBoundary: READ_ONLY }));
  assert.equal(full?.Arn, `arn:aws:iam::${ACCOUNT}:user/eng/bob`);
  assert.deepEqual(full?.Tags, [{ Key: 'team', Value: 'blue' }]);
  assert.deepEqual(full?.PermissionsBoundary, { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: READ_ONLY });

  const { User: got } = await root.send(new GetUserCommand({ UserName: 'BOB' }));
  assert.deepEqual({ ...got, CreateDate: undefined }, { ...full, CreateDate: undefined });
});

test('CreateUser errors: taken name (any case), duplicate tag keys, bad and unknown boundaries, bad name', async () => {
  await root.send(new CreateUserCommand({ UserName: 'alice' }));
  await assertAwsError(root.send(new CreateUserCommand({ UserName: 'ALICE' })), { name: 'EntityAlreadyExistsException', status: 409, message: 'User with name ALICE already exists.' });
  await assertAwsError(root.send(new CreateUserCommand({ UserName: 'u1', Tags: [{ Key: 'k', Value: '1' }, { Key: 'K', Value: '2' }] })), {
    name: 'InvalidInputException', status: 400, message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
  });
  await assertAwsError(root.send(new CreateUserCommand({ UserName: 'u1', PermissionsBoundary: 'not-an-arn-at-all-really' })), {
    name: 'InvalidInputException', status: 400, message: 'ARN not-an-arn-at-all-really is not valid.',
  });
  const unknown = `arn:aws:iam::${ACCOUNT}:policy/Nope`;
  await assertAwsError(root.send(new CreateUserCommand({ UserName: 'u1', PermissionsBoundary: unknown })), {
    name: 'NoSuchEntityException', status: 404, message: `Scope ARN: ${unknown} does not exist or is not attachable.`,
  });
  await assertAwsError(root.send(new CreateUserCommand({ UserName: 'bad/name' })), {
    name: 'ValidationError', status: 400, message: '1 validation error detected: Value at \'userName\' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+',
  });
  await assertAwsError(root.send(new GetUserCommand({ UserName: 'u1' })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name u1 cannot be found.' });
});

test('GetUser without UserName: the root user\'s shape for root, the caller\'s own user for an IAM user', async () => {
  const { User: rootUser } = await root.send(new GetUserCommand({}));
  assert.equal(rootUser?.UserId, ACCOUNT);
  assert.equal(rootUser?.Arn, `arn:aws:iam::${ACCOUNT}:root`);
  assert.equal(rootUser?.UserName, undefined);
  await setClerkPolicy(allow('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`));
  const { User: self } = await f.iam(clerk).send(new GetUserCommand({}));
  assert.equal(self?.UserName, 'clerk');
  await assertAwsError(f.iam(clerk).send(new GetUserCommand({ UserName: 'alice' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('clerk', 'iam:GetUser', 'user alice'),
  });
});

test('ListUsers filters by PathPrefix and pages with Marker/MaxItems', async () => {
  for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) await root.send(new CreateUserCommand({ UserName: name, Path: '/paged/' }));
  const names: string[] = [];
  let marker: string | undefined;
  let pages = 0;
  do {
    const page = await root.send(new ListUsersCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: marker }));
    names.push(...(page.Users ?? []).map((u) => u.UserName!));
    assert.equal(page.IsTruncated, page.Marker !== undefined);
    assert.equal(page.Users?.[0]?.Tags, undefined, 'listings carry no tags');
    marker = page.Marker;
    pages++;
  } while (marker);
  assert.deepEqual(names, ['p1', 'p2', 'p3', 'p4', 'p5']);
  assert.equal(pages, 3);
  const all = await root.send(new ListUsersCommand({}));
  assert.deepEqual((all.Users ?? []).map((u) => u.UserName), ['clerk', 'p1', 'p2', 'p3', 'p4', 'p5']);
  assert.equal(all.IsTruncated, false);
  await assertAwsError(root.send(new ListUsersCommand({ Marker: 'garbage' })), { name: 'ValidationError', status: 400, message: 'Invalid Marker.' });
});

test('ListUsers denied: AccessDenied names the path prefix under user/', async () => {
  await setClerkPolicy(allow('iam:GetUser'));
  const clerkIam = f.iam(clerk);
  await assertAwsError(clerkIam.send(new ListUsersCommand({})), { name: 'AccessDenied', status: 403, message: deniedMessage('clerk', 'iam:ListUsers', `arn:aws:iam::${ACCOUNT}:user/`) });
  await assertAwsError(clerkIam.send(new ListUsersCommand({ PathPrefix: '/eng/' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('clerk', 'iam:ListUsers', `arn:aws:iam::${ACCOUNT}:user/eng/`),
  });
});

test('UpdateUser renames and moves a user; its key then authenticates as the new ARN', async () => {
  await root.send(new CreateUserCommand({ UserName: 'alice' }));
  const key = await userWithKey(root, 'carol');
  await root.send(new UpdateUserCommand({ UserName: 'carol', NewUserName: 'caroline', NewPath: '/ops/' }));
  await assertAwsError(root.send(new GetUserCommand({ UserName: 'carol' })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name carol cannot be found.' });
  const { User } = await root.send(new GetUserCommand({ UserName: 'caroline' }));
  assert.equal(User?.Arn, `arn:aws:iam::${ACCOUNT}:user/ops/caroline`);
  const identity = await f.sts(key).send(new GetCallerIdentityCommand({}));
  assert.equal(identity.Arn, `arn:aws:iam::${ACCOUNT}:user/ops/caroline`);
  await assertAwsError(root.send(new UpdateUserCommand({ UserName: 'caroline', NewUserName: 'Alice' })), {
    name: 'EntityAlreadyExistsException', status: 409, message: 'User with name Alice already exists.',
  });
  await assertAwsError(root.send(new UpdateUserCommand({ UserName: 'ghost', NewPath: '/x/' })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.' });
});

test('UpdateUser needs the permission on the user as it is and as it will be', async () => {
  await root.send(new CreateUserCommand({ UserName: 'alice' }));
  await setClerkPolicy(allow('iam:UpdateUser', `arn:aws:iam::${ACCOUNT}:user/alice`));
  await assertAwsError(f.iam(clerk).send(new UpdateUserCommand({ UserName: 'alice', NewUserName: 'alicia' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('clerk', 'iam:UpdateUser', 'user alicia'),
  });
  await setClerkPolicy(allow('iam:UpdateUser', [`arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::${ACCOUNT}:user/alicia`]));
  await f.iam(clerk).send(new UpdateUserCommand({ UserName: 'alice', NewUserName: 'alicia' }));
  await f.iam(clerk).send(new UpdateUserCommand({ UserName: 'alicia', NewUserName: 'alice' }));
});

test('DeleteUser refuses while keys, login profile, inline policies, attached policies or groups remain', async () => {
  await root.send(new CreateUserCommand({ UserName: 'dave' }));
  const { AccessKey } = await root.send(new CreateAccessKeyCommand({ UserName: 'dave' }));
  await root.send(new CreateLoginProfileCommand({ UserName: 'dave', Password: 'Passw0rd!Passw0rd' }));
  await root.send(new PutUserPolicyCommand({ UserName: 'dave', PolicyName: 'inline', PolicyDocument: allow('s3:GetObject') }));
  await root.send(new AttachUserPolicyCommand({ UserName: 'dave', PolicyArn: READ_ONLY }));
  await root.send(new CreateGroupCommand({ GroupName: 'dave-group' }));
  await root.send(new AddUserToGroupCommand({ UserName: 'dave', GroupName: 'dave-group' }));
  const steps: [string, () => Promise<unknown>][] = [
    ['Cannot delete entity, must delete access keys first.', () => root.send(new DeleteAccessKeyCommand({ UserName: 'dave', AccessKeyId: AccessKey!.AccessKeyId! }))],
    ['Cannot delete entity, must delete login profile first.', () => root.send(new DeleteLoginProfileCommand({ UserName: 'dave' }))],
    ['Cannot delete entity, must delete policies first.', () => root.send(new DeleteUserPolicyCommand({ UserName: 'dave', PolicyName: 'inline' }))],
    ['Cannot delete entity, must detach all policies first.', () => root.send(new DetachUserPolicyCommand({ UserName: 'dave', PolicyArn: READ_ONLY }))],
    ['Cannot delete entity, must remove users from group first.', () => root.send(new RemoveUserFromGroupCommand({ UserName: 'dave', GroupName: 'dave-group' }))],
  ];
  for (const [message, clear] of steps) {
    await assertAwsError(root.send(new DeleteUserCommand({ UserName: 'dave' })), { name: 'DeleteConflictException', status: 409, message });
    await clear();
  }
  await root.send(new DeleteUserCommand({ UserName: 'dave' }));
  await assertAwsError(root.send(new DeleteUserCommand({ UserName: 'dave' })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name dave cannot be found.' });
});

test('TagUser, ListUserTags (paginated), UntagUser, and the 50-tag quota', async () => {
  await root.send(new CreateUserCommand({ UserName: 'tagged', Tags: [{ Key: 'a', Value: '1' }] }));
  await root.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'A', Value: '2' }, { Key: 'b', Value: '3' }, { Key: 'c', Value: '' }] }));
  const first = await root.send(new ListUserTagsCommand({ UserName: 'tagged', MaxItems: 2 }));
  assert.deepEqual(first.Tags, [{ Key: 'A', Value: '2' }, { Key: 'b', Value: '3' }]);
  assert.equal(first.IsTruncated, true);
  const rest = await root.send(new ListUserTagsCommand({ UserName: 'tagged', Marker: first.Marker }));
  assert.deepEqual(rest.Tags, [{ Key: 'c', Value: '' }]);
  await root.send(new UntagUserCommand({ UserName: 'tagged', TagKeys: ['B', 'missing'] }));
  assert.deepEqual((await root.send(new ListUserTagsCommand({ UserName: 'tagged' }))).Tags, [{ Key: 'A', Value: '2' }, { Key: 'c', Value: '' }]);
  const many = Array.from({ length: MAX_TAGS - 2 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })); // with A and c: the quota
  await root.send(new TagUserCommand({ UserName: 'tagged', Tags: many }));
  await assertAwsError(root.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'one-too-many', Value: 'v' }] })), {
    name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for TagsPerResource: ${MAX_TAGS}`,
  });
  await assertAwsError(root.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'x', Value: '1' }, { Key: 'X', Value: '2' }] })), {
    name: 'InvalidInputException', status: 400, message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
  });
  await assertAwsError(root.send(new ListUserTagsCommand({ UserName: 'ghost' })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.' });
});

test('tag conditions: aws:RequestTag and aws:TagKeys on CreateUser/TagUser, aws:ResourceTag and iam:ResourceTag on the target', async () => {
  await setClerkPolicy(JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } },
      { Effect: 'Allow', Action: 'iam:GetUser', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue', 'iam:ResourceTag/team': 'blue' } } },
    ],
  }));
  const clerkIam = f.iam(clerk);
  await clerkIam.send(new CreateUserCommand({ UserName: 'blue1', Tags: [{ Key: 'team', Value: 'blue' }] }));
  await assertAwsError(clerkIam.send(new CreateUserCommand({ UserName: 'red1', Tags: [{ Key: 'team', Value: 'red' }] })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('clerk', 'iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/red1`),
  });
  await assertAwsError(clerkIam.send(new CreateUserCommand({ UserName: 'blue2', Tags: [{ Key: 'team', Value: 'blue' }, { Key: 'extra', Value: 'x' }] })), {
    name: 'AccessDenied', status: 403, message: new RegExp(`iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/blue2 `),
  });
  assert.equal((await clerkIam.send(new GetUserCommand({ UserName: 'blue1' }))).User?.UserName, 'blue1');
  await assertAwsError(clerkIam.send(new GetUserCommand({ UserName: 'alice' })), { name: 'AccessDenied', status: 403, message: deniedMessage('clerk', 'iam:GetUser', 'user alice') });
});

test('permissions boundaries: put (AWS or customer managed), delete, errors, and the iam:PermissionsBoundary key', async () => {
  const customer = customerBoundary;
  await root.send(new CreateUserCommand({ UserName: 'alice' }));
  await root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: customer }));
  assert.equal((await root.send(new GetUserCommand({ UserName: 'alice' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn, customer);
  await root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: READ_ONLY }));
  assert.equal((await root.send(new GetUserCommand({ UserName: 'alice' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn, READ_ONLY);
  await root.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'alice' }));
  assert.equal((await root.send(new GetUserCommand({ UserName: 'alice' }))).User?.PermissionsBoundary, undefined);
  const unknown = 'arn:aws:iam::aws:policy/NoSuchPolicyAnywhere';
  await assertAwsError(root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: unknown })), {
    name: 'NoSuchEntityException', status: 404, message: `Scope ARN: ${unknown} does not exist or is not attachable.`,
  });
  await assertAwsError(root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: 'policy/ReadOnlyAccess-x' })), {
    name: 'InvalidInputException', status: 400, message: 'ARN policy/ReadOnlyAccess-x is not valid.',
  });
  await assertAwsError(root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'ghost', PermissionsBoundary: READ_ONLY })), {
    name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.',
  });
  // The clerk may set only the read-only boundary, and create users only with it.
  await setClerkPolicy(allow(['iam:PutUserPermissionsBoundary', 'iam:CreateUser'], '*', { StringEquals: { 'iam:PermissionsBoundary': READ_ONLY } }));
  const clerkIam = f.iam(clerk);
  await clerkIam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: READ_ONLY }));
  await assertAwsError(clerkIam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: customer })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('clerk', 'iam:PutUserPermissionsBoundary', `arn:aws:iam::${ACCOUNT}:user/alice`),
  });
  await clerkIam.send(new CreateUserCommand({ UserName: 'bounded', PermissionsBoundary: READ_ONLY }));
  await assertAwsError(clerkIam.send(new CreateUserCommand({ UserName: 'unbounded' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('clerk', 'iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/unbounded`),
  });
});

test('a user\'s permissions boundary limits what its policies allow, from the next request on', async () => {
  const key = await userWithKey(root, 'limited');
  await root.send(new PutUserPolicyCommand({ UserName: 'limited', PolicyName: 'all', PolicyDocument: allow('iam:*') }));
  await f.iam(key).send(new ListUsersCommand({ MaxItems: 1 }));
  await root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'limited', PermissionsBoundary: customerBoundary }));
  await assertAwsError(f.iam(key).send(new ListUsersCommand({})), {
    name: 'AccessDenied', status: 403,
    message: `User: arn:aws:iam::${ACCOUNT}:user/limited is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ because no permissions boundary allows the iam:ListUsers action`,
  });
});

test(`at most ${USERS_PER_ACCOUNT} users per account`, async () => {
  const existing = (await root.send(new ListUsersCommand({ MaxItems: 1000 }))).Users?.length ?? 0;
  await seedUsers(f, 'seeded', USERS_PER_ACCOUNT - existing);
  await assertAwsError(root.send(new CreateUserCommand({ UserName: 'one-too-many' })), {
    name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for UsersPerAccount: ${USERS_PER_ACCOUNT}`,
  });
});
