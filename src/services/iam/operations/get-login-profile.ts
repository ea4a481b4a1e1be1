/**
 * iam:GetLoginProfile: whether a user has a console password (never the password). AccessDenied names
 * the resource `user <UserName>` (docs/aws-behaviour/access-denied-messages.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireLoginProfile } from '../identities/identity-login-profiles.ts';
import { loginProfileUser } from '../identities/login-profile-members.ts';

/** GetLoginProfile. */
export const getLoginProfile = defineOperation('iam', 'GetLoginProfile', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:GetLoginProfile', loginProfileUser(input), { nameInMessage: true })],
  handle: async (input, ctx) => {
    const { user, profile } = await requireLoginProfile(ctx.store, ctx.caller.accountId, loginProfileUser(input));
    return { LoginProfile: { UserName: user.name, CreateDate: profile.createdAt, PasswordResetRequired: profile.passwordResetRequired } };
  },
});
