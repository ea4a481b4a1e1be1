/**
 * iam:ListPolicyVersions: a managed policy's versions, newest first, without documents; an AWS managed
 * policy lists its one shipped version. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicyVersions.html
 */
import { defineOperation } from '../../operation.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { requirePolicy } from '../policies/policy-lookup.ts';
import { awsPolicyVersionToWire, policyVersionToWire } from '../policies/policy-wire.ts';

export const listPolicyVersions = defineOperation('iam', 'ListPolicyVersions', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:ListPolicyVersions', input.PolicyArn)],
  handle: async (input, ctx) => {
    const found = await requirePolicy(ctx.store, ctx.managedPolicies, ctx.caller.accountId, input.PolicyArn);
    const versions = found.kind === 'aws'
      ? [awsPolicyVersionToWire(found.policy, false)]
      : (await ctx.store.managedPolicies.listVersions(found.arn)).map((v) => policyVersionToWire(v, found.policy.defaultVersionId, false));
    const page = paginate(versions, input);
    return { Versions: [...page.items], ...pageFields(page) };
  },
});
