/**
 * iam:RemoveUserFromGroup. https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveUserFromGroup.html
 */
import { defineOperation } from '../../operation.ts';
import { noSuchEntity } from '../shared/iam-errors.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { requireGroup, requireUser } from '../identities/identity-entities.ts';

/** RemoveUserFromGroup; NoSuchEntity when the user is not a member (the text is moto's, AWS's is unrecorded). */
export const removeUserFromGroup = defineOperation('iam', 'RemoveUserFromGroup', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:RemoveUserFromGroup', input.GroupName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const group = await requireGroup(tx, accountId, input.GroupName);
      const user = await requireUser(tx, accountId, input.UserName);
      const groups = await tx.groups.ofUser(accountId, user.id);
      if (!groups.some((g) => g.id === group.id)) throw noSuchEntity(`User ${input.UserName} not in group ${input.GroupName}`);
      await tx.groups.removeMember(accountId, group.id, user.id);
    });
    return {};
  },
});
