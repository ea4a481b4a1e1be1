/**
 * iam:DeleteRolePermissionsBoundary: removes a role's permissions boundary (a no-op when it has none).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePermissionsBoundary.html
 */
import { defineOperation } from '../../operation.ts';
import { assertRoleModifiable } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const deleteRolePermissionsBoundary = defineOperation('iam', 'DeleteRolePermissionsBoundary', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:DeleteRolePermissionsBoundary', input.RoleName)],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, ctx.caller.accountId, input.RoleName);
      assertRoleModifiable(role);
      if (role.permissionsBoundaryArn !== undefined) await tx.roles.update({ ...role, permissionsBoundaryArn: undefined });
    });
    return {};
  },
});
