/**
 * iam:DeleteGroup: refused with DeleteConflict while the group has members, inline policies or
 * attached policies (docs/aws-behaviour/error-shapes.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteGroup.html
 */
import { defineOperation } from '../../operation.ts';
import { deleteConflict } from '../shared/iam-errors.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { requireGroup } from '../identities/identity-entities.ts';

/** DeleteGroup. */
export const deleteGroup = defineOperation('iam', 'DeleteGroup', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:DeleteGroup', input.GroupName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const group = await requireGroup(tx, accountId, input.GroupName);
      if ((await tx.groups.members(accountId, group.id)).length > 0) throw deleteConflict('Cannot delete entity, must remove users from group first.');
      if ((await tx.inlinePolicies.list(accountId, 'group', group.id)).length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
      if ((await tx.attachments.ofEntity(accountId, 'group', group.id)).length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
      await tx.groups.delete(accountId, group.id);
    });
    return {};
  },
});
