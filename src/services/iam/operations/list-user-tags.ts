/**
 * iam:ListUserTags: a user's tags, paginated. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUserTags.html
 */
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireUser } from '../identities/identity-entities.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import { tagsToWire } from '../shared/tags.ts';

/** ListUserTags. */
export const listUserTags = defineOperation('iam', 'ListUserTags', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:ListUserTags', input.UserName)],
  handle: async (input, ctx) => {
    const user = await requireUser(ctx.store, ctx.caller.accountId, input.UserName);
    const page = paginate(tagsToWire(user.tags), input);
    return { Tags: [...page.items], ...pageFields(page) };
  },
});
