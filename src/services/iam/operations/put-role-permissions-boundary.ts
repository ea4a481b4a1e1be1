/**
 * iam:PutRolePermissionsBoundary: sets a managed policy as the role's permissions boundary;
 * `iam:PermissionsBoundary` is the requested policy. Service-linked roles refuse it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePermissionsBoundary.html
 */
import { defineOperation } from '../../operation.ts';
import { requireBoundaryPolicy } from '../policies/policy-lookup.ts';
import { assertRoleModifiable } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const putRolePermissionsBoundary = defineOperation('iam', 'PutRolePermissionsBoundary', {
  authorize: async (input, ctx) => [
    await roleCheck(ctx, 'iam:PutRolePermissionsBoundary', input.RoleName, { context: { 'iam:PermissionsBoundary': input.PermissionsBoundary } }),
  ],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, accountId, input.RoleName);
      assertRoleModifiable(role);
      await requireBoundaryPolicy(tx, ctx.managedPolicies, accountId, input.PermissionsBoundary);
      await tx.roles.update({ ...role, permissionsBoundaryArn: input.PermissionsBoundary });
    });
    return {};
  },
});
