/**
 * iam:UpdateAccountPasswordPolicy: replaces the account password policy; a member left out takes its
 * default (minimum length 6, no requirement, no expiry).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html
 */
import { defineOperation } from '../../operation.ts';

/** UpdateAccountPasswordPolicy. */
export const updateAccountPasswordPolicy = defineOperation('iam', 'UpdateAccountPasswordPolicy', {
  authorize: () => [{ action: 'iam:UpdateAccountPasswordPolicy', resource: '*' }],
  handle: async (input, ctx) => {
    await ctx.store.passwordPolicies.put({
      accountId: ctx.caller.accountId,
      minimumPasswordLength: input.MinimumPasswordLength ?? 6,
      requireSymbols: input.RequireSymbols ?? false,
      requireNumbers: input.RequireNumbers ?? false,
      requireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
      requireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
      allowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
      maxPasswordAge: input.MaxPasswordAge,
      passwordReusePrevention: input.PasswordReusePrevention,
      hardExpiry: input.HardExpiry ?? false,
    });
    return {};
  },
});
