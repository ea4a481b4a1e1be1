/**
 * The principal temporary credentials stand for (docs/aws-behaviour/iam-identities-and-quotas.md): a role session
 * `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION` (aws:PrincipalArn the role ARN with its path), a
 * federated user `arn:aws:sts::ACCT:federated-user/NAME`, or, for GetSessionToken, the IAM user or root
 * user itself. Undefined when the role or user behind the session no longer exists: the session fails.
 */
import { rootArn } from '../kernel/iam-arns.ts';
import type { RequestPrincipal } from '../policy/index.ts';
import type { StsSessionRecord } from '../store/session-records.ts';
import type { StoreSession } from '../store/store.ts';

/** The principal of `session`, read from the current role or user. */
export async function sessionPrincipal(store: StoreSession, session: StsSessionRecord): Promise<RequestPrincipal | undefined> {
  const { accountId } = session;
  if (session.kind === 'assumed-role') {
    if (session.principalId === undefined) return undefined;
    const role = await store.roles.getById(accountId, session.principalId);
    if (!role) return undefined;
    return {
      type: 'AssumedRole', accountId, arn: `arn:aws:sts::${accountId}:assumed-role/${role.name}/${session.name}`,
      roleArn: role.arn, roleName: role.name, sessionName: session.name, roleUniqueId: role.id,
    };
  }
  let userArn: string | undefined;
  let user: { arn: string; name: string; id: string } | undefined;
  if (session.principalId !== undefined) {
    user = await store.users.getById(accountId, session.principalId);
    if (!user) return undefined;
    userArn = user.arn;
  }
  if (session.kind === 'federated-user') {
    return { type: 'FederatedUser', accountId, arn: `arn:aws:sts::${accountId}:federated-user/${session.name}`, name: session.name, ...(userArn ? { userArn } : {}) };
  }
  return user
    ? { type: 'User', accountId, arn: user.arn, name: user.name, uniqueId: user.id }
    : { type: 'Account', accountId, arn: rootArn(accountId) };
}
