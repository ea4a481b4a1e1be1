/**
 * iam:UpdateAccessKey: makes a key Active or Inactive (an Inactive key is refused at authentication).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccessKey.html
 */
import { defineOperation } from '../../operation.ts';
import { invalidInput } from '../shared/iam-errors.ts';
import { requireOwnedAccessKey } from '../identities/identity-access-keys.ts';
import { keyOwnerCheck, keyOwnerOf } from '../identities/identity-key-owner.ts';

/** UpdateAccessKey. */
export const updateAccessKey = defineOperation('iam', 'UpdateAccessKey', {
  authorize: async (input, ctx) => [await keyOwnerCheck(ctx, 'iam:UpdateAccessKey', keyOwnerOf(input.UserName, ctx.caller))],
  handle: async (input, ctx) => {
    const status = input.Status;
    // `Expired` is in the model's enum but is not a status a caller may set.
    if (status === 'Expired') throw invalidInput('Access key status Expired cannot be set; use Active or Inactive.');
    await ctx.store.transaction(async (tx) => {
      const key = await requireOwnedAccessKey(tx, ctx.caller.accountId, keyOwnerOf(input.UserName, ctx.caller), input.AccessKeyId);
      if (key.status !== status) await tx.accessKeys.update({ ...key, status });
    });
    return {};
  },
});
