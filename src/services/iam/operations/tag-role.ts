/**
 * iam:TagRole: adds or replaces tags on a role (keys compared case-insensitively, at most 50).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagRole.html
 */
import { defineOperation } from '../../operation.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';
import { mergeTags, requestTagKeys, tagsFromWire } from '../shared/tags.ts';

export const tagRole = defineOperation('iam', 'TagRole', {
  authorize: async (input, ctx) => [await roleCheck(ctx, 'iam:TagRole', input.RoleName, { context: requestTagKeys(input.Tags) })],
  handle: async (input, ctx) => {
    const added = tagsFromWire(input.Tags);
    await ctx.store.transaction(async (tx) => {
      const role = await requireRole(tx, ctx.caller.accountId, input.RoleName);
      await tx.roles.update({ ...role, tags: mergeTags(role.tags, added) });
    });
    return {};
  },
});
