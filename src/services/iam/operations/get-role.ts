/**
 * iam:GetRole: the role with its trust policy, boundary, tags and last use. AccessDenied names it as
 * `role <RoleName>` (docs/aws-behaviour/access-denied-messages.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html
 */
import { defineOperation } from '../../operation.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';
import { roleToWire } from '../roles/role-wire.ts';

export const getRole = defineOperation('iam', 'GetRole', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:GetRole', input.RoleName, { messageByName: true })],
  handle: async (input, ctx) => {
    const role = await requireRole(ctx.store, ctx.caller.accountId, input.RoleName);
    return { Role: await roleToWire(ctx.store, role, 'detail') };
  },
});
