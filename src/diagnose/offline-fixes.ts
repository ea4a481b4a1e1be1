/**
 * The minimal fixes a denial text alone supports, one kind of policy per reason: the caller's
 * identity-based policy for a missing Allow (with `iam:PassedToService` for iam:PassRole), the boundary
 * for a boundary, new credentials for a session policy, the organization's administrator for SCPs and
 * RCPs, and for an explicit deny the Deny statement to remove or narrow, never an Allow. A call across
 * accounts needs both sides: the caller's identity policy and the resource's policy (or the role's
 * trust policy).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
import type { DeniedRequest } from './denied-request.ts';
import type { Fix, PolicyType } from './diagnosis.ts';
import { allowDocument, denyPattern, passedToCondition, RCP_FULL_AWS_ACCESS, resourceDocument, trustDocument, type Grant, type PrincipalElement } from './fix-policies.ts';
import {
  boundaryTarget, identityTarget, rcpTarget, removeDenyTarget, resourceTarget, scpTarget, sessionTarget, trustTarget, vpcEndpointTarget,
} from './fix-targets.ts';
import { kubernetesFixes } from './kubernetes-fixes.ts';
import { policyPrincipalArn } from './principal-arn.ts';

/** The Principal element naming the caller in a resource-based or trust policy. */
export function callerPrincipal(req: DeniedRequest): PrincipalElement | undefined {
  const p = req.principal;
  if (p?.type === 'AWSService' && p.service) return { Service: p.service };
  const arn = p && policyPrincipalArn(p, { masked: true });
  return arn === undefined ? undefined : { AWS: arn };
}

const PLACEHOLDER_PRINCIPAL: PrincipalElement = { AWS: 'CALLER_ARN (aws sts get-caller-identity)' };

function grantOf(req: DeniedRequest, action: string, identitySide: boolean): Grant {
  const condition = identitySide && req.passedTo ? passedToCondition(req.passedTo.service) : undefined;
  return { action, resource: req.policyResource, condition };
}

const identity = (req: DeniedRequest, action: string): Fix => ({ kind: 'identity', where: identityTarget(req), policy: allowDocument(grantOf(req, action, true)) });
const resource = (req: DeniedRequest, action: string): Fix => ({
  kind: 'resource', where: resourceTarget(req), policy: resourceDocument(callerPrincipal(req) ?? PLACEHOLDER_PRINCIPAL, grantOf(req, action, false)),
});
const trust = (req: DeniedRequest, action: string): Fix => ({
  kind: 'trust', where: trustTarget(req.policyResource), policy: trustDocument(callerPrincipal(req) ?? PLACEHOLDER_PRINCIPAL, action),
});

/**
 * The trust an EKS service account's role needs (IAM roles for service accounts): the cluster's OIDC
 * provider as Federated principal, the service account as `sub`, STS as `aud`. The denial names none
 * of them, so they stay to be filled in.
 * https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html
 */
function webIdentityTrust(): Fix {
  const issuer = 'oidc.eks.REGION.amazonaws.com/id/CLUSTER_OIDC_ID';
  return {
    kind: 'trust',
    where: `the trust policy of the role the credentials were requested for (for EKS pods, the service account's eks.amazonaws.com/role-arn annotation): it must trust the cluster's OIDC provider for that service account; fill in ACCOUNT_ID, REGION, CLUSTER_OIDC_ID (aws eks describe-cluster --query cluster.identity.oidc.issuer), NAMESPACE and SERVICE_ACCOUNT, then aws iam update-assume-role-policy --role-name ROLE --policy-document file://policy.json`,
    policy: trustDocument({ Federated: `arn:aws:iam::ACCOUNT_ID:oidc-provider/${issuer}` }, 'sts:AssumeRoleWithWebIdentity', {
      StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT', [`${issuer}:aud`]: 'sts.amazonaws.com' },
    }),
  };
}

/** Fixes for a missing Allow in a policy of `type`. */
function allowFixes(req: DeniedRequest, action: string, type: PolicyType | null): Fix[] {
  const isTrustAction = /^sts:AssumeRole/i.test(action);
  const crossAccount = req.crossAccount;
  switch (type) {
    case 'identity-based policy': return crossAccount ? [identity(req, action), isTrustAction ? trust(req, action) : resource(req, action)] : [identity(req, action)];
    case 'resource-based policy': return crossAccount ? [resource(req, action), identity(req, action)] : [resource(req, action)];
    case 'role trust policy': return crossAccount ? [trust(req, action), identity(req, action)] : [trust(req, action)];
    case 'permissions boundary': return [{ kind: 'boundary', where: boundaryTarget(req), policy: allowDocument(grantOf(req, action, true)) }];
    case 'session policy': return [{ kind: 'session', where: sessionTarget(req), policy: allowDocument(grantOf(req, action, true)) }];
    case 'service control policy': return [{ kind: 'scp', where: scpTarget(req), policy: allowDocument(grantOf(req, action, true)) }];
    case 'resource control policy': return [{ kind: 'rcp', where: rcpTarget(), policy: RCP_FULL_AWS_ACCESS }];
    case 'VPC endpoint policy': return [{ kind: 'vpc-endpoint', where: vpcEndpointTarget(), policy: resourceDocument(callerPrincipal(req) ?? '*', grantOf(req, action, false)) }];
    case null: {
      // The text does not say which policy denied it: the caller's side always, the other side when
      // it must allow too (a role's trust; any resource in another account; a service caller).
      if (/^sts:AssumeRoleWithWebIdentity$/i.test(action)) return [webIdentityTrust()];
      if (/^sts:AssumeRoleWith/i.test(action)) return [];
      if (req.principal?.type === 'AWSService') return [resource(req, action)];
      if (isTrustAction) return [identity(req, action), trust(req, action)];
      return crossAccount ? [identity(req, action), resource(req, action)] : [identity(req, action)];
    }
  }
}

/** Fixes for an explicit deny in a policy of `type` (unknown when the message does not say). */
function denyFixes(req: DeniedRequest, action: string, type: PolicyType | null, policyArn: string | undefined, through: PolicyType | undefined): Fix[] {
  const principal = type === 'resource-based policy' || type === 'role trust policy' || type === 'VPC endpoint policy' ? callerPrincipal(req) : undefined;
  const fixes: Fix[] = [{ kind: 'remove-deny', where: removeDenyTarget(type ?? 'a policy of any type the caller is subject to', req, policyArn), policy: denyPattern(action, req.policyResource, principal) }];
  if (through) fixes.push({ kind: 'remove-deny', where: removeDenyTarget(through, req), policy: denyPattern(action, req.policyResource) });
  // AWS words an SCP denial as explicit whether a Deny matched or no SCP allowed the action.
  if (type === 'service control policy') fixes.push({ kind: 'scp', where: scpTarget(req), policy: allowDocument(grantOf(req, action, true)) });
  return fixes;
}

/** The fixes the denial text supports on its own. */
export function offlineFixes(req: DeniedRequest): Fix[] {
  const d = req.denial;
  if (d.kubernetes) return kubernetesFixes(req);
  if (d.action === null) return [];
  if (d.reason.effect === 'explicit') return denyFixes(req, d.action, d.reason.policyType, d.reason.policyArn, d.reason.through);
  return allowFixes(req, d.action, d.reason.policyType);
}
