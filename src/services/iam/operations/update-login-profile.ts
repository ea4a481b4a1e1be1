/**
 * iam:UpdateLoginProfile: a new password (checked against the account policy) and/or the reset flag.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateLoginProfile.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireLoginProfile } from '../identities/identity-login-profiles.ts';
import { assertPasswordConforms, hashPassword } from '../identities/identity-password.ts';

/** UpdateLoginProfile. */
export const updateLoginProfile = defineOperation('iam', 'UpdateLoginProfile', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:UpdateLoginProfile', input.UserName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const newHash = input.Password !== undefined ? await hashPassword(input.Password) : undefined;
    await ctx.store.transaction(async (tx) => {
      const { profile } = await requireLoginProfile(tx, accountId, input.UserName);
      if (input.Password !== undefined) assertPasswordConforms(input.Password, await tx.passwordPolicies.get(accountId));
      await tx.loginProfiles.put({
        ...profile,
        passwordHash: newHash ?? profile.passwordHash,
        passwordResetRequired: input.PasswordResetRequired ?? profile.passwordResetRequired,
      });
    });
    return {};
  },
});
