/**
 * iam:DeleteServiceLinkedRole: deletes a service-linked role with its policies (the store removes them with the role), answering a deletion
 * task id `task/aws-service-role/<service>/<RoleName>/<uuid>` (Tollgate deletes at once, so the task
 * has already SUCCEEDED). https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteServiceLinkedRole.html
 */
import { defineOperation } from '../../operation.ts';
import { invalidInput } from '../shared/iam-errors.ts';
import { isServiceLinkedRole, SERVICE_ROLE_PATH_PREFIX } from '../roles/role-errors.ts';
import { requireRole, roleCheck } from '../roles/role-lookup.ts';

/** The service of a service-linked role's path `/aws-service-role/<service>/`. */
function serviceOfPath(path: string): string {
  return path.slice(SERVICE_ROLE_PATH_PREFIX.length).replace(/\/$/, '');
}

export const deleteServiceLinkedRole = defineOperation('iam', 'DeleteServiceLinkedRole', {
  authorize: async (input, ctx) => {
    const role = await ctx.store.roles.get(ctx.caller.accountId, input.RoleName);
    const context: Record<string, string> = role && isServiceLinkedRole(role) ? { 'iam:AWSServiceName': serviceOfPath(role.path) } : {};
    return [await roleCheck(ctx, 'iam:DeleteServiceLinkedRole', input.RoleName, { context })];
  },
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const role = await ctx.store.transaction(async (tx) => {
      const found = await requireRole(tx, accountId, input.RoleName);
      if (!isServiceLinkedRole(found)) throw invalidInput(`Role ${found.name} is not a service-linked role.`);
      await tx.roles.delete(accountId, found.id);
      return found;
    });
    return { DeletionTaskId: `task${role.path}${role.name}/${ctx.ids.requestId()}` };
  },
});
