/**
 * iam:AttachRolePolicy: attaches a customer or AWS managed policy to a role, at most 10 per role
 * (docs/aws-behaviour/iam-identities-and-quotas.md). AWS service-role policies attach only to service-linked roles, which in turn refuse
 * changes by anyone but AWS (docs/aws-behaviour/iam-identities-and-quotas.md, docs/aws-behaviour/error-shapes.md). Attaching an attached policy changes nothing.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { limitExceeded } from '../shared/iam-errors.ts';
import { policyNotAttachable, serviceRolePolicyNotAttachable } from '../policies/policy-errors.ts';
import { assertParsablePolicyArn, findPolicy, isServiceRolePolicy } from '../policies/policy-lookup.ts';
import { assertRoleModifiable } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

/** Most managed policies attached to one role (docs/aws-behaviour/iam-identities-and-quotas.md). */
export const POLICIES_PER_ROLE = 10;

export const attachRolePolicy = defineOperation('iam', 'AttachRolePolicy', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:AttachRolePolicy', input.RoleName, { context: { 'iam:PolicyARN': input.PolicyArn } })],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    assertParsablePolicyArn(input.PolicyArn);
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, accountId, input.RoleName);
      assertRoleModifiable(role);
      const found = await findPolicy(tx, ctx.managedPolicies, accountId, input.PolicyArn);
      if (!found) throw policyNotAttachable(input.PolicyArn);
      if (isServiceRolePolicy(found)) throw serviceRolePolicyNotAttachable();
      const attached = await tx.attachments.ofEntity(accountId, 'role', role.id);
      if (attached.some((a) => a.policyArn === found.arn)) return;
      if (attached.length >= POLICIES_PER_ROLE) throw limitExceeded(`Cannot exceed quota for PoliciesPerRole: ${POLICIES_PER_ROLE}`);
      await tx.attachments.attach({ accountId, policyArn: found.arn, entityType: 'role', entityId: role.id });
    });
    return {};
  },
});
