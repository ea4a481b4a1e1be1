/**
 * iam:ListGroupPolicies: the names of a group's inline policies, sorted, paginated.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroupPolicies.html
 */
import { defineOperation } from '../../operation.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { inlinePolicyNames } from '../identities/identity-inline-policies.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

/** ListGroupPolicies. */
export const listGroupPolicies = defineOperation('iam', 'ListGroupPolicies', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:ListGroupPolicies', input.GroupName)],
  handle: async (input, ctx) => {
    const page = paginate(await inlinePolicyNames(ctx, 'group', input.GroupName), input);
    return { PolicyNames: [...page.items], ...pageFields(page) };
  },
});
