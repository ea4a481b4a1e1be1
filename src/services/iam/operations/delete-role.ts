/**
 * iam:DeleteRole: only a role without attached managed policies and inline policies may go
 * (DeleteConflict otherwise, docs/aws-behaviour/error-shapes.md); service-linked roles go through DeleteServiceLinkedRole.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html
 */
import { defineOperation } from '../../operation.ts';
import { deleteConflict } from '../shared/iam-errors.ts';
import { assertRoleModifiable } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const deleteRole = defineOperation('iam', 'DeleteRole', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:DeleteRole', input.RoleName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, accountId, input.RoleName);
      assertRoleModifiable(role);
      if ((await tx.attachments.ofEntity(accountId, 'role', role.id)).length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
      if ((await tx.inlinePolicies.list(accountId, 'role', role.id)).length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
      await tx.roles.delete(accountId, role.id);
    });
    return {};
  },
});
