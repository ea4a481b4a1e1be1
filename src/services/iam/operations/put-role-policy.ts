/**
 * iam:PutRolePolicy: adds or replaces an inline policy of a role, validated as `identity-inline`; all
 * inline policies of a role together hold at most 10,240 characters (docs/aws-behaviour/iam-policy-language.md). Service-linked
 * roles refuse it. https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html
 */
import { INLINE_POLICY_AGGREGATE_LIMITS, policySize } from '../../../policy/index.ts';
import { defineOperation } from '../../operation.ts';
import { limitExceeded } from '../shared/iam-errors.ts';
import { assertValidPolicy } from '../policies/policy-validation.ts';
import { assertRoleModifiable } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const putRolePolicy = defineOperation('iam', 'PutRolePolicy', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:PutRolePolicy', input.RoleName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, accountId, input.RoleName);
      assertRoleModifiable(role);
      const { size } = assertValidPolicy(input.PolicyDocument, 'identity-inline', { enforceSizeLimit: false });
      let total = size;
      for (const other of await tx.inlinePolicies.list(accountId, 'role', role.id)) {
        if (other.name !== input.PolicyName) total += policySize(other.document);
      }
      const limit = INLINE_POLICY_AGGREGATE_LIMITS.role;
      if (total > limit.limit) throw limitExceeded(limit.message(input.RoleName));
      await tx.inlinePolicies.put({ accountId, ownerType: 'role', ownerId: role.id, name: input.PolicyName, document: input.PolicyDocument });
    });
    return {};
  },
});
