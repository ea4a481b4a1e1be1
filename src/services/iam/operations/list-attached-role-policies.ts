/**
 * iam:ListAttachedRolePolicies: the managed policies attached to a role whose path starts with
 * PathPrefix, in attachment order, paginated.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedRolePolicies.html
 */
import { defineOperation } from '../../operation.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import { attachedPolicies } from '../policies/policy-attached.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const listAttachedRolePolicies = defineOperation('iam', 'ListAttachedRolePolicies', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:ListAttachedRolePolicies', input.RoleName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const role = await requireRole(ctx.store, accountId, input.RoleName);
    const page = paginate(await attachedPolicies(ctx.store, accountId, 'role', role.id, input.PathPrefix), input);
    return { AttachedPolicies: [...page.items], ...pageFields(page) };
  },
});
