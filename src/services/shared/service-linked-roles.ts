/**
 * Service-linked roles: each lives at `/aws-service-role/<service>/`, trusts only its service and carries
 * the service's AWS managed policies (the catalogue in service-linked-role-catalog.ts says which).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
 */
import { iamArn } from '../../kernel/iam-arns.ts';
import type { RoleRecord } from '../../store/iam-records.ts';
import type { StoreSession } from '../../store/store.ts';
import type { OperationContext } from '../operation.ts';
import { SERVICE_LINKED_ROLES, type ServiceLinkedRoleSpec } from './service-linked-role-catalog.ts';

export type { ServiceLinkedRoleSpec } from './service-linked-role-catalog.ts';

/** The path prefix of every service-linked role. */
export const SERVICE_ROLE_PATH_PREFIX = '/aws-service-role/';

/** The MaxSessionDuration of every service-linked role, in seconds. */
const SERVICE_LINKED_ROLE_MAX_SESSION_DURATION = 3600;

/** The spec of `service`, or undefined when the catalogue does not know it. */
export function serviceLinkedRoleSpec(service: string): ServiceLinkedRoleSpec | undefined {
  return SERVICE_LINKED_ROLES.get(service);
}

/** The path of `service`'s service-linked roles. */
export function serviceLinkedRolePath(service: string): string {
  return `${SERVICE_ROLE_PATH_PREFIX}${service}/`;
}

/** The role name with an optional custom suffix (`AWSServiceRoleForAutoScaling_<suffix>`). */
export function serviceLinkedRoleName(spec: ServiceLinkedRoleSpec, suffix: string | undefined): string {
  return suffix === undefined ? spec.roleName : `${spec.roleName}_${suffix}`;
}

/** The ARN CreateServiceLinkedRole is authorized on (`arn:aws:iam::ACCT:role/aws-service-role/<service>/<RoleName>`). */
export function serviceLinkedRoleArn(accountId: string, service: string, roleName: string): string {
  return iamArn(accountId, 'role', serviceLinkedRolePath(service), roleName);
}

/** The trust policy of a service-linked role: only its service may assume it. */
export function serviceTrustPolicy(service: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
}

/**
 * Inserts `spec`'s role named `name` into the caller's account inside `tx`, with the service's policies
 * attached, and returns it. The caller has checked the name is free and the quota.
 */
export async function insertServiceLinkedRole(
  ctx: OperationContext, tx: StoreSession, spec: ServiceLinkedRoleSpec, name: string, description: string | undefined,
): Promise<RoleRecord> {
  const accountId = ctx.caller.accountId;
  const record: RoleRecord = {
    accountId,
    id: ctx.ids.uniqueId('AROA'),
    name,
    path: spec.path,
    arn: serviceLinkedRoleArn(accountId, spec.service, name),
    createdAt: new Date(ctx.clock.now()),
    trustPolicy: serviceTrustPolicy(spec.service),
    description,
    maxSessionDuration: SERVICE_LINKED_ROLE_MAX_SESSION_DURATION,
    permissionsBoundaryArn: undefined,
    tags: [],
    lastUsed: undefined,
  };
  await tx.roles.insert(record);
  for (const policyArn of spec.policyArns) {
    if (ctx.managedPolicies.get(policyArn)) await tx.attachments.attach({ accountId, policyArn, entityType: 'role', entityId: record.id });
  }
  return record;
}
