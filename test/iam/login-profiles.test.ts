// Login profiles and the account password policy end to end through the AWS SDK.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateLoginProfileCommand, CreateUserCommand, DeleteAccountPasswordPolicyCommand, DeleteLoginProfileCommand, GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand, PutUserPolicyCommand, UpdateAccountPasswordPolicyCommand, UpdateLoginProfileCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { verifyPassword } from '../../src/services/iam/identities/identity-password.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, allow, assertAwsError, deniedMessage, userWithKey } from './identity-assertions.ts';

let f: TollgateFixture;
let root: IAMClient;
let helpdesk: Credentials;
beforeEach(async () => {
  f = await startFixture();
  root = f.iam();
  helpdesk = await userWithKey(root, 'helpdesk');
  await root.send(new CreateUserCommand({ UserName: 'erin' }));
});
afterEach(() => f.close());

const violation = { name: 'PasswordPolicyViolationException', status: 400, message: 'Password does not conform to the account password policy.' };
const noPolicy = { name: 'NoSuchEntityException', status: 404, message: `The Password Policy with domain name ${ACCOUNT} cannot be found.` };

/** The stored hash of erin's password, read from the store (it never leaves through the API). */
async function storedHash(): Promise<string> {
  const store = f.tollgate.runtime.store;
  const user = await store.users.get(ACCOUNT, 'erin');
  return (await store.loginProfiles.get(ACCOUNT, user!.id))!.passwordHash;
}

test('CreateLoginProfile stores a salted scrypt hash; GetLoginProfile shows no password; duplicates are refused', async () => {
  const { LoginProfile } = await root.send(new CreateLoginProfileCommand({ UserName: 'ERIN', Password: 'Correct-Horse-9', PasswordResetRequired: true }));
  assert.equal(LoginProfile?.UserName, 'erin');
  assert.equal(LoginProfile?.PasswordResetRequired, true);
  const hash = await storedHash();
  assert.match(hash, /^scrypt\$/);
  assert.ok(!hash.includes('Correct-Horse-9'));
  assert.ok(await verifyPassword('Correct-Horse-9', hash));
  assert.ok(!(await verifyPassword('Correct-Horse-8', hash)));
  const got = await root.send(new GetLoginProfileCommand({ UserName: 'erin' }));
  assert.deepEqual(Object.keys(got.LoginProfile ?? {}).sort(), ['CreateDate', 'PasswordResetRequired', 'UserName']);
  await assertAwsError(root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'Another-Pass-1' })), {
    name: 'EntityAlreadyExistsException', status: 409, message: 'Login Profile for user erin already exists.',
  });
  await assertAwsError(root.send(new CreateLoginProfileCommand({ UserName: 'ghost', Password: 'Another-Pass-1' })), {
    name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.',
  });
});

test('UpdateLoginProfile changes the password and the reset flag; DeleteLoginProfile removes it', async () => {
  await root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'Correct-Horse-9', PasswordResetRequired: true }));
  const before = await storedHash();
  await root.send(new UpdateLoginProfileCommand({ UserName: 'erin', Password: 'Battery-Staple-7', PasswordResetRequired: false }));
  const after = await storedHash();
  assert.notEqual(after, before);
  assert.ok(await verifyPassword('Battery-Staple-7', after));
  assert.equal((await root.send(new GetLoginProfileCommand({ UserName: 'erin' }))).LoginProfile?.PasswordResetRequired, false);
  await root.send(new DeleteLoginProfileCommand({ UserName: 'erin' }));
  const missing = { name: 'NoSuchEntityException', status: 404, message: 'Login Profile for User erin cannot be found.' };
  await assertAwsError(root.send(new GetLoginProfileCommand({ UserName: 'erin' })), missing);
  await assertAwsError(root.send(new UpdateLoginProfileCommand({ UserName: 'erin', PasswordResetRequired: true })), missing);
  await assertAwsError(root.send(new DeleteLoginProfileCommand({ UserName: 'erin' })), missing);
});

test('without an account policy, AWS\'s default applies: 8 characters of three kinds', async () => {
  await assertAwsError(root.send(new GetAccountPasswordPolicyCommand({})), noPolicy);
  await assertAwsError(root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'short1A' })), violation);
  await assertAwsError(root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'alllowercase' })), violation);
  await root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'lower-and-9' }));
  await root.send(new DeleteLoginProfileCommand({ UserName: 'erin' }));
});

