/**
 * The role checks EKS makes beyond IAM authorization (docs/aws-behaviour/eks-passed-roles.md, docs/aws-behaviour/eks-passed-roles.md): a passed role
 * must exist in the caller's account and its trust policy must let the service assume it; and the
 * service-linked role of EKS is created on first use.
 */
import { AuthorizationRequest, compilePolicy, evaluate, PolicySet, validatePolicy } from '../../../policy/index.ts';
import type { StoreSession } from '../../../store/store.ts';
import { resourceTagKeys } from '../../shared/iam-resource-tags.ts';
import { insertServiceLinkedRole, serviceLinkedRoleArn, serviceLinkedRoleSpec } from '../../shared/service-linked-roles.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;

/** True when `roleArn` names an existing role of the caller's account whose trust policy lets `service` call sts:AssumeRole. */
export async function roleTrustsService(ctx: OperationContext, roleArn: string, service: string): Promise<boolean> {
  const m = ROLE_ARN.exec(roleArn);
  if (!m || m[1] !== ctx.caller.accountId) return false;
  const role = await ctx.store.roles.get(m[1], m[2]!);
  if (!role || role.arn !== roleArn) return false;
  const validated = validatePolicy(role.trustPolicy, 'trust');
  if (!validated.ok) return false;
  const policies = new PolicySet({ resource: [compilePolicy(validated.document, { kind: 'resource', name: 'trust' })] });
  const request = new AuthorizationRequest({ principal: { type: 'Service', service }, action: 'sts:AssumeRole', resource: role.arn, resourceAccount: role.accountId });
  return evaluate(request, policies).decision === 'Allowed';
}

/** The iam:PassRole check of a role passed to `service` (docs/aws-behaviour/eks-passed-roles.md). */
export function passRoleCheck(roleArn: string, service: string, associatedResourceArn?: string): AuthorizationCheck {
  return {
    action: 'iam:PassRole',
    resource: roleArn,
    context: { 'iam:PassedToService': service, ...(associatedResourceArn === undefined ? {} : { 'iam:AssociatedResourceArn': associatedResourceArn }) },
  };
}

/**
 * The iam:PassRole check of `roleArn` with the role's own condition keys as IAM sets them
 * (`aws:ResourceTag/*`, `iam:ResourceTag/*`) when it is a role of the caller's account.
 */
export async function passExistingRoleCheck(ctx: OperationContext, roleArn: string, service: string, associatedResourceArn?: string): Promise<AuthorizationCheck> {
  const check = passRoleCheck(roleArn, service, associatedResourceArn);
  const m = ROLE_ARN.exec(roleArn);
  const role = m && m[1] === ctx.caller.accountId ? await ctx.store.roles.get(m[1], m[2]!) : undefined;
  if (!role || role.arn !== roleArn) return check;
  return { ...check, context: { ...resourceTagKeys(role.tags), ...check.context } };
}

/** The iam:CreateServiceLinkedRole check, when the service-linked role of `service` does not exist yet (else none). */
export async function serviceLinkedRoleChecks(ctx: OperationContext, service: string): Promise<AuthorizationCheck[]> {
  const spec = serviceLinkedRoleSpec(service);
  if (!spec || (await ctx.store.roles.get(ctx.caller.accountId, spec.roleName))) return [];
  return [{
    action: 'iam:CreateServiceLinkedRole',
    resource: serviceLinkedRoleArn(ctx.caller.accountId, service, spec.roleName),
    context: { 'iam:AWSServiceName': service },
  }];
}

/** Creates the service-linked role of `service` in the caller's account unless it exists (docs/aws-behaviour/eks-passed-roles.md). */
export async function ensureServiceLinkedRole(ctx: OperationContext, tx: StoreSession, service: string): Promise<void> {
  const spec = serviceLinkedRoleSpec(service);
  if (!spec || (await tx.roles.get(ctx.caller.accountId, spec.roleName))) return;
  await insertServiceLinkedRole(ctx, tx, spec, spec.roleName, spec.description);
}
