/**
 * iam:ListGroups: groups whose path starts with PathPrefix, by name, paginated.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroups.html
 */
import { defineOperation } from '../../operation.ts';
import { listingCheck } from '../identities/identity-checks.ts';
import { groupToWire, pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

/** ListGroups. */
export const listGroups = defineOperation('iam', 'ListGroups', {
  authorize: (input, ctx) => [listingCheck(ctx, 'iam:ListGroups', 'group', input.PathPrefix)],
  handle: async (input, ctx) => {
    const page = paginate(await ctx.store.groups.list(ctx.caller.accountId, { pathPrefix: input.PathPrefix }), input);
    return { Groups: page.items.map(groupToWire), ...pageFields(page) };
  },
});
