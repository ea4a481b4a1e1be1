/** The Kubernetes user a request runs as (authentication.k8s.io UserInfo), and the well-known names. */

/** A Kubernetes user. `extra` keys are kept sorted, as Go writes maps. */
export interface UserInfo {
  readonly username: string;
  readonly uid: string;
  readonly groups: readonly string[];
  readonly extra: Readonly<Record<string, readonly string[]>>;
}

/** Every authenticated user is in this group (kube-apiserver adds it). */
export const AUTHENTICATED = 'system:authenticated';
/** Requests without credentials run as this user, in `system:unauthenticated`. */
export const ANONYMOUS: UserInfo = { username: 'system:anonymous', uid: '', groups: ['system:unauthenticated'], extra: {} };
/** The group RBAC's escalation checks and the `cluster-admin` binding treat as all-powerful. */
export const MASTERS = 'system:masters';

/** `groups` with `system:authenticated` added once, as kube-apiserver adds it. */
export function withAuthenticated(groups: readonly string[]): string[] {
  return groups.includes(AUTHENTICATED) ? [...groups] : [...groups, AUTHENTICATED];
}
