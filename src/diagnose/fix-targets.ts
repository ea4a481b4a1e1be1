/**
 * Where each kind of fix goes, and the AWS CLI commands that apply it: the caller's identity-based
 * policies, its permissions boundary, a new session, the resource's own policy (bucket, key, function,
 * secret, topic, queue, repository), a role's trust policy, the organization's SCPs and RCPs, a VPC
 * endpoint's policy.
 */
import type { DeniedRequest } from './denied-request.ts';
import { FIX_SID } from './fix-policies.ts';
import type { PrincipalParts } from './principal-arn.ts';

const FILE = 'file://policy.json';

function iamEntity(p: PrincipalParts | undefined): { kind: 'user' | 'role'; name: string } | undefined {
  if (!p?.name) return undefined;
  if (p.type === 'IAMUser') return { kind: 'user', name: p.name };
  if (p.type === 'AssumedRole' || p.type === 'Role') return { kind: 'role', name: p.name };
  return undefined;
}

/** The caller's identity-based policies. */
export function identityTarget(req: DeniedRequest): string {
  const p = req.principal;
  const entity = iamEntity(p);
  if (entity) {
    const session = p?.type === 'AssumedRole' && p.sessionName ? ` (the role of session ${p.sessionName})` : '';
    return `inline policy ${FIX_SID} of IAM ${entity.kind} ${entity.name}${session}: aws iam put-${entity.kind}-policy --${entity.kind}-name ${entity.name} --policy-name ${FIX_SID} --policy-document ${FILE}`;
  }
  if (p?.type === 'FederatedUser') return `an identity-based policy of the IAM user that requested the federation token of ${p.name ?? 'this federated user'} (aws iam put-user-policy --user-name USER --policy-name ${FIX_SID} --policy-document ${FILE}); the session policy passed to GetFederationToken must allow it too`;
  return `an identity-based policy of the caller (aws sts get-caller-identity names it): aws iam put-user-policy or put-role-policy --policy-name ${FIX_SID} --policy-document ${FILE}`;
}

/** The caller's permissions boundary. */
export function boundaryTarget(req: DeniedRequest): string {
  const entity = iamEntity(req.principal);
  const who = entity ? `IAM ${entity.kind} ${entity.name}` : 'the caller';
  const find = entity ? `aws iam get-${entity.kind} --${entity.kind}-name ${entity.name} shows its ARN` : 'aws iam get-user or get-role shows its ARN';
  return `the permissions boundary of ${who}: merge this statement into the boundary's managed policy and make that the default version (${find}; aws iam create-policy-version --policy-arn BOUNDARY_ARN --policy-document file://merged.json --set-as-default). The identity-based policies must allow it as well`;
}

/** The session policy of temporary credentials, which only new credentials can change. */
export function sessionTarget(req: DeniedRequest): string {
  const p = req.principal;
  const how =
    p?.type === 'FederatedUser' ? `aws sts get-federation-token --name ${p.name ?? 'NAME'} --policy ${FILE}`
    : p?.type === 'AssumedRole' && p.account && p.name ? `aws sts assume-role --role-arn arn:${p.partition}:iam::${p.account}:role/${p.name} --role-session-name ${p.sessionName ?? 'SESSION'} --policy ${FILE}`
    : `aws sts assume-role --role-arn ROLE_ARN --role-session-name SESSION --policy ${FILE}`;
  return `a session policy: the session policy of existing credentials cannot be changed; request new credentials with a session policy that allows it (${how}), or with none`;
}

