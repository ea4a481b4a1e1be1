/**
 * iam:ChangePassword: the calling IAM user changes their own console password, giving the current one.
 * Only IAM users (also through temporary credentials that act as the user) may call it: the root user
 * and role sessions get InvalidUserType. The new password must satisfy the account password policy
 * and, with PasswordReusePrevention, differ from the current one; success clears
 * PasswordResetRequired. A wrong current password counts as a failed password attempt of the user
 * (`shared/password-attempts.ts`): past the bound, LimitExceeded. Allowed by the caller's policies or
 * by the password policy's AllowUsersToChangePassword (`shared/self-service-password.ts`).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ChangePassword.html
 * docs/aws-behaviour/change-password.md records the answers whose texts AWS does not document.
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import { defineOperation } from '../../operation.ts';
import { limitExceeded, noSuchEntity } from '../shared/iam-errors.ts';
import { assertPasswordConforms, hashPassword, passwordPolicyViolation, verifyPassword } from '../identities/identity-password.ts';
import { passwordAttempts, userAttemptKey } from '../shared/password-attempts.ts';
import { selfServicePasswordGrant } from '../shared/self-service-password.ts';

/** InvalidUserType 400: the caller is not an IAM user (the AWS CLI's documented answer to the root user). */
function invalidUserType(): AwsError {
  return new AwsError('InvalidUserType', 400, 'The request was rejected because the type of user for the transaction was incorrect.');
}

/** The wrong current password (docs/aws-behaviour/change-password.md: code and text inferred). */
function wrongOldPassword(): AwsError {
  return new AwsError('InvalidUserType', 400, 'The old password is incorrect.');
}

/** ChangePassword. */
export const changePassword = defineOperation('iam', 'ChangePassword', {
  authorize: async (_input, ctx) => {
    const principal = ctx.caller.principal;
    if (principal.type !== 'User') throw invalidUserType();
    const grant = await selfServicePasswordGrant(ctx, 'iam:ChangePassword', principal.arn);
    return [grant ? { action: 'iam:ChangePassword', resource: principal.arn, resourcePolicies: grant } : { action: 'iam:ChangePassword', resource: principal.arn }];
  },
  handle: async (input, ctx) => {
    const principal = ctx.caller.principal;
    if (principal.type !== 'User' || principal.uniqueId === undefined) throw invalidUserType();
    const accountId = ctx.caller.accountId;
    const attempts = passwordAttempts(ctx.store, ctx.clock);
    const key = userAttemptKey(accountId, principal.name);
    if (attempts.users.blockedFor(key) > 0) throw limitExceeded('Too many invalid password attempts. Try again later.');
    const profile = await ctx.store.loginProfiles.get(accountId, principal.uniqueId);
    if (!profile) throw noSuchEntity(`Login Profile for User ${principal.name} cannot be found.`);
    if (!(await verifyPassword(input.OldPassword, profile.passwordHash))) {
      attempts.users.fail(key);
      throw wrongOldPassword();
    }
    attempts.users.clear(key);
    const newHash = await hashPassword(input.NewPassword);
    await ctx.store.transaction(async (tx) => {
      const current = await tx.loginProfiles.get(accountId, principal.uniqueId!);
      if (!current) throw noSuchEntity(`Login Profile for User ${principal.name} cannot be found.`);
      const policy = await tx.passwordPolicies.get(accountId);
      assertPasswordConforms(input.NewPassword, policy);
      if ((policy?.passwordReusePrevention ?? 0) > 0 && input.NewPassword === input.OldPassword) throw passwordPolicyViolation();
      await tx.loginProfiles.put({ ...current, passwordHash: newHash, passwordResetRequired: false });
    });
    return {};
  },
});
