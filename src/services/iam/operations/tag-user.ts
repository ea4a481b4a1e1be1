/**
 * iam:TagUser: adds or replaces tags (keys compared case-insensitively), at most 50 per user.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagUser.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireUser } from '../identities/identity-entities.ts';
import { mergeTags, requestTagKeys, tagsFromWire } from '../shared/tags.ts';

/** TagUser. */
export const tagUser = defineOperation('iam', 'TagUser', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:TagUser', input.UserName, { context: requestTagKeys(input.Tags) })],
  handle: async (input, ctx) => {
    const added = tagsFromWire(input.Tags);
    await ctx.store.transaction(async (tx) => {
      const user = await requireUser(tx, ctx.caller.accountId, input.UserName);
      await tx.users.update({ ...user, tags: mergeTags(user.tags, added) });
    });
    return {};
  },
});
