/**
 * iam:ListAccessKeys: the keys of the named user, the caller's own user, or the root user; never a
 * secret. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccessKeys.html
 */
import { defineOperation } from '../../operation.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { keyOwnerCheck, keyOwnerOf, resolveKeyOwner } from '../identities/identity-key-owner.ts';
import { paginate } from '../shared/pagination.ts';

/** ListAccessKeys. */
export const listAccessKeys = defineOperation('iam', 'ListAccessKeys', {
  authorize: async (input, ctx) => [await keyOwnerCheck(ctx, 'iam:ListAccessKeys', keyOwnerOf(input.UserName, ctx.caller))],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const owner = await resolveKeyOwner(ctx.store, accountId, keyOwnerOf(input.UserName, ctx.caller));
    const page = paginate(await ctx.store.accessKeys.ofUser(accountId, owner.userId), input);
    const name = owner.userName !== undefined ? { UserName: owner.userName } : {};
    return {
      AccessKeyMetadata: page.items.map((k) => ({ ...name, AccessKeyId: k.id, Status: k.status, CreateDate: k.createdAt })),
      ...pageFields(page),
    };
  },
});
