/**
 * iam:PutGroupPolicy: adds or replaces an inline policy of a group, validated by the policy engine and
 * limited to 5,120 characters in aggregate per group (docs/aws-behaviour/iam-policy-language.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutGroupPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { putInlinePolicy } from '../identities/identity-inline-policies.ts';

/** PutGroupPolicy. */
export const putGroupPolicy = defineOperation('iam', 'PutGroupPolicy', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:PutGroupPolicy', input.GroupName)],
  handle: async (input, ctx) => {
    await putInlinePolicy(ctx, 'group', input.GroupName, input.PolicyName, input.PolicyDocument);
    return {};
  },
});
