/**
 * iam:PutUserPolicy: adds or replaces an inline policy of a user, validated by the policy engine and
 * limited to 2,048 characters in aggregate per user (docs/aws-behaviour/iam-policy-language.md). `iam:PermissionsBoundary` is the user's current boundary.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { putInlinePolicy } from '../identities/identity-inline-policies.ts';

/** PutUserPolicy. */
export const putUserPolicy = defineOperation('iam', 'PutUserPolicy', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:PutUserPolicy', input.UserName, { boundary: 'current' })],
  handle: async (input, ctx) => {
    await putInlinePolicy(ctx, 'user', input.UserName, input.PolicyName, input.PolicyDocument);
    return {};
  },
});
