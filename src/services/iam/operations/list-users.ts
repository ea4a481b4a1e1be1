/**
 * iam:ListUsers: users whose path starts with PathPrefix, by name, paginated; listings carry no tags
 * or boundary. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html
 */
import { defineOperation } from '../../operation.ts';
import { listingCheck } from '../identities/identity-checks.ts';
import { pageFields, userToWire } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

/** ListUsers. */
export const listUsers = defineOperation('iam', 'ListUsers', {
  authorize: (input, ctx) => [listingCheck(ctx, 'iam:ListUsers', 'user', input.PathPrefix)],
  handle: async (input, ctx) => {
    const page = paginate(await ctx.store.users.list(ctx.caller.accountId, { pathPrefix: input.PathPrefix }), input);
    return { Users: page.items.map((u) => userToWire(u, 'listing')), ...pageFields(page) };
  },
});
