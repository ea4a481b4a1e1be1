/**
 * iam:DeleteAccessKey: the key stops authenticating at once.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccessKey.html
 */
import { defineOperation } from '../../operation.ts';
import { requireOwnedAccessKey } from '../shared/identity-access-keys.ts';
import { keyOwnerCheck, keyOwnerOf } from '../shared/identity-key-owner.ts';
import type { NoOutput } from '../shared/identity-wire.ts';

interface DeleteAccessKeyInput {
  readonly UserName?: string;
  readonly AccessKeyId: string;
}

/** DeleteAccessKey. */
export const deleteAccessKey = defineOperation<DeleteAccessKeyInput, NoOutput>({
  authorize: async (input, ctx) => [await keyOwnerCheck(ctx, 'iam:DeleteAccessKey', keyOwnerOf(input.UserName, ctx.caller))],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const key = await requireOwnedAccessKey(tx, ctx.caller.accountId, keyOwnerOf(input.UserName, ctx.caller), input.AccessKeyId);
      await tx.accessKeys.delete(key.id);
    });
    return {};
  },
});
