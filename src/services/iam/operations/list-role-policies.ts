/**
 * iam:ListRolePolicies: the names of a role's inline policies, paginated. AccessDenied names the role as
 * `role <RoleName>` (docs/aws-behaviour/access-denied-messages.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRolePolicies.html
 */
import { defineOperation } from '../../operation.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const listRolePolicies = defineOperation('iam', 'ListRolePolicies', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:ListRolePolicies', input.RoleName, { messageByName: true })],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const role = await requireRole(ctx.store, accountId, input.RoleName);
    const names = (await ctx.store.inlinePolicies.list(accountId, 'role', role.id)).map((p) => p.name);
    const page = paginate(names, input);
    return { PolicyNames: [...page.items], ...pageFields(page) };
  },
});
