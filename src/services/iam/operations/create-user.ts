/**
 * iam:CreateUser: a user with path (default `/`), tags and permissions boundary; at most 5,000 users
 * per account (docs/aws-behaviour/iam-identities-and-quotas.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html
 */
import { iamArn } from '../../../kernel/iam-arns.ts';
import { defineOperation } from '../../operation.ts';
import { limitExceeded } from '../shared/iam-errors.ts';
import { rejectingTakenName } from '../identities/identity-entities.ts';
import { assertBoundaryPolicy } from '../identities/identity-managed-policies.ts';
import { userToWire } from '../identities/identity-wire.ts';
import { requestTagKeys, tagsFromWire } from '../shared/tags.ts';

/** Most users one account may have. */
export const USERS_PER_ACCOUNT = 5000;

/** CreateUser. */
export const createUser = defineOperation('iam', 'CreateUser', {
  authorize: (input, ctx) => [{
    action: 'iam:CreateUser',
    resource: iamArn(ctx.caller.accountId, 'user', input.Path ?? '/', input.UserName),
    context: {
      ...requestTagKeys(input.Tags),
      ...(input.PermissionsBoundary !== undefined ? { 'iam:PermissionsBoundary': input.PermissionsBoundary } : {}),
    },
  }],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const path = input.Path ?? '/';
    const tags = tagsFromWire(input.Tags);
    const user = {
      accountId,
      id: ctx.ids.uniqueId('AIDA'),
      name: input.UserName,
      path,
      arn: iamArn(accountId, 'user', path, input.UserName),
      createdAt: new Date(ctx.clock.now()),
      permissionsBoundaryArn: input.PermissionsBoundary,
      tags,
    };
    await ctx.store.transaction(async (tx) => {
      if (input.PermissionsBoundary !== undefined) await assertBoundaryPolicy(tx, ctx.managedPolicies, accountId, input.PermissionsBoundary);
      if ((await tx.users.count(accountId)) >= USERS_PER_ACCOUNT) throw limitExceeded(`Cannot exceed quota for UsersPerAccount: ${USERS_PER_ACCOUNT}`);
      await rejectingTakenName('user', input.UserName, () => tx.users.insert(user));
    });
    return { User: userToWire(user, 'detail') };
  },
});
