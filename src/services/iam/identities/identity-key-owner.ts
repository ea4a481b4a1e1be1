/**
 * Whose access keys an access-key operation acts on: the named user, else the caller's own user, else
 * (for the root user) the account's root keys. Other callers must name a user (docs/aws-behaviour/error-shapes.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import { rootArn } from '../../../kernel/iam-arns.ts';
import type { StoreSession } from '../../../store/store.ts';
import type { AuthorizationCheck, Caller, OperationContext } from '../../operation.ts';
import { userCheck } from './identity-checks.ts';
import { requireUser } from './identity-entities.ts';

/** The owner of the keys acted on. */
export type KeyOwner = { readonly kind: 'user'; readonly name: string } | { readonly kind: 'root' };

/** The owner an input with an optional `UserName` designates for `caller`. */
export function keyOwnerOf(userName: string | undefined, caller: Caller): KeyOwner {
  if (userName !== undefined) return { kind: 'user', name: userName };
  const principal = caller.principal;
  if (principal.type === 'User') return { kind: 'user', name: principal.name };
  if (principal.type === 'Account') return { kind: 'root' };
  throw new AwsError('ValidationError', 400, 'Must specify userName when calling with non-User credentials');
}

/** The check of `action` on the owner: the user's ARN (root: the account's root ARN). */
export async function keyOwnerCheck(ctx: OperationContext, action: string, owner: KeyOwner): Promise<AuthorizationCheck> {
  if (owner.kind === 'root') return { action, resource: rootArn(ctx.caller.accountId) };
  return userCheck(ctx, action, owner.name);
}

/** The owner as stored: the user's id and name (NoSuchEntity when missing), or undefined ids for root. */
export async function resolveKeyOwner(session: StoreSession, accountId: string, owner: KeyOwner): Promise<{ userId: string | undefined; userName: string | undefined }> {
  if (owner.kind === 'root') return { userId: undefined, userName: undefined };
  const user = await requireUser(session, accountId, owner.name);
  return { userId: user.id, userName: user.name };
}
