/**
 * iam:ListUserPolicies: the names of a user's inline policies, sorted, paginated. AccessDenied names the resource
 * `user <UserName>`, as it does for ListRolePolicies (docs/aws-behaviour/access-denied-messages.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUserPolicies.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { inlinePolicyNames } from '../identities/identity-inline-policies.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

/** ListUserPolicies. */
export const listUserPolicies = defineOperation('iam', 'ListUserPolicies', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:ListUserPolicies', input.UserName, { nameInMessage: true })],
  handle: async (input, ctx) => {
    const page = paginate(await inlinePolicyNames(ctx, 'user', input.UserName), input);
    return { PolicyNames: [...page.items], ...pageFields(page) };
  },
});
