// IAM groups end to end through the AWS SDK: create/get/list/update/delete, membership and its quota,
// and grants through groups taking effect (and being revoked) on the very next request.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddUserToGroupCommand, AttachGroupPolicyCommand, CreateGroupCommand, CreateUserCommand, DeleteGroupCommand, DeleteGroupPolicyCommand,
  DetachGroupPolicyCommand, GetGroupCommand, ListGroupsCommand, ListGroupsForUserCommand, ListUsersCommand, PutGroupPolicyCommand,
  PutUserPolicyCommand, RemoveUserFromGroupCommand, UpdateGroupCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { iamArn } from '../../src/kernel/iam-arns.ts';
import { GROUPS_PER_ACCOUNT, GROUPS_PER_USER } from '../support/defaults.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, allow, assertAwsError, deniedMessage, userWithKey } from './identity-assertions.ts';

let f: TollgateFixture;
let root: IAMClient;
let member: Credentials;
beforeEach(async () => {
  f = await startFixture();
  root = f.iam();
  member = await userWithKey(root, 'member');
  for (const name of ['u1', 'u2', 'u3']) await root.send(new CreateUserCommand({ UserName: name }));
});
afterEach(() => f.close());

/** Groups `devs` (path /eng/, members u1, u2 and u3) and `plain`. */
async function devsAndPlain(): Promise<void> {
  await root.send(new CreateGroupCommand({ GroupName: 'devs', Path: '/eng/' }));
  await root.send(new CreateGroupCommand({ GroupName: 'plain' }));
  for (const name of ['u1', 'u2', 'u3']) await root.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: name }));
}

test('CreateGroup and GetGroup with its members, paginated', async () => {
  const { Group } = await root.send(new CreateGroupCommand({ GroupName: 'devs', Path: '/eng/' }));
  assert.equal(Group?.Arn, `arn:aws:iam::${ACCOUNT}:group/eng/devs`);
  assert.match(Group?.GroupId ?? '', /^AGPA[A-Z0-9]{17}$/);
  assert.equal((await root.send(new CreateGroupCommand({ GroupName: 'plain' }))).Group?.Path, '/');
  for (const name of ['u3', 'u1', 'u2']) await root.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: name }));
  await root.send(new AddUserToGroupCommand({ GroupName: 'DEVS', UserName: 'u1' })); // already a member: no-op
  const first = await root.send(new GetGroupCommand({ GroupName: 'devs', MaxItems: 2 }));
  assert.equal(first.Group?.GroupName, 'devs');
  assert.deepEqual(first.Users?.map((u) => u.UserName), ['u1', 'u2']);
  assert.equal(first.IsTruncated, true);
  const rest = await root.send(new GetGroupCommand({ GroupName: 'devs', Marker: first.Marker }));
  assert.deepEqual(rest.Users?.map((u) => u.UserName), ['u3']);
  assert.equal(rest.IsTruncated, false);
});

