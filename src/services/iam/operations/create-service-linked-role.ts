/**
 * iam:CreateServiceLinkedRole: the role an AWS service uses (e.g. ecs.amazonaws.com →
 * `AWSServiceRoleForECS` at `/aws-service-role/ecs.amazonaws.com/`), trusting only that service, with the
 * service's AWS managed policies attached (the catalogue in ../../shared/service-linked-role-catalog.ts). Authorized on
 * the role's ARN with `iam:AWSServiceName`. Without a Description the role has none: the descriptions such
 * roles carry in accounts are given by the services that create them on first use.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html
 */
import { invalidInput, limitExceeded } from '../shared/iam-errors.ts';
import { defineOperation } from '../../operation.ts';
import { roleToWire } from '../roles/role-wire.ts';
import {
  insertServiceLinkedRole, serviceLinkedRoleArn, serviceLinkedRoleName, serviceLinkedRoleSpec,
} from '../../shared/service-linked-roles.ts';
import { ROLES_PER_ACCOUNT } from './create-role.ts';
import type { CreateServiceLinkedRoleRequest } from '../../../model-types/iam.ts';

/** The role name a request asks for; for a service the catalogue does not know, a guess used only in messages. */
function requestedRoleName(input: CreateServiceLinkedRoleRequest): string {
  const spec = serviceLinkedRoleSpec(input.AWSServiceName);
  if (spec) return serviceLinkedRoleName(spec, input.CustomSuffix);
  const prefix = input.AWSServiceName.split('.')[0] ?? input.AWSServiceName;
  return `AWSServiceRoleFor${prefix.charAt(0).toUpperCase()}${prefix.slice(1)}`;
}

export const createServiceLinkedRole = defineOperation('iam', 'CreateServiceLinkedRole', {
  authorize: (input, ctx) => [{
    action: 'iam:CreateServiceLinkedRole',
    resource: serviceLinkedRoleArn(ctx.caller.accountId, input.AWSServiceName, requestedRoleName(input)),
    context: { 'iam:AWSServiceName': input.AWSServiceName },
  }],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const service = input.AWSServiceName;
    const spec = serviceLinkedRoleSpec(service);
    if (!spec) throw invalidInput(`Service ${service} does not support service-linked roles in Tollgate.`);
    if (input.CustomSuffix !== undefined && !spec.suffixAllowed) throw invalidInput(`Custom suffix is not allowed for ${service}`);
    const name = serviceLinkedRoleName(spec, input.CustomSuffix);
    const role = await ctx.store.transaction(async (tx) => {
      if (await tx.roles.get(accountId, name)) throw invalidInput(`Service role name ${name} has been taken in this account, please try a different suffix.`);
      if ((await tx.roles.count(accountId)) >= ROLES_PER_ACCOUNT) throw limitExceeded(`Cannot exceed quota for RolesPerAccount: ${ROLES_PER_ACCOUNT}`);
      return insertServiceLinkedRole(ctx, tx, spec, name, input.Description);
    });
    return { Role: await roleToWire(ctx.store, role, 'created') };
  },
});
