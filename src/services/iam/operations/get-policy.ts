/**
 * iam:GetPolicy: a customer or AWS managed policy with this account's attachment and boundary counts.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { requirePolicy } from '../policies/policy-lookup.ts';
import { policyUsage } from '../policies/policy-usage.ts';
import { policyToWire } from '../policies/policy-wire.ts';

export const getPolicy = defineOperation('iam', 'GetPolicy', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:GetPolicy', input.PolicyArn)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const found = await requirePolicy(ctx.store, ctx.managedPolicies, accountId, input.PolicyArn);
    return { Policy: policyToWire(found, await policyUsage(ctx.store, accountId, found.arn), 'detail') };
  },
});
