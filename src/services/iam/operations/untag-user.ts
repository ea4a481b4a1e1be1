/**
 * iam:UntagUser: removes tags by key (case-insensitively); keys the user does not carry are ignored.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagUser.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireUser } from '../identities/identity-entities.ts';
import { removeTags } from '../shared/tags.ts';

/** UntagUser. */
export const untagUser = defineOperation('iam', 'UntagUser', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:UntagUser', input.UserName, { context: { 'aws:TagKeys': input.TagKeys } })],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const user = await requireUser(tx, ctx.caller.accountId, input.UserName);
      await tx.users.update({ ...user, tags: removeTags(user.tags, input.TagKeys) });
    });
    return {};
  },
});
