/**
 * iam:GetRolePolicy: one inline policy of a role, its document as submitted. AccessDenied names the role
 * as `role <RoleName>` (as for GetUserPolicy, docs/aws-behaviour/access-denied-messages.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { missingRolePolicy } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

export const getRolePolicy = defineOperation('iam', 'GetRolePolicy', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:GetRolePolicy', input.RoleName, { messageByName: true })],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const role = await requireRole(ctx.store, accountId, input.RoleName);
    const policy = await ctx.store.inlinePolicies.get(accountId, 'role', role.id, input.PolicyName);
    if (!policy) throw missingRolePolicy(input.PolicyName);
    return { RoleName: role.name, PolicyName: policy.name, PolicyDocument: policy.document };
  },
});
