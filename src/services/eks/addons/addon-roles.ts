/**
 * The add-on's `serviceAccountRoleArn` (docs/aws-behaviour/eks-passed-roles.md): the caller needs iam:PassRole on it with
 * `iam:PassedToService = eks.amazonaws.com` (Service Authorization Reference, https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelastickubernetesservice.html), and the role must exist. Its trust is for
 * the cluster's OIDC provider (IRSA, sts:AssumeRoleWithWebIdentity), which EKS does not check when the
 * add-on is made, so only existence is checked here.
 */
import type { StoreSession } from '../../../store/store.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';
import { invalidParameter } from '../shared/eks-errors.ts';
import { passExistingRoleCheck } from '../shared/role-checks.ts';

/** The service an add-on's role is passed to. */
export const ADDON_ROLE_PASSED_TO = 'eks.amazonaws.com';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;

/**
 * The iam:PassRole check of the request's role; none when it names no role. `addonArn` (the existing
 * add-on's, for UpdateAddon) fills iam:AssociatedResourceArn; CreateAddon cannot know it, since the ARN
 * ends in a uuid the call creates.
 */
export async function addonRoleChecks(ctx: OperationContext, roleArn: string | undefined, addonArn?: string): Promise<AuthorizationCheck[]> {
  return roleArn === undefined ? [] : [await passExistingRoleCheck(ctx, roleArn, ADDON_ROLE_PASSED_TO, addonArn)];
}

/**
 * 400 InvalidParameterException when `roleArn` is not a role of the caller's account. AWS's text for this
 * case is unrecorded (docs/aws-behaviour/eks-passed-roles.md); the one EKS gives for a missing cluster role is used. Inside a
 * transaction, `store` must be the transaction's session.
 */
export async function assertAddonRoleExists(
  ctx: OperationContext, roleArn: string | undefined, fields: { clusterName: string; addonName: string }, store: StoreSession = ctx.store,
): Promise<void> {
  if (roleArn === undefined) return;
  const m = ROLE_ARN.exec(roleArn);
  const role = m && m[1] === ctx.caller.accountId ? await store.roles.get(m[1], m[2]!) : undefined;
  if (!role || role.arn !== roleArn) {
    throw invalidParameter(`Role with arn: ${roleArn}, could not be assumed because it does not exist or the trusted entity is not correct`, fields);
  }
}
