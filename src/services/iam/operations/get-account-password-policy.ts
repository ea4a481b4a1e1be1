/**
 * iam:GetAccountPasswordPolicy: the account password policy, or NoSuchEntity when none is set.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { noPasswordPolicy } from '../identities/identity-password.ts';
import { selfServicePasswordGrant } from '../shared/self-service-password.ts';

/** GetAccountPasswordPolicy. */
export const getAccountPasswordPolicy = defineOperation('iam', 'GetAccountPasswordPolicy', {
  // AllowUsersToChangePassword also lets every IAM user read the policy (shared/self-service-password.ts).
  authorize: async (_input, ctx) => {
    const grant = await selfServicePasswordGrant(ctx, 'iam:GetAccountPasswordPolicy', '*');
    return [grant ? { action: 'iam:GetAccountPasswordPolicy', resource: '*', resourcePolicies: grant } : { action: 'iam:GetAccountPasswordPolicy', resource: '*' }];
  },
  handle: async (_input, ctx) => {
    const policy = await ctx.store.passwordPolicies.get(ctx.caller.accountId);
    if (!policy) throw noPasswordPolicy(ctx.caller.accountId);
    const expires = policy.maxPasswordAge !== undefined && policy.maxPasswordAge > 0;
    return {
      PasswordPolicy: {
        MinimumPasswordLength: policy.minimumPasswordLength,
        RequireSymbols: policy.requireSymbols,
        RequireNumbers: policy.requireNumbers,
        RequireUppercaseCharacters: policy.requireUppercaseCharacters,
        RequireLowercaseCharacters: policy.requireLowercaseCharacters,
        AllowUsersToChangePassword: policy.allowUsersToChangePassword,
        ExpirePasswords: expires,
        ...(expires ? { MaxPasswordAge: policy.maxPasswordAge } : {}),
        ...(policy.passwordReusePrevention !== undefined ? { PasswordReusePrevention: policy.passwordReusePrevention } : {}),
        ...(expires || policy.hardExpiry ? { HardExpiry: policy.hardExpiry } : {}),
      },
    };
  },
});
