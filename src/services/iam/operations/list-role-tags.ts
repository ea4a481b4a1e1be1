/**
 * iam:ListRoleTags: a role's tags, paginated. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoleTags.html
 */
import { defineOperation } from '../../operation.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';
import { tagsToWire } from '../shared/tags.ts';

export const listRoleTags = defineOperation('iam', 'ListRoleTags', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:ListRoleTags', input.RoleName)],
  handle: async (input, ctx) => {
    const role = await requireRole(ctx.store, ctx.caller.accountId, input.RoleName);
    const page = paginate(tagsToWire(role.tags), input);
    return { Tags: [...page.items], ...pageFields(page) };
  },
});
