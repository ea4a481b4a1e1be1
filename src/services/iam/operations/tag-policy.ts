/**
 * iam:TagPolicy: adds or replaces tags on a customer managed policy (duplicate keys: `Duplicate tag keys
 * found.`, docs/aws-behaviour/error-shapes.md). AWS managed policies are immutable (docs/aws-behaviour/iam-identities-and-quotas.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { awsManagedPolicyImmutable, POLICY_DUPLICATE_TAGS } from '../policies/policy-errors.ts';
import { requireCustomerPolicy } from '../policies/policy-lookup.ts';
import { mergeTags, requestTagKeys, tagsFromWire } from '../shared/tags.ts';

export const tagPolicy = defineOperation('iam', 'TagPolicy', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:TagPolicy', input.PolicyArn, requestTagKeys(input.Tags))],
  handle: async (input, ctx) => {
    const added = tagsFromWire(input.Tags, POLICY_DUPLICATE_TAGS);
    await ctx.store.transaction(async (tx) => {
      const policy = await requireCustomerPolicy(tx, ctx.managedPolicies, ctx.caller.accountId, input.PolicyArn, awsManagedPolicyImmutable.update);
      await tx.managedPolicies.update({ ...policy, tags: mergeTags(policy.tags, added) });
    });
    return {};
  },
});