test('group errors: taken name, missing group or user, bad name', async () => {
  await devsAndPlain();
  await assertAwsError(root.send(new CreateGroupCommand({ GroupName: 'Devs' })), { name: 'EntityAlreadyExistsException', status: 409, message: 'Group with name Devs already exists.' });
  await assertAwsError(root.send(new GetGroupCommand({ GroupName: 'nope' })), { name: 'NoSuchEntityException', status: 404, message: 'The group with name nope cannot be found.' });
  await assertAwsError(root.send(new AddUserToGroupCommand({ GroupName: 'nope', UserName: 'u1' })), { name: 'NoSuchEntityException', status: 404, message: 'The group with name nope cannot be found.' });
  await assertAwsError(root.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'ghost' })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.' });
  await assertAwsError(root.send(new RemoveUserFromGroupCommand({ GroupName: 'plain', UserName: 'u1' })), { name: 'NoSuchEntityException', status: 404, message: 'User u1 not in group plain' });
  await assertAwsError(root.send(new ListGroupsForUserCommand({ UserName: 'ghost' })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.' });
  await assertAwsError(root.send(new CreateGroupCommand({ GroupName: 'a b' })), {
    name: 'ValidationError', status: 400, message: '1 validation error detected: Value at \'groupName\' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+',
  });
});

test('ListGroups by PathPrefix, paginated; ListGroupsForUser in joining order', async () => {
  await devsAndPlain();
  for (const name of ['g1', 'g2', 'g3']) await root.send(new CreateGroupCommand({ GroupName: name, Path: '/list/' }));
  const first = await root.send(new ListGroupsCommand({ PathPrefix: '/list/', MaxItems: 2 }));
  assert.deepEqual(first.Groups?.map((g) => g.GroupName), ['g1', 'g2']);
  const rest = await root.send(new ListGroupsCommand({ PathPrefix: '/list/', MaxItems: 2, Marker: first.Marker }));
  assert.deepEqual(rest.Groups?.map((g) => g.GroupName), ['g3']);
  assert.equal(rest.Marker, undefined);
  for (const name of ['g3', 'g1']) await root.send(new AddUserToGroupCommand({ GroupName: name, UserName: 'u2' }));
  const groups = await root.send(new ListGroupsForUserCommand({ UserName: 'u2', MaxItems: 2 }));
  assert.deepEqual(groups.Groups?.map((g) => g.GroupName), ['devs', 'g3']);
  assert.equal(groups.IsTruncated, true);
  assert.deepEqual((await root.send(new ListGroupsForUserCommand({ UserName: 'u2', Marker: groups.Marker }))).Groups?.map((g) => g.GroupName), ['g1']);
});

test('UpdateGroup renames and moves; members stay', async () => {
  await devsAndPlain();
  await root.send(new UpdateGroupCommand({ GroupName: 'devs', NewGroupName: 'developers', NewPath: '/team/' }));
  const { Group, Users } = await root.send(new GetGroupCommand({ GroupName: 'developers' }));
  assert.equal(Group?.Arn, `arn:aws:iam::${ACCOUNT}:group/team/developers`);
  assert.equal(Users?.length, 3);
  await assertAwsError(root.send(new UpdateGroupCommand({ GroupName: 'developers', NewGroupName: 'PLAIN' })), { name: 'EntityAlreadyExistsException', status: 409, message: 'Group with name PLAIN already exists.' });
  await assertAwsError(root.send(new UpdateGroupCommand({ GroupName: 'devs', NewPath: '/x/' })), { name: 'NoSuchEntityException', status: 404, message: 'The group with name devs cannot be found.' });
});

test('DeleteGroup refuses while members, inline policies or attached policies remain', async () => {
  await root.send(new CreateGroupCommand({ GroupName: 'doomed' }));
  await root.send(new AddUserToGroupCommand({ GroupName: 'doomed', UserName: 'u3' }));
  await root.send(new PutGroupPolicyCommand({ GroupName: 'doomed', PolicyName: 'p', PolicyDocument: allow('s3:GetObject') }));
  await root.send(new AttachGroupPolicyCommand({ GroupName: 'doomed', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  const steps: [string, () => Promise<unknown>][] = [
    ['Cannot delete entity, must remove users from group first.', () => root.send(new RemoveUserFromGroupCommand({ GroupName: 'doomed', UserName: 'u3' }))],
    ['Cannot delete entity, must delete policies first.', () => root.send(new DeleteGroupPolicyCommand({ GroupName: 'doomed', PolicyName: 'p' }))],
    ['Cannot delete entity, must detach all policies first.', () => root.send(new DetachGroupPolicyCommand({ GroupName: 'doomed', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }))],
  ];
  for (const [message, clear] of steps) {
    await assertAwsError(root.send(new DeleteGroupCommand({ GroupName: 'doomed' })), { name: 'DeleteConflictException', status: 409, message });
    await clear();
  }
  await root.send(new DeleteGroupCommand({ GroupName: 'doomed' }));
  await assertAwsError(root.send(new DeleteGroupCommand({ GroupName: 'doomed' })), { name: 'NoSuchEntityException', status: 404, message: 'The group with name doomed cannot be found.' });
});

test(`a user belongs to at most ${GROUPS_PER_USER} groups`, async () => {
  await root.send(new CreateUserCommand({ UserName: 'joiner' }));
  for (let i = 0; i < GROUPS_PER_USER; i++) {
    await root.send(new CreateGroupCommand({ GroupName: `club${i}` }));
    await root.send(new AddUserToGroupCommand({ GroupName: `club${i}`, UserName: 'joiner' }));
  }
  await root.send(new CreateGroupCommand({ GroupName: 'one-more' }));
  await assertAwsError(root.send(new AddUserToGroupCommand({ GroupName: 'one-more', UserName: 'joiner' })), {
    name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for GroupsPerUser: ${GROUPS_PER_USER}`,
  });
  await root.send(new AddUserToGroupCommand({ GroupName: 'club0', UserName: 'joiner' })); // re-adding a member stays within the quota
});

test('grants through a group take effect on the next request; leaving the group or losing the policy revokes them', async () => {
  const iam = f.iam(member);
  const denied = { name: 'AccessDenied', status: 403, message: deniedMessage('member', 'iam:ListUsers', `arn:aws:iam::${ACCOUNT}:user/`) };
  await assertAwsError(iam.send(new ListUsersCommand({})), denied);
  await root.send(new CreateGroupCommand({ GroupName: 'readers' }));
  await root.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'list', PolicyDocument: allow('iam:ListUsers') }));
  await root.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'member' }));
  await iam.send(new ListUsersCommand({}));
  await root.send(new RemoveUserFromGroupCommand({ GroupName: 'readers', UserName: 'member' }));
  await assertAwsError(iam.send(new ListUsersCommand({})), denied);
  // A managed policy attached to the group, then detached.
  await root.send(new DeleteGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'list' }));
  await root.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'member' }));
  await assertAwsError(iam.send(new ListUsersCommand({})), denied);
  await root.send(new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
  await iam.send(new ListUsersCommand({}));
  await root.send(new DetachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
  await assertAwsError(iam.send(new ListUsersCommand({})), denied);
});

test('group operations are authorized on the group ARN with its path; ListGroups names the path prefix', async () => {
  const iam = f.iam(member);
  await root.send(new CreateGroupCommand({ GroupName: 'developers', Path: '/team/' }));
  await root.send(new CreateGroupCommand({ GroupName: 'plain' }));
  await root.send(new PutUserPolicyCommand({ UserName: 'member', PolicyName: 'groups', PolicyDocument: allow('iam:GetGroup', `arn:aws:iam::${ACCOUNT}:group/team/*`) }));
  await iam.send(new GetGroupCommand({ GroupName: 'developers' }));
  await assertAwsError(iam.send(new GetGroupCommand({ GroupName: 'plain' })), { name: 'AccessDenied', status: 403, message: deniedMessage('member', 'iam:GetGroup', `arn:aws:iam::${ACCOUNT}:group/plain`) });
  await assertAwsError(iam.send(new AddUserToGroupCommand({ GroupName: 'developers', UserName: 'member' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('member', 'iam:AddUserToGroup', `arn:aws:iam::${ACCOUNT}:group/team/developers`),
  });
  await assertAwsError(iam.send(new CreateGroupCommand({ GroupName: 'mine', Path: '/team/' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('member', 'iam:CreateGroup', `arn:aws:iam::${ACCOUNT}:group/team/mine`),
  });
  await assertAwsError(iam.send(new ListGroupsCommand({ PathPrefix: '/team/' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('member', 'iam:ListGroups', `arn:aws:iam::${ACCOUNT}:group/team/`),
  });
  await assertAwsError(iam.send(new ListGroupsForUserCommand({ UserName: 'u1' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('member', 'iam:ListGroupsForUser', `arn:aws:iam::${ACCOUNT}:user/u1`),
  });
});

test(`at most ${GROUPS_PER_ACCOUNT} groups per account`, async () => {
  const existing = (await root.send(new ListGroupsCommand({ MaxItems: 1000 }))).Groups?.length ?? 0;
  await f.tollgate.runtime.store.transaction(async (tx) => {
    for (let i = existing; i < GROUPS_PER_ACCOUNT; i++) {
      const name = `seeded${i}`;
      await tx.groups.insert({ accountId: ACCOUNT, id: `AGPASEED${String(i).padStart(13, '0')}`, name, path: '/', arn: iamArn(ACCOUNT, 'group', '/', name), createdAt: new Date() });
    }
  });
  await assertAwsError(root.send(new CreateGroupCommand({ GroupName: 'one-too-many' })), {
    name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for GroupsPerAccount: ${GROUPS_PER_ACCOUNT}`,
  });
});
