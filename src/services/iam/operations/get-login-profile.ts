/**
 * iam:GetLoginProfile: whether a user has a console password (never the password). AccessDenied names
 * the resource `user <UserName>` (IAM-SPEC §5.6). https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../shared/identity-checks.ts';
import { requireLoginProfile } from '../shared/identity-login-profiles.ts';

interface GetLoginProfileInput {
  readonly UserName: string;
}

interface GetLoginProfileOutput {
  readonly LoginProfile: { readonly UserName: string; readonly CreateDate: Date; readonly PasswordResetRequired: boolean };
}

/** GetLoginProfile. */
export const getLoginProfile = defineOperation<GetLoginProfileInput, GetLoginProfileOutput>({
  readOnly: true,
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:GetLoginProfile', input.UserName, { nameInMessage: true })],
  handle: async (input, ctx) => {
    const { user, profile } = await requireLoginProfile(ctx.store, ctx.caller.accountId, input.UserName);
    return { LoginProfile: { UserName: user.name, CreateDate: profile.createdAt, PasswordResetRequired: profile.passwordResetRequired } };
  },
});
