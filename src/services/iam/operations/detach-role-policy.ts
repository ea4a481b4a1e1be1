/**
 * iam:DetachRolePolicy: detaches a managed policy from a role; NoSuchEntity `Policy <arn> was not found.`
 * when it is not attached. Service-linked roles refuse it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DetachRolePolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { missing } from '../shared/iam-errors.ts';
import { assertParsablePolicyArn } from '../policies/policy-lookup.ts';
import { assertRoleModifiable } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const detachRolePolicy = defineOperation('iam', 'DetachRolePolicy', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:DetachRolePolicy', input.RoleName, { context: { 'iam:PolicyARN': input.PolicyArn } })],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    assertParsablePolicyArn(input.PolicyArn);
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, accountId, input.RoleName);
      assertRoleModifiable(role);
      const attached = await tx.attachments.ofEntity(accountId, 'role', role.id);
      if (!attached.some((a) => a.policyArn === input.PolicyArn)) throw missing.policy(input.PolicyArn);
      await tx.attachments.detach({ accountId, policyArn: input.PolicyArn, entityType: 'role', entityId: role.id });
    });
    return {};
  },
});
