/**
 * iam:PutUserPermissionsBoundary: sets or replaces a user's permissions boundary, which must be an
 * existing managed policy (customer or AWS); `iam:PermissionsBoundary` is the boundary being set.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPermissionsBoundary.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireUser } from '../identities/identity-entities.ts';
import { assertBoundaryPolicy } from '../identities/identity-managed-policies.ts';

/** PutUserPermissionsBoundary. */
export const putUserPermissionsBoundary = defineOperation('iam', 'PutUserPermissionsBoundary', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:PutUserPermissionsBoundary', input.UserName, { boundary: { set: input.PermissionsBoundary } })],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const user = await requireUser(tx, accountId, input.UserName);
      await assertBoundaryPolicy(tx, ctx.managedPolicies, accountId, input.PermissionsBoundary);
      await tx.users.update({ ...user, permissionsBoundaryArn: input.PermissionsBoundary });
    });
    return {};
  },
});