/** The resource's own policy, by service. */
export function resourceTarget(req: DeniedRequest): string {
  const arn = req.policyResource;
  const [, , service, , , ...restParts] = arn.split(':');
  const rest = restParts.join(':');
  const merge = 'merge this statement into it';
  switch (service) {
    case 's3': {
      const bucket = rest.split('/')[0] || 'BUCKET';
      return `the bucket policy of ${bucket}: ${merge} (aws s3api get-bucket-policy --bucket ${bucket}; aws s3api put-bucket-policy --bucket ${bucket} --policy file://merged.json)`;
    }
    case 'kms':
      return `the key policy of ${arn}: ${merge} (aws kms get-key-policy --key-id ${arn} --policy-name default; aws kms put-key-policy --key-id ${arn} --policy-name default --policy file://merged.json)`;
    case 'lambda': {
      const fn = rest.replace(/^function:/, '').split(':')[0] || 'FUNCTION';
      return `the resource-based policy of Lambda function ${fn}: aws lambda add-permission --function-name ${fn} --statement-id ${FIX_SID} --action ${req.denial.action ?? 'ACTION'} --principal PRINCIPAL (the statement's Principal)`;
    }
    case 'secretsmanager':
      return `the resource policy of secret ${arn}: ${merge} (aws secretsmanager get-resource-policy --secret-id ${arn}; aws secretsmanager put-resource-policy --secret-id ${arn} --resource-policy file://merged.json)`;
    case 'sns':
      return `the access policy of topic ${arn}: ${merge} (aws sns set-topic-attributes --topic-arn ${arn} --attribute-name Policy --attribute-value file://merged.json)`;
    case 'sqs':
      return `the access policy of queue ${arn}: ${merge} (aws sqs set-queue-attributes --queue-url QUEUE_URL --attributes Policy=...)`;
    case 'ecr':
      return `the repository policy of ${arn}: ${merge} (aws ecr set-repository-policy --repository-name ${rest.replace(/^repository\//, '')} --policy-text file://merged.json)`;
    default:
      return `the resource-based policy of ${arn === '*' ? 'the resource' : arn}: ${merge}`;
  }
}

/** A role's trust policy. */
export function trustTarget(roleArn: string): string {
  const name = /:role\/(?:.*\/)?([^/]+)$/.exec(roleArn)?.[1];
  const role = name ?? 'ROLE';
  return `the trust policy of ${name ? `role ${roleArn}` : 'the role being assumed'}: merge this statement into it (aws iam get-role --role-name ${role}; aws iam update-assume-role-policy --role-name ${role} --policy-document file://merged.json)`;
}

/** The organization's service control policies. */
export function scpTarget(req: DeniedRequest): string {
  const account = req.principal?.account ?? 'the account';
  return `the service control policies of the AWS organization, changed by the organization's administrator in the management account: an SCP allowing it must be attached at every level above ${account} (the root, each OU, the account itself), e.g. aws organizations create-policy --type SERVICE_CONTROL_POLICY --content ${FILE} and aws organizations attach-policy`;
}

/** The organization's resource control policies. */
export function rcpTarget(): string {
  return 'the resource control policies of the AWS organization, changed by the organization\'s administrator: custom RCPs only deny, so a missing Allow means the AWS managed RCPFullAWSAccess was detached from some level (root, OU or account); attach it again there (aws organizations attach-policy --policy-id p-RCPFullAWSAccess --target-id TARGET)';
}

/** A VPC endpoint's policy. */
export function vpcEndpointTarget(): string {
  return 'the policy of the VPC endpoint the request went through, changed by the endpoint\'s owner: merge this statement into it (aws ec2 describe-vpc-endpoints; aws ec2 modify-vpc-endpoint --vpc-endpoint-id VPCE_ID --policy-document file://merged.json)';
}

/** An explicit deny in a policy of `type`, and what to do with it. */
export function removeDenyTarget(type: string, req: DeniedRequest, policyArn?: string): string {
  const named = policyArn ? ` ${policyArn}` : '';
  const owner = type === 'service control policy' || type === 'resource control policy' ? ' (the organization\'s administrator changes it)' : '';
  return `${type}${named}${owner}: find the Deny statement that matches the statement shown (${req.denial.action ?? 'the action'} on ${req.policyResource}) and remove it, or narrow it with a Condition, NotResource or NotPrincipal so that this request no longer matches. An explicit deny overrides every Allow, so adding an Allow will not help`;
}
