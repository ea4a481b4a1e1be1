/**
 * iam:DeletePolicyVersion: deletes a version that is not the default (DeleteConflict otherwise). AWS
 * managed policies are immutable (docs/aws-behaviour/iam-identities-and-quotas.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicyVersion.html
 */
import { defineOperation } from '../../operation.ts';
import { deleteConflict } from '../shared/iam-errors.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { awsManagedPolicyImmutable, missingPolicyVersion } from '../policies/policy-errors.ts';
import { requireCustomerPolicy } from '../policies/policy-lookup.ts';

export const deletePolicyVersion = defineOperation('iam', 'DeletePolicyVersion', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:DeletePolicyVersion', input.PolicyArn)],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const policy = await requireCustomerPolicy(tx, ctx.managedPolicies, ctx.caller.accountId, input.PolicyArn, awsManagedPolicyImmutable.deleteVersion);
      if (!(await tx.managedPolicies.getVersion(policy.arn, input.VersionId))) throw missingPolicyVersion(input.PolicyArn, input.VersionId);
      if (input.VersionId === policy.defaultVersionId) throw deleteConflict('Cannot delete the default version of a policy.');
      await tx.managedPolicies.deleteVersion(policy.arn, input.VersionId);
    });
    return {};
  },
});
