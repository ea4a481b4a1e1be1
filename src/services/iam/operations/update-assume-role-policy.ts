/**
 * iam:UpdateAssumeRolePolicy: replaces a role's trust policy (validated and resolved as on CreateRole,
 * docs/aws-behaviour/iam-policy-language.md). Service-linked roles refuse it (UnmodifiableEntity).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { assertRoleModifiable } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';
import { trustPolicyToStore } from '../roles/role-trust-policy.ts';

export const updateAssumeRolePolicy = defineOperation('iam', 'UpdateAssumeRolePolicy', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:UpdateAssumeRolePolicy', input.RoleName)],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, ctx.caller.accountId, input.RoleName);
      assertRoleModifiable(role);
      const trustPolicy = await trustPolicyToStore(tx, input.PolicyDocument);
      await tx.roles.update({ ...role, trustPolicy });
    });
    return {};
  },
});
