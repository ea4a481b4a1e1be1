/**
 * iam:DeleteRolePolicy: removes an inline policy of a role. Service-linked roles refuse it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { assertRoleModifiable, missingRolePolicy } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const deleteRolePolicy = defineOperation('iam', 'DeleteRolePolicy', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:DeleteRolePolicy', input.RoleName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, accountId, input.RoleName);
      assertRoleModifiable(role);
      if (!(await tx.inlinePolicies.get(accountId, 'role', role.id, input.PolicyName))) throw missingRolePolicy(input.PolicyName);
      await tx.inlinePolicies.delete(accountId, 'role', role.id, input.PolicyName);
    });
    return {};
  },
});
