/**
 * Who is making a request, in the forms policies and messages use (docs/aws-behaviour/iam-identities-and-quotas.md).
 */

/** The caller of a request. */
export type RequestPrincipal =
  | { readonly type: 'Account'; readonly accountId: string; readonly arn: string }
  | { readonly type: 'User'; readonly accountId: string; readonly arn: string; readonly name: string; readonly uniqueId?: string }
  | {
      readonly type: 'AssumedRole';
      readonly accountId: string;
      /** The session ARN `arn:aws:sts::A:assumed-role/ROLE/SESSION`. */
      readonly arn: string;
      /** The role ARN with its path: `aws:PrincipalArn`. */
      readonly roleArn: string;
      readonly roleName: string;
      readonly sessionName: string;
      readonly roleUniqueId?: string;
    }
  | { readonly type: 'FederatedUser'; readonly accountId: string; readonly arn: string; readonly name: string; readonly userArn?: string }
  | { readonly type: 'Anonymous' }
  | { readonly type: 'Service'; readonly service: string };

const USER_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):user\/(?:[^/]+\/)*([^/]+)$/;
const ROOT_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):root$/;
const SESSION_ARN = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/([^/]+)$/;
const FEDERATED_ARN = /^arn:(aws[a-z-]*):sts::(\d{12}):federated-user\/([^/]+)$/;
const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;

/**
 * The principal an ARN names as a caller. `roleArn` gives a role session its role ARN with path
 * (a session ARN never carries the path); by default the role is taken to have path `/`.
 */
export function principalFromArn(arn: string, roleArn?: string): RequestPrincipal | undefined {
  let m = ROOT_ARN.exec(arn);
  if (m) return { type: 'Account', accountId: m[2]!, arn };
  m = USER_ARN.exec(arn);
  if (m) return { type: 'User', accountId: m[2]!, arn, name: m[3]! };
  m = SESSION_ARN.exec(arn);
  if (m) {
    const [, partition, accountId, roleName, sessionName] = m as unknown as [string, string, string, string, string];
    const fullRoleArn = roleArn && ROLE_ARN.exec(roleArn)?.[3] === roleName ? roleArn : `arn:${partition}:iam::${accountId}:role/${roleName}`;
    return { type: 'AssumedRole', accountId, arn, roleArn: fullRoleArn, roleName, sessionName };
  }
  m = FEDERATED_ARN.exec(arn);
  if (m) return { type: 'FederatedUser', accountId: m[2]!, arn, name: m[3]! };
  return undefined;
}

/** The account of the caller, or undefined for anonymous and service callers. */
export function principalAccount(principal: RequestPrincipal): string | undefined {
  return 'accountId' in principal ? principal.accountId : undefined;
}

/** The ARN AccessDenied messages name (docs/aws-behaviour/access-denied-messages.md). */
export function principalMessageArn(principal: RequestPrincipal): string {
  switch (principal.type) {
    case 'Anonymous': return 'anonymous';
    case 'Service': return principal.service;
    default: return principal.arn;
  }
}

/** True for sessions of service-linked roles, which SCPs and RCPs do not restrict (docs/aws-behaviour/iam-policy-evaluation.md). */
export function isServiceLinkedRoleSession(principal: RequestPrincipal): boolean {
  return principal.type === 'AssumedRole' && /:role\/aws-service-role\//.test(principal.roleArn);
}

/** The condition keys a caller implies (docs/aws-behaviour/iam-policy-evaluation.md): `aws:PrincipalArn`, `aws:userid` and friends. */
export function principalContextKeys(principal: RequestPrincipal): Record<string, string> {
  switch (principal.type) {
    case 'Account':
      return { 'aws:PrincipalArn': principal.arn, 'aws:PrincipalAccount': principal.accountId, 'aws:PrincipalType': 'Account', 'aws:userid': principal.accountId, 'aws:PrincipalIsAWSService': 'false' };
    case 'User':
      return {
        'aws:PrincipalArn': principal.arn, 'aws:PrincipalAccount': principal.accountId, 'aws:PrincipalType': 'User',
        'aws:username': principal.name, ...(principal.uniqueId ? { 'aws:userid': principal.uniqueId } : {}), 'aws:PrincipalIsAWSService': 'false',
      };
    case 'AssumedRole':
      return {
        'aws:PrincipalArn': principal.roleArn, 'aws:PrincipalAccount': principal.accountId, 'aws:PrincipalType': 'AssumedRole',
        ...(principal.roleUniqueId ? { 'aws:userid': `${principal.roleUniqueId}:${principal.sessionName}` } : {}), 'aws:PrincipalIsAWSService': 'false',
      };
    case 'FederatedUser':
      return {
        'aws:PrincipalArn': principal.arn, 'aws:PrincipalAccount': principal.accountId, 'aws:PrincipalType': 'FederatedUser',
        'aws:userid': `${principal.accountId}:${principal.name}`, 'aws:PrincipalIsAWSService': 'false',
      };
    case 'Anonymous':
      return { 'aws:PrincipalType': 'Anonymous', 'aws:userid': 'anonymous' };
    case 'Service':
      return { 'aws:PrincipalIsAWSService': 'true', 'aws:PrincipalServiceName': principal.service };
  }
}
