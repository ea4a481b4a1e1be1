/**
 * iam:DeleteAccountPasswordPolicy: removes the account password policy (AWS's default policy applies
 * again); NoSuchEntity when none is set.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountPasswordPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { noPasswordPolicy } from '../identities/identity-password.ts';

/** DeleteAccountPasswordPolicy. */
export const deleteAccountPasswordPolicy = defineOperation('iam', 'DeleteAccountPasswordPolicy', {
  authorize: () => [{ action: 'iam:DeleteAccountPasswordPolicy', resource: '*' }],
  handle: async (_input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      if (!(await tx.passwordPolicies.get(accountId))) throw noPasswordPolicy(accountId);
      await tx.passwordPolicies.delete(accountId);
    });
    return {};
  },
});
