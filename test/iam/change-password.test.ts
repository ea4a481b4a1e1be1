// iam:ChangePassword end to end through the AWS SDK: who may call it, the account-level grant of
// AllowUsersToChangePassword, the password policy, wrong current passwords and their bound.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ChangePasswordCommand, CreateLoginProfileCommand, CreateRoleCommand, CreateUserCommand, DeleteAccountPasswordPolicyCommand, GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand, PutRolePolicyCommand, PutUserPolicyCommand, UpdateAccountPasswordPolicyCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { verifyPassword } from '../../src/services/iam/identities/identity-password.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, allow, assertAwsError, deniedMessage, userWithKey } from './identity-assertions.ts';

let f: TollgateFixture;
let root: IAMClient;
before(async () => {
  f = await startFixture();
  root = f.iam();
});
after(() => f.close());

/** A user with an access key and a console password. */
async function userWithPassword(name: string, password: string, resetRequired = false): Promise<Credentials> {
  const key = await userWithKey(root, name);
  await root.send(new CreateLoginProfileCommand({ UserName: name, Password: password, PasswordResetRequired: resetRequired }));
  return key;
}

async function storedHash(name: string): Promise<string> {
  const store = f.tollgate.runtime.store;
  const user = await store.users.get(ACCOUNT, name);
  return (await store.loginProfiles.get(ACCOUNT, user!.id))!.passwordHash;
}

