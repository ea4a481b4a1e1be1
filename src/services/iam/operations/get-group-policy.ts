/**
 * iam:GetGroupPolicy: an inline policy of a group, exactly as stored (the protocol layer percent-encodes
 * PolicyDocument).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetGroupPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { getInlinePolicy } from '../identities/identity-inline-policies.ts';

/** GetGroupPolicy. */
export const getGroupPolicy = defineOperation('iam', 'GetGroupPolicy', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:GetGroupPolicy', input.GroupName)],
  handle: async (input, ctx) => {
    const { owner, policy } = await getInlinePolicy(ctx, 'group', input.GroupName, input.PolicyName);
    return { GroupName: owner.name, PolicyName: policy.name, PolicyDocument: policy.document };
  },
});
