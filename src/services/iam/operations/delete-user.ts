/**
 * iam:DeleteUser: refused with DeleteConflict while the user still has access keys, a login profile,
 * inline policies, attached policies or group memberships (checked in that order; docs/aws-behaviour/error-shapes.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html
 */
import { defineOperation } from '../../operation.ts';
import { deleteConflict } from '../shared/iam-errors.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireUser } from '../identities/identity-entities.ts';

/** DeleteUser. */
export const deleteUser = defineOperation('iam', 'DeleteUser', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:DeleteUser', input.UserName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const user = await requireUser(tx, accountId, input.UserName);
      if ((await tx.accessKeys.ofUser(accountId, user.id)).length > 0) throw deleteConflict('Cannot delete entity, must delete access keys first.');
      if (await tx.loginProfiles.get(accountId, user.id)) throw deleteConflict('Cannot delete entity, must delete login profile first.');
      if ((await tx.inlinePolicies.list(accountId, 'user', user.id)).length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
      if ((await tx.attachments.ofEntity(accountId, 'user', user.id)).length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
      if ((await tx.groups.ofUser(accountId, user.id)).length > 0) throw deleteConflict('Cannot delete entity, must remove users from group first.');
      await tx.users.delete(accountId, user.id);
    });
    return {};
  },
});
