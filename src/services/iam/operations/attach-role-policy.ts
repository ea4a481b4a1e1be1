/**
 * iam:AttachRolePolicy: attaches a customer or AWS managed policy to a role, at most 10 per role
 * (IAM-SPEC §1.5). AWS service-role policies attach only to service-linked roles, which in turn refuse
 * changes by anyone but AWS (IAM-SPEC §10, §11.3). Attaching an attached policy changes nothing.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { limitExceeded } from '../shared/iam-errors.ts';
import { policyNotAttachable, serviceRolePolicyNotAttachable } from '../policies/policy-errors.ts';
import { assertParsablePolicyArn, findPolicy, isServiceRolePolicy } from '../policies/policy-lookup.ts';
import { assertRoleModifiable } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

/** Most managed policies attached to one role (IAM-SPEC §1.5). */
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