test('the root user and role sessions get InvalidUserType', async () => {
  const invalidUserType = { name: 'InvalidUserTypeException', code: 'InvalidUserType', status: 400, message: 'The request was rejected because the type of user for the transaction was incorrect.' };
  await assertAwsError(root.send(new ChangePasswordCommand({ OldPassword: 'Old-Pass-1', NewPassword: 'New-Pass-1' })), invalidUserType);
  await root.send(new CreateRoleCommand({ RoleName: 'pw-role', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] }) }));
  await root.send(new PutRolePolicyCommand({ RoleName: 'pw-role', PolicyName: 'all', PolicyDocument: allow('iam:*') }));
  const assumer = await userWithKey(root, 'pw-assumer');
  await root.send(new PutUserPolicyCommand({ UserName: 'pw-assumer', PolicyName: 'assume', PolicyDocument: allow('sts:AssumeRole') }));
  const { Credentials: c } = await f.sts(assumer).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/pw-role`, RoleSessionName: 'pw-session' }));
  const role = f.iam({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });
  await assertAwsError(role.send(new ChangePasswordCommand({ OldPassword: 'Old-Pass-1', NewPassword: 'New-Pass-1' })), invalidUserType);
});

test('without a policy or AllowUsersToChangePassword, AccessDenied names iam:ChangePassword on the user', async () => {
  const key = await userWithPassword('dave', 'Dave-Pass-1');
  await assertAwsError(f.iam(key).send(new ChangePasswordCommand({ OldPassword: 'Dave-Pass-1', NewPassword: 'Dave-Pass-2' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('dave', 'iam:ChangePassword', `arn:aws:iam::${ACCOUNT}:user/dave`),
  });
  await assertAwsError(f.iam(key).send(new GetAccountPasswordPolicyCommand({})), { name: 'AccessDenied', status: 403, message: deniedMessage('dave', 'iam:GetAccountPasswordPolicy', '*') });
  assert.ok(await verifyPassword('Dave-Pass-1', await storedHash('dave')), 'nothing changed');
});

test('AllowUsersToChangePassword lets every IAM user change its own password and read the policy; an explicit Deny still wins', async () => {
  const key = await userWithPassword('erin', 'Erin-Pass-1', true);
  await root.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true, MinimumPasswordLength: 10, RequireNumbers: true }));
  try {
    const erin = f.iam(key);
    const { PasswordPolicy } = await erin.send(new GetAccountPasswordPolicyCommand({}));
    assert.equal(PasswordPolicy?.MinimumPasswordLength, 10);
    await assertAwsError(erin.send(new ChangePasswordCommand({ OldPassword: 'Erin-Pass-1', NewPassword: 'short-1' })), {
      name: 'PasswordPolicyViolationException', code: 'PasswordPolicyViolation', status: 400, message: 'Password does not conform to the account password policy.',
    });
    await erin.send(new ChangePasswordCommand({ OldPassword: 'Erin-Pass-1', NewPassword: 'Erin-Pass-Two-2' }));
    assert.ok(await verifyPassword('Erin-Pass-Two-2', await storedHash('erin')));
    const { LoginProfile } = await root.send(new GetLoginProfileCommand({ UserName: 'erin' }));
    assert.equal(LoginProfile?.PasswordResetRequired, false, 'changing the password clears PasswordResetRequired');

    await root.send(new PutUserPolicyCommand({ UserName: 'erin', PolicyName: 'no-change', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:ChangePassword', Resource: '*' }] }) }));
    await assertAwsError(erin.send(new ChangePasswordCommand({ OldPassword: 'Erin-Pass-Two-2', NewPassword: 'Erin-Pass-Three-3' })), {
      name: 'AccessDenied', status: 403,
      message: `User: arn:aws:iam::${ACCOUNT}:user/erin is not authorized to perform: iam:ChangePassword on resource: arn:aws:iam::${ACCOUNT}:user/erin with an explicit deny in an identity-based policy`,
    });
  } finally {
    await root.send(new DeleteAccountPasswordPolicyCommand({}));
  }
});

test('an Allow of iam:ChangePassword (as IAMUserChangePassword grants it); a user without login profile gets NoSuchEntity', async () => {
  const key = await userWithPassword('frank', 'Frank-Pass-1');
  await root.send(new PutUserPolicyCommand({ UserName: 'frank', PolicyName: 'self', PolicyDocument: allow('iam:ChangePassword', 'arn:aws:iam::*:user/${aws:username}') }));
  await f.iam(key).send(new ChangePasswordCommand({ OldPassword: 'Frank-Pass-1', NewPassword: 'Frank-Pass-2' }));
  assert.ok(await verifyPassword('Frank-Pass-2', await storedHash('frank')));

  const nopw = await userWithKey(root, 'gina');
  await root.send(new PutUserPolicyCommand({ UserName: 'gina', PolicyName: 'self', PolicyDocument: allow('iam:ChangePassword') }));
  await assertAwsError(f.iam(nopw).send(new ChangePasswordCommand({ OldPassword: 'x', NewPassword: 'Gina-Pass-1' })), {
    name: 'NoSuchEntityException', code: 'NoSuchEntity', status: 404, message: 'Login Profile for User gina cannot be found.',
  });
});

test('a wrong current password is refused and changes nothing; past five, LimitExceeded even with the right one', async () => {
  const key = await userWithPassword('hank', 'Hank-Pass-1');
  await root.send(new PutUserPolicyCommand({ UserName: 'hank', PolicyName: 'self', PolicyDocument: allow('iam:ChangePassword') }));
  const hank = f.iam(key);
  for (let i = 0; i < 5; i++) {
    await assertAwsError(hank.send(new ChangePasswordCommand({ OldPassword: `Wrong-Pass-${i}`, NewPassword: 'Hank-Pass-2' })), {
      name: 'InvalidUserTypeException', code: 'InvalidUserType', status: 400, message: 'The old password is incorrect.',
    });
  }
  await assertAwsError(hank.send(new ChangePasswordCommand({ OldPassword: 'Hank-Pass-1', NewPassword: 'Hank-Pass-2' })), {
    name: 'LimitExceededException', code: 'LimitExceeded', status: 409, message: 'Too many invalid password attempts. Try again later.',
  });
  assert.ok(await verifyPassword('Hank-Pass-1', await storedHash('hank')));
  await root.send(new CreateUserCommand({ UserName: 'unused-after-limit' })); // the server is still fine for others
});
