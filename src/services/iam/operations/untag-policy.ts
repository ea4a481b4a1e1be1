/**
 * iam:UntagPolicy: removes tags from a customer managed policy by key. AWS managed policies are
 * immutable (docs/aws-behaviour/iam-identities-and-quotas.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { awsManagedPolicyImmutable } from '../policies/policy-errors.ts';
import { requireCustomerPolicy } from '../policies/policy-lookup.ts';
import { removeTags } from '../shared/tags.ts';

export const untagPolicy = defineOperation('iam', 'UntagPolicy', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:UntagPolicy', input.PolicyArn, { 'aws:TagKeys': [...input.TagKeys] })],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const policy = await requireCustomerPolicy(tx, ctx.managedPolicies, ctx.caller.accountId, input.PolicyArn, awsManagedPolicyImmutable.update);
      await tx.managedPolicies.update({ ...policy, tags: removeTags(policy.tags, input.TagKeys) });
    });
    return {};
  },
});
