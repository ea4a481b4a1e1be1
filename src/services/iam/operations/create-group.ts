/**
 * iam:CreateGroup: a group with path (default `/`); at most 300 groups per account (docs/aws-behaviour/iam-identities-and-quotas.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateGroup.html
 */
import { iamArn } from '../../../kernel/iam-arns.ts';
import { defineOperation } from '../../operation.ts';
import { limitExceeded } from '../shared/iam-errors.ts';
import { rejectingTakenName } from '../identities/identity-entities.ts';
import { groupToWire } from '../identities/identity-wire.ts';

/** Most groups one account may have. */
export const GROUPS_PER_ACCOUNT = 300;

/** CreateGroup. */
export const createGroup = defineOperation('iam', 'CreateGroup', {
  authorize: (input, ctx) => [{ action: 'iam:CreateGroup', resource: iamArn(ctx.caller.accountId, 'group', input.Path ?? '/', input.GroupName) }],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const path = input.Path ?? '/';
    const group = {
      accountId,
      id: ctx.ids.uniqueId('AGPA'),
      name: input.GroupName,
      path,
      arn: iamArn(accountId, 'group', path, input.GroupName),
      createdAt: new Date(ctx.clock.now()),
    };
    await ctx.store.transaction(async (tx) => {
      if ((await tx.groups.count(accountId)) >= GROUPS_PER_ACCOUNT) throw limitExceeded(`Cannot exceed quota for GroupsPerAccount: ${GROUPS_PER_ACCOUNT}`);
      await rejectingTakenName('group', input.GroupName, () => tx.groups.insert(group));
    });
    return { Group: groupToWire(group) };
  },
});
