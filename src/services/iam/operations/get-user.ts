/**
 * iam:GetUser: the named user, or without UserName the caller's own user; the root user gets AWS's
 * root shape (UserId the account id, the root ARN, no UserName or Path). AccessDenied names the
 * resource `user <UserName>` (docs/aws-behaviour/access-denied-messages.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import { deepFreeze } from '../../../kernel/deep-freeze.ts';
import { rootArn } from '../../../kernel/iam-arns.ts';
import type { Caller } from '../../operation.ts';
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireUser } from '../identities/identity-entities.ts';
import { userToWire, type WireUser } from '../identities/identity-wire.ts';
import type { UserRecord } from '../../../store/iam-records.ts';
import type { GetUserRequest } from '../../../model-types/iam.ts';

interface GetUserOutput {
  readonly User: WireUser;
}

/** The user GetUser is about: a name, or the root user. */
function target(input: GetUserRequest, caller: Caller): { name: string } | 'root' {
  if (input.UserName !== undefined) return { name: input.UserName };
  if (caller.principal.type === 'User') return { name: caller.principal.name };
  if (caller.principal.type === 'Account') return 'root';
  throw new AwsError('ValidationError', 400, 'Must specify userName when calling with non-User credentials');
}

/** GetUser. */
export const getUser = defineOperation('iam', 'GetUser', {
  authorize: async (input, ctx) => {
    const user = target(input, ctx.caller);
    if (user === 'root') return [{ action: 'iam:GetUser', resource: rootArn(ctx.caller.accountId) }];
    return [await userCheck(ctx, 'iam:GetUser', user.name, { nameInMessage: true })];
  },
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const user = target(input, ctx.caller);
    if (user === 'root') {
      const account = await ctx.store.accounts.get(accountId);
      return { User: { UserId: accountId, Arn: rootArn(accountId), CreateDate: account?.createdAt ?? new Date(ctx.clock.now()) } };
    }
    return describedUser(await requireUser(ctx.store, accountId, user.name));
  },
});

/** Stored records are never modified in place, so a view of one stays true: the encoder writes a frozen output it has seen once. */
const described = new WeakMap<UserRecord, GetUserOutput>();

function describedUser(user: UserRecord): GetUserOutput {
  let output = described.get(user);
  if (output === undefined) described.set(user, (output = deepFreeze({ User: userToWire(user, 'detail') })));
  return output;
}
