/**
 * iam:DeleteUserPolicy: removes an inline policy of a user. `iam:PermissionsBoundary` is the user's current boundary.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { deleteInlinePolicy } from '../identities/identity-inline-policies.ts';

/** DeleteUserPolicy. */
export const deleteUserPolicy = defineOperation('iam', 'DeleteUserPolicy', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:DeleteUserPolicy', input.UserName, { boundary: 'current' })],
  handle: async (input, ctx) => {
    await deleteInlinePolicy(ctx, 'user', input.UserName, input.PolicyName);
    return {};
  },
});
