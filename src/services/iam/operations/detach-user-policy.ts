/**
 * iam:DetachUserPolicy: detaches a managed policy from a user; condition keys `iam:PolicyARN` and `iam:PermissionsBoundary`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DetachUserPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { detachPolicy } from '../identities/identity-attachments.ts';
import { userCheck } from '../identities/identity-checks.ts';

/** DetachUserPolicy. */
export const detachUserPolicy = defineOperation('iam', 'DetachUserPolicy', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:DetachUserPolicy', input.UserName, { boundary: 'current', context: { 'iam:PolicyARN': input.PolicyArn } })],
  handle: async (input, ctx) => {
    await detachPolicy(ctx, 'user', input.UserName, input.PolicyArn);
    return {};
  },
});
