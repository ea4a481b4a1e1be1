/**
 * iam:DeletePolicy: deletes a customer managed policy that is attached to nothing, used as no boundary
 * and has only its default version left (DeleteConflict otherwise). AWS managed policies are immutable
 * (docs/aws-behaviour/iam-identities-and-quotas.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { deleteConflict } from '../shared/iam-errors.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { awsManagedPolicyImmutable } from '../policies/policy-errors.ts';
import { requireCustomerPolicy } from '../policies/policy-lookup.ts';
import { policyUsage } from '../policies/policy-usage.ts';

export const deletePolicy = defineOperation('iam', 'DeletePolicy', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:DeletePolicy', input.PolicyArn)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const policy = await requireCustomerPolicy(tx, ctx.managedPolicies, accountId, input.PolicyArn, awsManagedPolicyImmutable.delete);
      const usage = await policyUsage(tx, accountId, policy.arn);
      if (usage.attachments > 0 || usage.boundaries > 0) throw deleteConflict('Cannot delete a policy attached to entities.');
      if ((await tx.managedPolicies.listVersions(policy.arn)).length > 1) {
        throw deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
      }
      await tx.managedPolicies.delete(policy.arn);
    });
    return {};
  },
});
