/**
 * The cause of a denial in plain words, from what the text says: who was refused what, which kind of
 * policy refused it and what that means for the fix, and what the text leaves open (no reason, no
 * resource, an encoded message, an SCP's wording).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { DeniedRequest } from './denied-request.ts';
import type { PolicyType } from './diagnosis.ts';
import type { PrincipalParts } from './principal-arn.ts';
import { article } from './reason-phrase.ts';

/** The principal in words. */
export function principalWords(p: PrincipalParts | undefined, printed: string | null): string {
  const account = p?.account ? ` (account ${p.account})` : '';
  switch (p?.type) {
    case 'IAMUser': return `IAM user ${p.name ?? printed}${account}`;
    case 'Role': return `IAM role ${p.name ?? printed}${account}`;
    case 'AssumedRole': return `${p.sessionName ? `session ${p.sessionName}` : 'a session'} of IAM role ${p.name ?? printed}${account}`;
    case 'Root': return `the root user of account ${p.account ?? p.printedAccount}`;
    case 'FederatedUser': return `federated user ${p.name ?? printed}${account}`;
    case 'AWSService': return `the service ${p.service ?? printed}`;
    case 'Anonymous': return 'an anonymous (unsigned) caller';
    default: return printed ? `the caller ${printed}` : 'the caller';
  }
}

const CAUSES: Readonly<Record<PolicyType, { implicit: string; explicit: string }>> = {
  'identity-based policy': {
    implicit: 'No identity-based policy of the caller allows it: nothing grants the action, which IAM denies by default (an implicit deny). An Allow statement in one of the caller\'s identity-based policies fixes it.',
    explicit: 'A Deny statement in an identity-based policy of the caller matches the request.',
  },
  'permissions boundary': {
    implicit: 'The caller\'s permissions boundary does not allow it. A boundary caps what identity-based policies can grant, so the action must be added to the boundary policy itself (the identity-based policies must allow it too).',
    explicit: 'A Deny statement in the caller\'s permissions boundary matches the request.',
  },
  'session policy': {
    implicit: 'The session policy passed when these temporary credentials were created does not allow it. A session policy limits the credentials for their whole life and cannot be changed: request new credentials with a session policy that allows the action, or with none.',
    explicit: 'A Deny statement in the session policy of these temporary credentials matches the request; only new credentials, requested with another session policy, avoid it.',
  },
  'service control policy': {
    implicit: 'A service control policy of the AWS organization does not allow it: at some level above the account (root, OU, or the account) no SCP allows the action. SCPs belong to the organization\'s administrator; nothing in the account can override them.',
    explicit: 'A service control policy of the AWS organization blocks it. SCPs belong to the organization\'s administrator; nothing in the account can override them. AWS words SCP denials this way even when the SCPs merely lack an Allow, so both are worth checking: a Deny statement that matches, and an Allow at every level (root, each OU, the account).',
  },
  'resource control policy': {
    implicit: 'A resource control policy of the AWS organization does not allow it: since custom RCPs can only deny, the AWS managed RCPFullAWSAccess must be missing from some level. RCPs belong to the organization\'s administrator.',
    explicit: 'A Deny statement in a resource control policy of the AWS organization matches the request. RCPs belong to the organization\'s administrator.',
  },
  'resource-based policy': {
    implicit: 'The resource\'s own policy (its resource-based policy) does not allow the caller.',
    explicit: 'A Deny statement in the resource\'s own policy (its resource-based policy) matches the request.',
  },
  'role trust policy': {
    implicit: 'The role\'s trust policy does not let the caller assume it.',
    explicit: 'A Deny statement in the role\'s trust policy matches the caller.',
  },
  'VPC endpoint policy': {
    implicit: 'The request went through a VPC endpoint whose policy does not allow it; the endpoint\'s owner must add an Allow to the endpoint policy.',
    explicit: 'The request went through a VPC endpoint whose policy has a Deny statement that matches it.',
  },
};

