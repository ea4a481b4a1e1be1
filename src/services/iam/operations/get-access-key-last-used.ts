/**
 * iam:GetAccessKeyLastUsed: when, where and with which service a key was last used; `N/A` service and
 * region (and no date) for a key never used. Authorized on the key owner's user ARN. A key that does
 * not exist in the caller's account gets AWS's AccessDenied quirk (docs/aws-behaviour/access-denied-messages.md): the model has no
 * NoSuchEntity for this operation.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import { rootArn } from '../../../kernel/iam-arns.ts';
import { principalMessageArn } from '../../../policy/index.ts';
import type { AccessKeyRecord } from '../../../store/iam-records.ts';
import type { OperationContext } from '../../operation.ts';
import { defineOperation } from '../../operation.ts';
import { userCheck } from '../identities/identity-checks.ts';

/** The key and its owning user's name, when it exists in the caller's account. */
async function findKey(ctx: OperationContext, id: string): Promise<{ key: AccessKeyRecord; userName: string | undefined } | undefined> {
  const key = await ctx.store.accessKeys.get(id);
  if (!key || key.accountId !== ctx.caller.accountId) return undefined;
  if (key.userId === undefined) return { key, userName: undefined };
  const user = await ctx.store.users.getById(key.accountId, key.userId);
  return user ? { key, userName: user.name } : undefined;
}

/** GetAccessKeyLastUsed. */
export const getAccessKeyLastUsed = defineOperation('iam', 'GetAccessKeyLastUsed', {
  authorize: async (input, ctx) => {
    const found = await findKey(ctx, input.AccessKeyId);
    if (!found) return []; // answered by `handle` with AccessDenied, whoever asks
    const messageResource = `access key ${input.AccessKeyId}`;
    if (found.userName === undefined) return [{ action: 'iam:GetAccessKeyLastUsed', resource: rootArn(ctx.caller.accountId), messageResource }];
    return [await userCheck(ctx, 'iam:GetAccessKeyLastUsed', found.userName, { messageResource })];
  },
  handle: async (input, ctx) => {
    const found = await findKey(ctx, input.AccessKeyId);
    if (!found) {
      throw new AwsError('AccessDenied', 403, `User: ${principalMessageArn(ctx.caller.principal)} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key ${input.AccessKeyId}`);
    }
    const used = found.key.lastUsed;
    return {
      ...(found.userName !== undefined ? { UserName: found.userName } : {}),
      AccessKeyLastUsed: used ? { LastUsedDate: used.date, ServiceName: used.service, Region: used.region } : { ServiceName: 'N/A', Region: 'N/A' },
    };
  },
});
