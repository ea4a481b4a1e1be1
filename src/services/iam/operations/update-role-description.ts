/**
 * iam:UpdateRoleDescription: replaces a role's description and answers the role. Its action is
 * `iam:UpdateRoleDescription`. https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRoleDescription.html
 */
import { defineOperation } from '../../operation.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';
import { roleToWire } from '../roles/role-wire.ts';

export const updateRoleDescription = defineOperation('iam', 'UpdateRoleDescription', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:UpdateRoleDescription', input.RoleName)],
  handle: async (input, ctx) => {
    const role = await ctx.store.transaction(async (tx) => {
      const current = await requireRole(tx, ctx.caller.accountId, input.RoleName);
      const updated = { ...current, description: input.Description };
      await tx.roles.update(updated);
      return updated;
    });
    return { Role: await roleToWire(ctx.store, role, 'described') };
  },
});
