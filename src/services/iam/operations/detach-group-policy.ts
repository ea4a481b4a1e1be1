/**
 * iam:DetachGroupPolicy: detaches a managed policy from a group; condition keys `iam:PolicyARN`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DetachGroupPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { detachPolicy } from '../identities/identity-attachments.ts';
import { groupCheck } from '../identities/identity-checks.ts';

/** DetachGroupPolicy. */
export const detachGroupPolicy = defineOperation('iam', 'DetachGroupPolicy', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:DetachGroupPolicy', input.GroupName, { 'iam:PolicyARN': input.PolicyArn })],
  handle: async (input, ctx) => {
    await detachPolicy(ctx, 'group', input.GroupName, input.PolicyArn);
    return {};
  },
});
