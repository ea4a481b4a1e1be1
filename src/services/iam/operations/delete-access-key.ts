/**
 * iam:DeleteAccessKey: the key stops authenticating at once.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccessKey.html
 */
import { defineOperation } from '../../operation.ts';
import { requireOwnedAccessKey } from '../identities/identity-access-keys.ts';
import { keyOwnerCheck, keyOwnerOf } from '../identities/identity-key-owner.ts';

/** DeleteAccessKey. */
export const deleteAccessKey = defineOperation('iam', 'DeleteAccessKey', {
  authorize: async (input, ctx) => [await keyOwnerCheck(ctx, 'iam:DeleteAccessKey', keyOwnerOf(input.UserName, ctx.caller))],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const key = await requireOwnedAccessKey(tx, ctx.caller.accountId, keyOwnerOf(input.UserName, ctx.caller), input.AccessKeyId);
      await tx.accessKeys.delete(key.id);
    });
    return {};
  },
});
