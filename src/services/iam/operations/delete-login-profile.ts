/**
 * iam:DeleteLoginProfile: removes a user's console password.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteLoginProfile.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireLoginProfile } from '../identities/identity-login-profiles.ts';
import { loginProfileUser } from '../identities/login-profile-members.ts';

/** DeleteLoginProfile. */
export const deleteLoginProfile = defineOperation('iam', 'DeleteLoginProfile', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:DeleteLoginProfile', loginProfileUser(input))],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const { user } = await requireLoginProfile(tx, accountId, loginProfileUser(input));
      await tx.loginProfiles.delete(accountId, user.id);
    });
    return {};
  },
});
