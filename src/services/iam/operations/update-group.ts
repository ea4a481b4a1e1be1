/**
 * iam:UpdateGroup: renames a group or moves it to another path; like UpdateUser, the caller needs the
 * permission on the group as it is and as it will be.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateGroup.html
 */
import { iamArn } from '../../../kernel/iam-arns.ts';
import { defineOperation } from '../../operation.ts';
import { groupCheck } from '../identities/identity-checks.ts';
import { rejectingTakenName, requireGroup } from '../identities/identity-entities.ts';

/** UpdateGroup. */
export const updateGroup = defineOperation('iam', 'UpdateGroup', {
  authorize: async (input, ctx) => {
    const current = await groupCheck(ctx, 'iam:UpdateGroup', input.GroupName);
    if (input.NewPath === undefined && input.NewGroupName === undefined) return [current];
    const group = await ctx.store.groups.get(ctx.caller.accountId, input.GroupName);
    const name = input.NewGroupName ?? group?.name ?? input.GroupName;
    return [current, { ...current, resource: iamArn(ctx.caller.accountId, 'group', input.NewPath ?? group?.path ?? '/', name) }];
  },
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const group = await requireGroup(tx, accountId, input.GroupName);
      const name = input.NewGroupName ?? group.name;
      const path = input.NewPath ?? group.path;
      await rejectingTakenName('group', name, () => tx.groups.update({ ...group, name, path, arn: iamArn(accountId, 'group', path, name) }));
    });
    return {};
  },
});
