/**
 * iam:SetDefaultPolicyVersion: makes an existing version the one that takes effect, for every entity
 * the policy is attached to, from the next request on. AWS managed policies are immutable (docs/aws-behaviour/iam-identities-and-quotas.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetDefaultPolicyVersion.html
 */
import { defineOperation } from '../../operation.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { awsManagedPolicyImmutable, missingPolicyVersion } from '../policies/policy-errors.ts';
import { requireCustomerPolicy } from '../policies/policy-lookup.ts';

export const setDefaultPolicyVersion = defineOperation('iam', 'SetDefaultPolicyVersion', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:SetDefaultPolicyVersion', input.PolicyArn)],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const policy = await requireCustomerPolicy(tx, ctx.managedPolicies, ctx.caller.accountId, input.PolicyArn, awsManagedPolicyImmutable.update);
      if (!(await tx.managedPolicies.getVersion(policy.arn, input.VersionId))) throw missingPolicyVersion(input.PolicyArn, input.VersionId);
      await tx.managedPolicies.update({ ...policy, defaultVersionId: input.VersionId });
    });
    return {};
  },
});
