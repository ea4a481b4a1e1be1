/**
 * iam:ListAttachedUserPolicies: the managed policies attached to a user whose path starts with
 * PathPrefix, in attachment order, paginated.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedUserPolicies.html
 */
import { defineOperation } from '../../operation.ts';
import { attachedPolicies } from '../identities/identity-attachments.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

/** ListAttachedUserPolicies. */
export const listAttachedUserPolicies = defineOperation('iam', 'ListAttachedUserPolicies', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:ListAttachedUserPolicies', input.UserName)],
  handle: async (input, ctx) => {
    const page = paginate(await attachedPolicies(ctx, 'user', input.UserName, input.PathPrefix), input);
    return { AttachedPolicies: page.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), ...pageFields(page) };
  },
});
