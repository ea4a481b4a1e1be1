/**
 * Who a request to a cluster runs as: the bearer token verified (`token-verifier.ts`) and its IAM
 * identity mapped to a Kubernetes user (`../identity/identity-mapper.ts`); no Authorization header
 * is the anonymous user; any other failure is 401. The IAM principal ARN an access entry names is
 * the user's ARN, or the ARN (path included) of the role behind a role session, found by the role's
 * unique id in the caller's account.
 */
import type { Store } from '../../store/store.ts';
import type { ClusterPolicy, ClusterRef } from '../cluster-access.ts';
import type { ClusterAccessCache } from '../cluster-access.ts';
import { mapIdentity, type MappedUser } from '../identity/identity-mapper.ts';
import { ANONYMOUS } from '../identity/user-info.ts';
import type { ClusterState } from '../../services/eks/shared/eks-state.ts';
import type { StsIdentity } from './sts-identity.ts';
import type { TokenVerifier } from './token-verifier.ts';

/** An authenticated (or anonymous) caller. */
export interface Authenticated {
  readonly mapped: MappedUser;
  /** The IAM identity behind the token; undefined for anonymous requests. */
  readonly identity: StsIdentity | undefined;
}

/** The outcome of authentication. */
export type Authentication = { readonly ok: true; readonly caller: Authenticated } | { readonly ok: false; readonly reason: string; readonly identity?: StsIdentity };

/** The IAM principal ARN access entries are matched against. */
export async function principalArnOf(store: Store, identity: StsIdentity): Promise<string | undefined> {
  if (identity.principalType === 'assumed-role') {
    const role = await store.roles.getById(identity.accountId, identity.userId);
    return role?.arn ?? identity.canonicalArn;
  }
  if (identity.principalType === 'federated-user') return undefined;
  return identity.arn;
}

/** Maps an IAM identity to the cluster's Kubernetes user. */
export async function mapToUser(store: Store, identity: StsIdentity, ref: ClusterRef, state: ClusterState, access: ClusterAccessCache, policy: ClusterPolicy): Promise<Authentication> {
  const principals = await access.principals(ref, state);
  const mapping = mapIdentity(identity, await principalArnOf(store, identity), principals, policy.awsAuth);
  return mapping.ok ? { ok: true, caller: { mapped: mapping.mapped, identity } } : { ok: false, reason: mapping.reason, identity };
}

/** Authenticates the Authorization header of a request to the cluster. */
export async function authenticate(
  deps: { readonly store: Store; readonly verifier: TokenVerifier; readonly access: ClusterAccessCache },
  authorization: string | undefined, ref: ClusterRef, state: ClusterState, policy: ClusterPolicy, sourceIp: string,
): Promise<Authentication> {
  if (authorization === undefined || authorization === '') return { ok: true, caller: { mapped: { user: ANONYMOUS, source: 'anonymous' }, identity: undefined } };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return { ok: false, reason: 'the Authorization header is not a bearer token' };
  const verified = await deps.verifier.verify(match[1]!, ref.name, sourceIp);
  if (!verified.ok) return { ok: false, reason: verified.reason };
  return mapToUser(deps.store, verified.identity, ref, state, deps.access, policy);
}
