/**
 * iam:UpdateRole: a role's description and/or maximum session duration. AccessDenied names it as
 * `role <RoleName>` (docs/aws-behaviour/access-denied-messages.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html
 */
import { defineOperation } from '../../operation.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const updateRole = defineOperation('iam', 'UpdateRole', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:UpdateRole', input.RoleName, { messageByName: true })],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, ctx.caller.accountId, input.RoleName);
      await tx.roles.update({
        ...role,
        description: input.Description ?? role.description,
        maxSessionDuration: input.MaxSessionDuration ?? role.maxSessionDuration,
      });
    });
    return {};
  },
});
