/**
 * Roles named in requests: the lookup that answers NoSuchEntity, and the authorization check of a role
 * operation (docs/aws-behaviour/iam-policy-evaluation.md): the role ARN with its path (path `/` when the role does not exist,
 * NoSuchEntity then comes from the handler), the role's tags as `aws:ResourceTag/*` and
 * `iam:ResourceTag/*`, and its current boundary as `iam:PermissionsBoundary`.
 */
import { iamArn } from '../../../kernel/iam-arns.ts';
import type { ContextInput } from '../../../policy/index.ts';
import type { RoleRecord } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';
import { missing } from '../shared/iam-errors.ts';
import { resourceTagKeys } from '../../shared/iam-resource-tags.ts';

/** The role `name` of `accountId`, or NoSuchEntity. */
export async function requireRole(store: StoreSession, accountId: string, name: string): Promise<RoleRecord> {
  const role = await store.roles.get(accountId, name);
  if (!role) throw missing.role(name);
  return role;
}

/** Options of a role check. */
export interface RoleCheckOptions {
  /** AccessDenied names the role as `role <RoleName>` (GetRole, UpdateRole, …; docs/aws-behaviour/access-denied-messages.md) rather than by ARN. */
  readonly messageByName?: boolean;
  /** Extra condition keys (request tags, a requested boundary, `iam:PolicyARN`). */
  readonly context?: Readonly<Record<string, ContextInput>>;
}

/** The check of `action` on the role `roleName` of the caller's account. */
export async function roleCheck(ctx: OperationContext, action: string, roleName: string, options: RoleCheckOptions = {}): Promise<AuthorizationCheck> {
  const accountId = ctx.caller.accountId;
  const role = await ctx.store.roles.get(accountId, roleName);
  const context: Record<string, ContextInput> = {};
  if (role) {
    Object.assign(context, resourceTagKeys(role.tags));
    if (role.permissionsBoundaryArn !== undefined) context['iam:PermissionsBoundary'] = role.permissionsBoundaryArn;
  }
  Object.assign(context, options.context);
  return {
    action,
    resource: role?.arn ?? iamArn(accountId, 'role', '/', roleName),
    ...(options.messageByName ? { messageResource: `role ${roleName}` } : {}),
    context,
  };
}
