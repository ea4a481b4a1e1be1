/**
 * User impersonation (`kubectl --as`, `--as-group`; https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation):
 * the `Impersonate-User`, `Impersonate-Group`, `Impersonate-Uid` and `Impersonate-Extra-*` headers,
 * each allowed only when the caller may `impersonate` that user (or service account), group, uid or
 * extra. The request then runs as the impersonated user, in `system:authenticated`, and EKS access
 * policies no longer apply to it.
 */
import type { KubeDecision } from '../authz/cluster-authorizer.ts';
import type { RequestAttributes } from '../authz/policy-rule.ts';
import { AUTHENTICATED, type UserInfo } from '../identity/user-info.ts';
import { badRequest, forbidden, goQuote } from '../kube-status.ts';

/** The impersonation a request asks for, or undefined. */
export interface Impersonation {
  readonly username: string;
  readonly uid: string | undefined;
  readonly groups: readonly string[];
  readonly extra: Readonly<Record<string, readonly string[]>>;
}

/** Extra keys are percent-encoded in header names; a malformed one is refused. */
function unescapeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    throw badRequest(`invalid Impersonate-Extra key: ${key}`);
  }
}

/** Reads the Impersonate-* headers (`headers` keyed by lower-case name, each with all its values). */
export function impersonationOf(headers: Readonly<Record<string, readonly string[] | undefined>>): Impersonation | undefined {
  const user = headers['impersonate-user']?.[0];
  const groups = (headers['impersonate-group'] ?? []).flatMap((v) => v.split(',').map((g) => g.trim())).filter((g) => g !== '');
  const uid = headers['impersonate-uid']?.[0];
  const extra: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(headers)) {
    if (name.startsWith('impersonate-extra-') && values) extra[unescapeKey(name.slice('impersonate-extra-'.length))] = [...values];
  }
  if (user === undefined) {
    if (groups.length > 0 || uid !== undefined || Object.keys(extra).length > 0) throw badRequest('requested [Impersonate-Group Impersonate-Extra Impersonate-Uid] without impersonating a user');
    return undefined;
  }
  return { username: user, uid, groups, extra };
}

function attributes(resource: string, name: string, apiGroup = '', namespace = '', subresource = ''): RequestAttributes {
  return { isResourceRequest: true, path: '', verb: 'impersonate', apiGroup, namespace, resource, subresource, name };
}

/** Checks each impersonated part with `authorize` and answers the user to run as; throws Forbidden. */
export function impersonate(actor: UserInfo, asked: Impersonation, authorize: (attributes: RequestAttributes) => KubeDecision): UserInfo {
  const checks: RequestAttributes[] = [];
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(asked.username);
  checks.push(sa ? attributes('serviceaccounts', sa[2]!, '', sa[1]!) : attributes('users', asked.username));
  for (const group of asked.groups) checks.push(attributes('groups', group));
  if (asked.uid !== undefined) checks.push(attributes('uids', asked.uid, 'authentication.k8s.io'));
  for (const [key, values] of Object.entries(asked.extra)) for (const value of values) checks.push(attributes('userextras', value, 'authentication.k8s.io', '', key));
  for (const check of checks) {
    if (!authorize(check).allowed) {
      const resource = check.subresource ? `${check.resource}/${check.subresource}` : check.resource;
      const where = check.namespace ? `in the namespace ${goQuote(check.namespace)}` : 'at the cluster scope';
      throw forbidden({ group: check.apiGroup, resource: check.resource }, check.name, `User ${goQuote(actor.username)} cannot impersonate resource ${goQuote(resource)} in API group ${goQuote(check.apiGroup)} ${where}`);
    }
  }
  const groups = [...asked.groups];
  if (asked.username !== 'system:anonymous' && !groups.includes(AUTHENTICATED)) groups.push(AUTHENTICATED);
  if (sa) groups.push('system:serviceaccounts', `system:serviceaccounts:${sa[1]}`);
  return { username: asked.username, uid: asked.uid ?? '', groups, extra: asked.extra };
}
