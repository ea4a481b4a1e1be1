/**
 * iam:AddUserToGroup: idempotent; a user belongs to at most 10 groups (docs/aws-behaviour/iam-identities-and-quotas.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddUserToGroup.html
 */
import { defineOperation } from '../../operation.ts';
import { limitExceeded } from '../shared/iam-errors.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { requireGroup, requireUser } from '../identities/identity-entities.ts';

/** Most groups one user may belong to. */
export const GROUPS_PER_USER = 10;

/** AddUserToGroup. */
export const addUserToGroup = defineOperation('iam', 'AddUserToGroup', {
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:AddUserToGroup', input.GroupName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const group = await requireGroup(tx, accountId, input.GroupName);
      const user = await requireUser(tx, accountId, input.UserName);
      const groups = await tx.groups.ofUser(accountId, user.id);
      if (groups.some((g) => g.id === group.id)) return;
      if (groups.length >= GROUPS_PER_USER) throw limitExceeded(`Cannot exceed quota for GroupsPerUser: ${GROUPS_PER_USER}`);
      await tx.groups.addMember(accountId, group.id, user.id);
    });
    return {};
  },
});
