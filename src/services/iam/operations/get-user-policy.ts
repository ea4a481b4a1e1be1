/**
 * iam:GetUserPolicy: an inline policy of a user, exactly as stored (the protocol layer percent-encodes
 * PolicyDocument). AccessDenied names the
 * resource `user <UserName>` (docs/aws-behaviour/access-denied-messages.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUserPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { getInlinePolicy } from '../identities/identity-inline-policies.ts';

/** GetUserPolicy. */
export const getUserPolicy = defineOperation('iam', 'GetUserPolicy', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:GetUserPolicy', input.UserName, { nameInMessage: true })],
  handle: async (input, ctx) => {
    const { owner, policy } = await getInlinePolicy(ctx, 'user', input.UserName, input.PolicyName);
    return { UserName: owner.name, PolicyName: policy.name, PolicyDocument: policy.document };
  },
});
