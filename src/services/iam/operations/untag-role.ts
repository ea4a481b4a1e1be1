/**
 * iam:UntagRole: removes tags from a role by key (keys absent are ignored).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagRole.html
 */
import { defineOperation } from '../../operation.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';
import { removeTags } from '../shared/tags.ts';

export const untagRole = defineOperation('iam', 'UntagRole', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:UntagRole', input.RoleName, { context: { 'aws:TagKeys': [...input.TagKeys] } })],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, ctx.caller.accountId, input.RoleName);
      await tx.roles.update({ ...role, tags: removeTags(role.tags, input.TagKeys) });
    });
    return {};
  },
});
