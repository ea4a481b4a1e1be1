/**
 * iam:GetPolicyVersion: one version of a managed policy with its document. Of an AWS managed policy
 * Tollgate ships only the default version. https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicyVersion.html
 */
import { defineOperation } from '../../operation.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { missingPolicyVersion } from '../policies/policy-errors.ts';
import { requirePolicy } from '../policies/policy-lookup.ts';
import { awsPolicyVersionToWire, policyVersionToWire } from '../policies/policy-wire.ts';

export const getPolicyVersion = defineOperation('iam', 'GetPolicyVersion', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:GetPolicyVersion', input.PolicyArn)],
  handle: async (input, ctx) => {
    const found = await requirePolicy(ctx.store, ctx.managedPolicies, ctx.caller.accountId, input.PolicyArn);
    if (found.kind === 'aws') {
      if (input.VersionId !== found.policy.defaultVersionId) throw missingPolicyVersion(input.PolicyArn, input.VersionId);
      return { PolicyVersion: awsPolicyVersionToWire(found.policy, true) };
    }
    const version = await ctx.store.managedPolicies.getVersion(found.arn, input.VersionId);
    if (!version) throw missingPolicyVersion(input.PolicyArn, input.VersionId);
    return { PolicyVersion: policyVersionToWire(version, found.policy.defaultVersionId, true) };
  },
});