const EXPLICIT_TAIL = ' An explicit deny overrides every Allow, so adding an Allow will not help: the Deny statement must be removed, or narrowed (a Condition, NotResource or NotPrincipal) so that this request no longer matches it.';

function cause(req: DeniedRequest): string {
  const r = req.denial.reason;
  if (r.effect === 'explicit') {
    const base = r.policyType ? CAUSES[r.policyType].explicit : 'A Deny statement matches the request; the message does not say in which kind of policy (identity-based policies, the permissions boundary, session policies, the resource\'s policy, SCPs and RCPs are the places to look).';
    const arn = r.policyArn ? ` AWS names the deciding policy: ${r.policyArn}.` : '';
    const through = r.through ? ` The denial came through ${article(r.through)} ${r.through}, which must be checked as well.` : '';
    return `${base}${arn}${through}${EXPLICIT_TAIL}`;
  }
  if (r.effect === 'implicit' && r.policyType) return CAUSES[r.policyType].implicit;
  if (/^sts:AssumeRoleWithWebIdentity$/i.test(req.denial.action ?? '')) return 'Web-identity credentials are refused by the role\'s trust policy: the caller has no identity-based policy of its own yet.';
  return 'The message does not say which kind of policy denied it (older messages and some services leave the reason out). Most often the caller\'s identity-based policies lack an Allow; a permissions boundary, a session policy, an SCP, or the resource\'s own policy can deny it as well.';
}

function notes(req: DeniedRequest): string[] {
  const d = req.denial;
  const out: string[] = [];
  const action = d.action?.toLowerCase();
  if (req.crossAccount) out.push(`The call crosses accounts (caller ${req.principal?.account}, resource ${req.resourceAccount}): both sides must allow it, the caller's identity-based policy and the ${action?.startsWith('sts:assumerole') ? 'role\'s trust policy' : 'resource\'s own policy'}.`);
  if (action === 'iam:passrole') {
    out.push('iam:PassRole is not an API call: a service checks it when the caller hands it a role (creating a cluster, a node group, a function), against the caller\'s identity-based policies, with the role as resource.');
    if (req.passedTo) out.push(`The role is passed to ${req.passedTo.service}: ${req.passedTo.because}, so the fix allows iam:PassRole with the condition iam:PassedToService = ${req.passedTo.service}.`);
    else out.push('The text does not say which service the role is passed to; add an iam:PassedToService condition naming it to keep the grant narrow.');
    if (req.crossAccount) out.push('A role in another account can never be passed: use a role of the caller\'s own account.');
  }
  if (req.principal?.type === 'Root' && (d.reason.policyType === 'identity-based policy' || d.reason.policyType === 'permissions boundary')) out.push('The root user is not limited by identity-based policies or boundaries: in its own account only SCPs, RCPs and resource-based policies can deny it, so look there too.');
  if (action === 'sts:assumerole' && req.principal?.type === 'Root') out.push('The root user cannot assume roles at all: call as an IAM user or role.');
  if (action === 'sts:assumerolewithwebidentity') out.push('sts:AssumeRoleWithWebIdentity is decided by the role\'s trust policy alone: it must trust the identity provider (for EKS, the cluster\'s OIDC provider) with conditions matching the token\'s sub and aud; check too that the role ARN the credentials were requested for exists.');
  const trustOnly = /^sts:assumerolewith/.test(action ?? '');
  if (d.resource === null && d.action !== null && req.resourceGuessed && !trustOnly) out.push(`The message names no resource, so the fix uses ${req.policyResource}; narrow it to the resource${action === 'iam:passrole' ? ' (the role)' : ''} the request was for.`);
  else if (req.resourceGuessed && d.resource !== null) out.push(`The message names the resource as \`${d.resource}\`, not by ARN, so the fix uses ${req.policyResource}; narrow it to the resource's ARN.`);
  if (d.actionInferred) out.push(d.operation ? `The text names no action: ${d.action} is the action of the ${d.operation} operation.` : `The text names no action: KMS answers this way when it refuses ${d.action}.`);
  if (d.encodedMessage) out.push('The message carries EC2\'s encoded authorization details: aws sts decode-authorization-message --encoded-message MESSAGE (which needs sts:DecodeAuthorizationMessage) shows the full request context and which statements decided.');
  else if (d.errorCode?.endsWith('UnauthorizedOperation')) out.push('EC2 returned UnauthorizedOperation; when the response carries an encoded authorization failure message, aws sts decode-authorization-message decodes it; CloudTrail records the call with its principal otherwise.');
  if (d.authorizationId) out.push(`AWS's Access Troubleshooter holds this evaluation: aws iam-toolbox get-request-authorization-details --authorization-id ${d.authorizationId}.`);
  if (d.detail?.startsWith('The ciphertext refers to a customer master key')) out.push('KMS gives the same answer for a key that does not exist, is in another Region, or that the caller may not use: the key policy (and, for a key in another account, the caller\'s identity-based policy) must allow kms:Decrypt.');
  if (d.detail === 'Access Denied' && d.principal === null) out.push('S3 answered only "Access Denied": it adds the reason only for callers in the bucket owner\'s account or organization. Check the caller\'s identity-based policy, the bucket policy, S3 Block Public Access, object ownership (ACLs) and, with SSE-KMS, the key policy.');
  if (d.via === 'cloudformation') out.push('CloudFormation reported the denial for the stack\'s call: the principal is the stack\'s service role when it has one, else whoever deployed the stack.');
  if (d.via === 'kubectl-credentials') out.push('kubectl\'s credential plugin (aws eks get-token or aws-iam-authenticator) could not get credentials: usually the role in the kubeconfig\'s --role-arn cannot be assumed (its trust policy, or the caller\'s sts:AssumeRole permission).');
  if (req.denial.requestId) out.push(`Request id ${req.denial.requestId} finds the call in CloudTrail.`);
  return out;
}

