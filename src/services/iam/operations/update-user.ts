/**
 * iam:UpdateUser: renames a user or moves it to another path. The caller needs the permission on both
 * the user as it is and as it will be ("to change Bob to Robert, ... permission on Bob and Robert").
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateUser.html
 */
import { iamArn } from '../../../kernel/iam-arns.ts';
import type { AuthorizationCheck } from '../../operation.ts';
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { rejectingTakenName, requireUser } from '../identities/identity-entities.ts';

/** UpdateUser. */
export const updateUser = defineOperation('iam', 'UpdateUser', {
  authorize: async (input, ctx) => {
    const current = await userCheck(ctx, 'iam:UpdateUser', input.UserName, { nameInMessage: true });
    if (input.NewPath === undefined && input.NewUserName === undefined) return [current];
    const user = await ctx.store.users.get(ctx.caller.accountId, input.UserName);
    const name = input.NewUserName ?? user?.name ?? input.UserName;
    const renamed: AuthorizationCheck = {
      ...current,
      resource: iamArn(ctx.caller.accountId, 'user', input.NewPath ?? user?.path ?? '/', name),
      messageResource: `user ${name}`,
    };
    return [current, renamed];
  },
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    await ctx.store.transaction(async (tx) => {
      const user = await requireUser(tx, accountId, input.UserName);
      const name = input.NewUserName ?? user.name;
      const path = input.NewPath ?? user.path;
      await rejectingTakenName('user', name, () => tx.users.update({ ...user, name, path, arn: iamArn(accountId, 'user', path, name) }));
    });
    return {};
  },
});
