/**
 * Rules shared by CreateFargateProfile and DeleteFargateProfile (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): while one profile of
 * a cluster is DELETING, no other may be created or deleted; and the service-linked role checks EKS
 * makes on the caller's behalf (it reads AWSServiceRoleForAmazonEKSForFargate with iam:GetRole before
 * creating it, so callers without iam:GetRole fail, as in aws-controllers-k8s/community#1821).
 */
import { serviceLinkedRoleArn, serviceLinkedRoleSpec } from '../../shared/service-linked-roles.ts';
import { resourceTagKeys } from '../../shared/iam-resource-tags.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';
import type { EksDocuments } from '../shared/eks-documents.ts';
import { resourceInUse } from '../shared/eks-errors.ts';
import { lifecycleStatus } from '../shared/lifecycle.ts';
import { serviceLinkedRoleChecks } from '../shared/role-checks.ts';

/** The service whose service-linked role runs Fargate pods. */
export const FARGATE_SERVICE = 'eks-fargate.amazonaws.com';

/** iam:GetRole on the service-linked role, then iam:CreateServiceLinkedRole while it is missing. */
export async function fargateServiceRoleChecks(ctx: OperationContext): Promise<AuthorizationCheck[]> {
  const roleName = serviceLinkedRoleSpec(FARGATE_SERVICE)!.roleName;
  const role = await ctx.store.roles.get(ctx.caller.accountId, roleName);
  return [
    { action: 'iam:GetRole', resource: serviceLinkedRoleArn(ctx.caller.accountId, FARGATE_SERVICE, roleName), context: resourceTagKeys(role?.tags ?? []) },
    ...(await serviceLinkedRoleChecks(ctx, FARGATE_SERVICE)),
  ];
}

/** 409 `Cannot <verb> Fargate Profile <p> because cluster <c> currently has Fargate profile <other> in status DELETING` (eksctl quotes the delete form). */
export async function assertNoProfileDeleting(docs: EksDocuments, now: number, verb: 'create' | 'delete', cluster: string, profile: string): Promise<void> {
  const deleting = (await docs.list('fargateprofile', cluster)).find((p) => p.fargateProfileName !== profile && lifecycleStatus(p, now) === 'DELETING');
  if (deleting) {
    throw resourceInUse(`Cannot ${verb} Fargate Profile ${profile} because cluster ${cluster} currently has Fargate profile ${deleting.fargateProfileName} in status DELETING`, { clusterName: cluster });
  }
}
