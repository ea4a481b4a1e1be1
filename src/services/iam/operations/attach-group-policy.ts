/**
 * iam:AttachGroupPolicy: attaches a customer or AWS managed policy to a group (idempotent), at most 10
 * per group (`Cannot exceed quota for PoliciesPerGroup: 10`); condition keys `iam:PolicyARN`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachGroupPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { attachPolicy } from '../identities/identity-attachments.ts';
import { groupCheck } from '../identities/identity-checks.ts';

/** AttachGroupPolicy. */
export const attachGroupPolicy = defineOperation('iam', 'AttachGroupPolicy', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:AttachGroupPolicy', input.GroupName, { 'iam:PolicyARN': input.PolicyArn })],
  handle: async (input, ctx) => {
    await attachPolicy(ctx, 'group', input.GroupName, input.PolicyArn);
    return {};
  },
});
