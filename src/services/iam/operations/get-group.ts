/**
 * iam:GetGroup: a group and its members (by name, paginated).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetGroup.html
 */
import { defineOperation } from '../../operation.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { requireGroup } from '../identities/identity-entities.ts';
import { groupToWire, pageFields, userToWire } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

/** GetGroup. */
export const getGroup = defineOperation('iam', 'GetGroup', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:GetGroup', input.GroupName)],
  handle: async (input, ctx) => {
    const group = await requireGroup(ctx.store, ctx.caller.accountId, input.GroupName);
    const page = paginate(await ctx.store.groups.members(group.accountId, group.id), input);
    return { Group: groupToWire(group), Users: page.items.map((u) => userToWire(u, 'listing')), ...pageFields(page) };
  },
});
