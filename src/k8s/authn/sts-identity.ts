/**
 * The identity aws-iam-authenticator derives from STS's GetCallerIdentity answer: the ARN, its
 * canonical form (an assumed-role session's role, without the role's path, which session ARNs never
 * carry), the principal id and session name split from `UserId`, and the access key the token was
 * signed with (docs/aws-behaviour/eks-kubernetes-authentication.md).
 */

/** The caller behind a verified token. */
export interface StsIdentity {
  readonly arn: string;
  readonly canonicalArn: string;
  readonly accountId: string;
  /** `AIDA…` for users, `AROA…` for role sessions, the account for root, `ACCOUNT:name` for federated users. */
  readonly userId: string;
  /** The role session name (empty for users and root). */
  readonly sessionName: string;
  readonly accessKeyId: string;
  readonly principalType: 'user' | 'root' | 'role' | 'assumed-role' | 'federated-user';
}

/** Why an STS answer cannot be turned into an identity (the authenticator's STSError texts). */
export class IdentityRefused extends Error {}

/** The identity of a GetCallerIdentity result. */
export function stsIdentity(result: { Arn: string; Account: string; UserId: string }, accessKeyId: string): StsIdentity {
  const match = /^arn:aws:(sts|iam)::(\d{12}):(.+)$/.exec(result.Arn);
  if (!match) throw new IdentityRefused(`arn '${result.Arn}' is invalid`);
  const [, service, account, resource] = match as unknown as [string, string, string, string];
  const parts = resource.split('/');
  const base = { arn: result.Arn, accountId: result.Account, accessKeyId };
  if (service === 'sts' && parts[0] === 'assumed-role') {
    if (parts.length < 3) throw new IdentityRefused(`assumed-role arn '${result.Arn}' does not have a role`);
    const role = parts.slice(1, -1).join('/');
    const [userId, sessionName, ...more] = result.UserId.split(':');
    if (userId === undefined || sessionName === undefined || more.length > 0) throw new IdentityRefused(`malformed UserID "${result.UserId}"`);
    return { ...base, canonicalArn: `arn:aws:iam::${account}:role/${role}`, userId, sessionName, principalType: 'assumed-role' };
  }
  if (service === 'sts' && parts[0] === 'federated-user') return { ...base, canonicalArn: result.Arn, userId: result.UserId, sessionName: '', principalType: 'federated-user' };
  if (service === 'iam' && (parts[0] === 'user' || parts[0] === 'root' || parts[0] === 'role')) {
    return { ...base, canonicalArn: result.Arn, userId: result.UserId, sessionName: '', principalType: parts[0] };
  }
  throw new IdentityRefused(`unrecognized resource ${resource} for service ${service}`);
}
