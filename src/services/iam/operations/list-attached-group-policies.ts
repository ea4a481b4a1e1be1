/**
 * iam:ListAttachedGroupPolicies: the managed policies attached to a group whose path starts with
 * PathPrefix, in attachment order, paginated.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedGroupPolicies.html
 */
import { defineOperation } from '../../operation.ts';
import { attachedPolicies } from '../identities/identity-attachments.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

/** ListAttachedGroupPolicies. */
export const listAttachedGroupPolicies = defineOperation('iam', 'ListAttachedGroupPolicies', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:ListAttachedGroupPolicies', input.GroupName)],
  handle: async (input, ctx) => {
    const page = paginate(await attachedPolicies(ctx, 'group', input.GroupName, input.PathPrefix), input);
    return { AttachedPolicies: page.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), ...pageFields(page) };
  },
});
