/**
 * iam:DeleteGroupPolicy: removes an inline policy of a group.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteGroupPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { deleteInlinePolicy } from '../identities/identity-inline-policies.ts';

/** DeleteGroupPolicy. */
export const deleteGroupPolicy = defineOperation('iam', 'DeleteGroupPolicy', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:DeleteGroupPolicy', input.GroupName)],
  handle: async (input, ctx) => {
    await deleteInlinePolicy(ctx, 'group', input.GroupName, input.PolicyName);
    return {};
  },
});