test('the account password policy: update, get, enforcement on create and update, delete', async () => {
  await root.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, RequireSymbols: true, RequireNumbers: true, MaxPasswordAge: 90, PasswordReusePrevention: 5 }));
  const { PasswordPolicy } = await root.send(new GetAccountPasswordPolicyCommand({}));
  assert.deepEqual(PasswordPolicy, {
    MinimumPasswordLength: 12, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false,
    AllowUsersToChangePassword: false, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 5, HardExpiry: false,
  });
  await assertAwsError(root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'no-digits-here!' })), violation);
  await assertAwsError(root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'short-1!' })), violation);
  await assertAwsError(root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'nosymbols1234' })), violation);
  await root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'all-lower-12!' }));
  await assertAwsError(root.send(new UpdateLoginProfileCommand({ UserName: 'erin', Password: 'weak' })), violation);
  // A later update replaces the whole policy: members left out take their defaults.
  await root.send(new UpdateAccountPasswordPolicyCommand({ RequireUppercaseCharacters: true }));
  const { PasswordPolicy: replaced } = await root.send(new GetAccountPasswordPolicyCommand({}));
  assert.deepEqual(replaced, {
    MinimumPasswordLength: 6, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: true, RequireLowercaseCharacters: false,
    AllowUsersToChangePassword: false, ExpirePasswords: false,
  });
  await root.send(new UpdateLoginProfileCommand({ UserName: 'erin', Password: 'Upper' + 'x' }));
  await root.send(new DeleteAccountPasswordPolicyCommand({}));
  await assertAwsError(root.send(new GetAccountPasswordPolicyCommand({})), noPolicy);
  await assertAwsError(root.send(new DeleteAccountPasswordPolicyCommand({})), noPolicy);
  await assertAwsError(root.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 5 })), {
    name: 'ValidationError', status: 400, message: '1 validation error detected: Value at \'minimumPasswordLength\' failed to satisfy constraint: Member must have value greater than or equal to 6',
  });
});

test('authorization: login profiles on the user ARN (GetLoginProfile names `user <UserName>`), the password policy on *', async () => {
  const iam = f.iam(helpdesk);
  await root.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'Correct-Horse-9' }));
  await assertAwsError(iam.send(new GetLoginProfileCommand({ UserName: 'erin' })), { name: 'AccessDenied', status: 403, message: deniedMessage('helpdesk', 'iam:GetLoginProfile', 'user erin') });
  await assertAwsError(iam.send(new DeleteLoginProfileCommand({ UserName: 'erin' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('helpdesk', 'iam:DeleteLoginProfile', `arn:aws:iam::${ACCOUNT}:user/erin`),
  });
  await assertAwsError(iam.send(new GetAccountPasswordPolicyCommand({})), { name: 'AccessDenied', status: 403, message: deniedMessage('helpdesk', 'iam:GetAccountPasswordPolicy', '*') });
  await root.send(new PutUserPolicyCommand({ UserName: 'helpdesk', PolicyName: 'p', PolicyDocument: allow(['iam:GetLoginProfile', 'iam:UpdateLoginProfile'], `arn:aws:iam::${ACCOUNT}:user/erin`) }));
  assert.equal((await iam.send(new GetLoginProfileCommand({ UserName: 'erin' }))).LoginProfile?.UserName, 'erin');
  await iam.send(new UpdateLoginProfileCommand({ UserName: 'erin', PasswordResetRequired: true }));
});

test('a login profile request without UserName (or CreateLoginProfile without Password) is a ValidationError naming each, as before the model made them optional', async () => {
  const missing = (members: string[]) => ({
    name: 'ValidationError', status: 400,
    message: `${members.length} validation error${members.length === 1 ? '' : 's'} detected: ${members.map((m) => `Value null at '${m}' failed to satisfy constraint: Member must not be null`).join('; ')}`,
  });
  await assertAwsError(root.send(new GetLoginProfileCommand({})), missing(['userName']));
  await assertAwsError(root.send(new DeleteLoginProfileCommand({})), missing(['userName']));
  await assertAwsError(root.send(new CreateLoginProfileCommand({ UserName: 'erin' })), missing(['password']));
  await assertAwsError(root.send(new CreateLoginProfileCommand({})), missing(['userName', 'password']));
});
