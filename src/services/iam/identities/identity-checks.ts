/**
 * The authorization checks of operations on IAM users and groups (docs/aws-behaviour/iam-policy-evaluation.md): the target's
 * ARN with its path (path `/` when it does not exist: NoSuchEntity comes after authorization), its tags
 * as `aws:ResourceTag/*` and `iam:ResourceTag/*`, and the AccessDenied renderings of docs/aws-behaviour/access-denied-messages.md.
 */
import { iamArn } from '../../../kernel/iam-arns.ts';
import type { ContextInput } from '../../../policy/index.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';
import { resourceTagKeys } from '../../shared/iam-resource-tags.ts';

/** Options of a check on a user. */
export interface UserCheckOptions {
  /** Render the resource as `user <UserName>` in AccessDenied (GetUser and friends, docs/aws-behaviour/access-denied-messages.md). */
  readonly nameInMessage?: boolean;
  /** `iam:PermissionsBoundary`: the user's current boundary, or a boundary being set. */
  readonly boundary?: 'current' | { readonly set: string };
  /** More condition keys. */
  readonly context?: Readonly<Record<string, ContextInput>>;
  /** The resource as AccessDenied names it, overriding `nameInMessage`. */
  readonly messageResource?: string;
}

/** The check of `action` on the user `userName` of the caller's account. */
export async function userCheck(ctx: OperationContext, action: string, userName: string, options: UserCheckOptions = {}): Promise<AuthorizationCheck> {
  const accountId = ctx.caller.accountId;
  const user = await ctx.store.users.get(accountId, userName);
  const context: Record<string, ContextInput> = user && user.tags.length > 0 ? resourceTagKeys(user.tags) : {};
  if (options.context) Object.assign(context, options.context);
  const boundary = options.boundary === 'current' ? user?.permissionsBoundaryArn : options.boundary?.set;
  if (boundary !== undefined) context['iam:PermissionsBoundary'] = boundary;
  const messageResource = options.messageResource ?? (options.nameInMessage ? `user ${userName}` : undefined);
  const resource = user?.arn ?? iamArn(accountId, 'user', '/', userName);
  // Literals rather than spreads of conditional objects, a slow path of V8: this check is made by most IAM calls.
  return messageResource === undefined ? { action, resource, context } : { action, resource, messageResource, context };
}

/** The check of `action` on the group `groupName` (groups carry no tags). */
export async function groupCheck(ctx: OperationContext, action: string, groupName: string, context: Readonly<Record<string, ContextInput>> = {}): Promise<AuthorizationCheck> {
  const accountId = ctx.caller.accountId;
  const group = await ctx.store.groups.get(accountId, groupName);
  return { action, resource: group?.arn ?? iamArn(accountId, 'group', '/', groupName), context };
}

/**
 * The check of a listing (ListUsers, ListGroups): matched against `*`, named in AccessDenied as the
 * path prefix under the entity type, e.g. `arn:aws:iam::ACCT:user/` (docs/aws-behaviour/access-denied-messages.md).
 */
export function listingCheck(ctx: OperationContext, action: string, type: 'user' | 'group', pathPrefix: string | undefined): AuthorizationCheck {
  return { action, resource: '*', messageResource: `arn:aws:iam::${ctx.caller.accountId}:${type}${pathPrefix ?? '/'}` };
}