function kubernetesCause(req: DeniedRequest): string {
  const k = req.denial.kubernetes!;
  const who = principalWords(req.principal, req.denial.principal);
  if (k.status === 'Unauthorized') return 'The cluster did not accept the credentials at all (Unauthorized): on EKS the IAM principal kubectl authenticates as (aws sts get-caller-identity) has no access entry (or aws-auth ConfigMap mapping), the token is for another cluster, Region or account, or it has expired. An access entry for that principal fixes the first.';
  if (k.verb === undefined) return 'The console\'s IAM principal has no Kubernetes permissions on the cluster: on EKS it needs an access entry with an access policy (or RBAC permissions for the user it maps to).';
  const where = k.namespace ? `in namespace ${k.namespace}` : 'at the cluster scope';
  return `Kubernetes RBAC refused ${who} (Kubernetes user "${req.denial.principal}"): it may not ${k.verb} ${k.resource}${k.name ? ` ${k.name}` : ''} ${where}. Kubernetes RBAC only allows, so a Forbidden always means a missing grant: on EKS an access entry with an access policy for the IAM principal, or a Role/ClusterRole and binding for the Kubernetes user or group it maps to.`;
}

/** The explanation of a denial, from its text alone. */
export function explainDenial(req: DeniedRequest): string {
  const d = req.denial;
  if (d.kubernetes) return kubernetesCause(req);
  const who = principalWords(req.principal, d.principal);
  const what = d.action ? `${d.action}${d.resource ? ` on ${d.resource}` : ''}` : d.operation ? `the ${d.operation} operation` : 'a request';
  const via = d.operation && d.action ? ` (the ${d.operation} operation)` : '';
  const head = `${who[0]!.toUpperCase()}${who.slice(1)} was refused ${what}${via}.`;
  return [head, cause(req), ...notes(req)].join(' ');
}
