/**
 * iam:AttachUserPolicy: attaches a customer or AWS managed policy to a user (idempotent), at most 10
 * per user (`Cannot exceed quota for PoliciesPerUser: 10`); condition keys `iam:PolicyARN` and `iam:PermissionsBoundary`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { attachPolicy } from '../identities/identity-attachments.ts';
import { userCheck } from '../identities/identity-checks.ts';

/** AttachUserPolicy. */
export const attachUserPolicy = defineOperation('iam', 'AttachUserPolicy', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:AttachUserPolicy', input.UserName, { boundary: 'current', context: { 'iam:PolicyARN': input.PolicyArn } })],
  handle: async (input, ctx) => {
    await attachPolicy(ctx, 'user', input.UserName, input.PolicyArn);
    return {};
  },
});
