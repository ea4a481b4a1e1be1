/**
 * iam:ListPolicyTags: a managed policy's tags, paginated (AWS managed policies have none).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicyTags.html
 */
import { defineOperation } from '../../operation.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { requirePolicy } from '../policies/policy-lookup.ts';
import { tagsToWire } from '../shared/tags.ts';

export const listPolicyTags = defineOperation('iam', 'ListPolicyTags', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:ListPolicyTags', input.PolicyArn)],
  handle: async (input, ctx) => {
    const found = await requirePolicy(ctx.store, ctx.managedPolicies, ctx.caller.accountId, input.PolicyArn);
    const page = paginate(found.kind === 'aws' ? [] : tagsToWire(found.policy.tags), input);
    return { Tags: [...page.items], ...pageFields(page) };
  },
});
