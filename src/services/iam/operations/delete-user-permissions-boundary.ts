/**
 * iam:DeleteUserPermissionsBoundary: removes a user's permissions boundary; `iam:PermissionsBoundary`
 * is the boundary currently set. https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPermissionsBoundary.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireUser } from '../identities/identity-entities.ts';

/** DeleteUserPermissionsBoundary. */
export const deleteUserPermissionsBoundary = defineOperation('iam', 'DeleteUserPermissionsBoundary', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:DeleteUserPermissionsBoundary', input.UserName, { boundary: 'current' })],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const user = await requireUser(tx, ctx.caller.accountId, input.UserName);
      if (user.permissionsBoundaryArn !== undefined) await tx.users.update({ ...user, permissionsBoundaryArn: undefined });
    });
    return {};
  },
});
