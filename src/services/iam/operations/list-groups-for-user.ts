/**
 * iam:ListGroupsForUser: the user's groups in the order it joined them, paginated.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroupsForUser.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireUser } from '../identities/identity-entities.ts';
import { groupToWire, pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

/** ListGroupsForUser. */
export const listGroupsForUser = defineOperation('iam', 'ListGroupsForUser', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:ListGroupsForUser', input.UserName)],
  handle: async (input, ctx) => {
    const user = await requireUser(ctx.store, ctx.caller.accountId, input.UserName);
    const page = paginate(await ctx.store.groups.ofUser(user.accountId, user.id), input);
    return { Groups: page.items.map(groupToWire), ...pageFields(page) };
  },
});
