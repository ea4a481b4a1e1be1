/**
 * iam:CreateAccessKey: a new `AKIA…` key for the named user, the caller's own user, or (root caller,
 * no UserName) the root user. The secret appears in this response only and is stored sealed. At most
 * two keys per user, checked and inserted in one transaction so the quota holds under concurrency.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
 */
import { defineOperation } from '../../operation.ts';
import { limitExceeded } from '../shared/iam-errors.ts';
import { keyOwnerCheck, keyOwnerOf, resolveKeyOwner } from '../identities/identity-key-owner.ts';

/** Most access keys one user (or root user) may have. */
export const ACCESS_KEYS_PER_USER = 2;

/** CreateAccessKey. */
export const createAccessKey = defineOperation('iam', 'CreateAccessKey', {
  authorize: async (input, ctx) => [await keyOwnerCheck(ctx, 'iam:CreateAccessKey', keyOwnerOf(input.UserName, ctx.caller))],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const accessKeyId = ctx.ids.accessKeyId('AKIA');
    const secretAccessKey = ctx.ids.secretAccessKey();
    const createdAt = new Date(ctx.clock.now());
    const userName = await ctx.store.transaction(async (tx) => {
      const owner = await resolveKeyOwner(tx, accountId, keyOwnerOf(input.UserName, ctx.caller));
      if ((await tx.accessKeys.ofUser(accountId, owner.userId)).length >= ACCESS_KEYS_PER_USER) {
        throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`);
      }
      await tx.accessKeys.insert({
        accountId, id: accessKeyId, userId: owner.userId, secretCiphertext: ctx.secrets.seal(secretAccessKey), status: 'Active', createdAt, lastUsed: undefined,
      });
      return owner.userName;
    });
    return { AccessKey: { ...(userName !== undefined ? { UserName: userName } : {}), AccessKeyId: accessKeyId, Status: 'Active', SecretAccessKey: secretAccessKey, CreateDate: createdAt } };
  },
});
