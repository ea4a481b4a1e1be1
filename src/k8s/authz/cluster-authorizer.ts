/**
 * Authorization of a request to an EKS cluster: Kubernetes RBAC, then the access policies associated
 * with the caller's access entry (https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html).
 * Either allowing is enough (a union); neither ever denies. A policy of `cluster` scope applies to
 * every request; one of `namespace` scope only to requests within a listed namespace (`*` matches
 * any characters, as in `dev-*`). Access policies do not apply to impersonated requests.
 */
import type { AccessEntryState } from '../../services/eks/shared/eks-state.ts';
import type { UserInfo } from '../identity/user-info.ts';
import { ACCESS_POLICY_RULES, accessPolicyName } from './access-policy-rules.ts';
import { ruleAllows, type RequestAttributes } from './policy-rule.ts';
import type { RbacAuthorizer } from './rbac-authorizer.ts';

/** A decision with what decided it. */
export interface KubeDecision {
  readonly allowed: boolean;
  /** Why it was allowed (`RBAC: allowed by ...`, `EKS access policy: ...`), or '' when it was not. */
  readonly reason: string;
}

function namespaceMatches(pattern: string, namespace: string): boolean {
  if (!pattern.includes('*')) return pattern === namespace;
  const regex = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(namespace);
}

/** The access-policy decision for an access entry. */
export function accessPolicyDecision(entry: AccessEntryState | undefined, attributes: RequestAttributes): KubeDecision {
  for (const association of entry?.policies ?? []) {
    const rules = ACCESS_POLICY_RULES.get(association.policyArn);
    if (!rules) continue;
    const scope = association.accessScope;
    if (scope.type === 'namespace') {
      if (!attributes.isResourceRequest || attributes.namespace === '' || !scope.namespaces.some((p) => namespaceMatches(p, attributes.namespace))) continue;
    }
    if (rules.some((rule) => ruleAllows(attributes, rule))) {
      const where = scope.type === 'namespace' ? `namespace scope ${scope.namespaces.join(',')}` : 'cluster scope';
      return { allowed: true, reason: `EKS access policy: allowed by ${accessPolicyName(association.policyArn)} (${where}) of access entry ${entry!.principalArn}` };
    }
  }
  return { allowed: false, reason: '' };
}

/** Authorizes `attributes` for `user`: RBAC, then (unless impersonated) the access entry's policies. */
export function authorize(rbac: RbacAuthorizer, user: UserInfo, entry: AccessEntryState | undefined, attributes: RequestAttributes): KubeDecision {
  const byRbac = rbac.authorize(user, attributes);
  if (byRbac.allowed) return byRbac;
  return accessPolicyDecision(entry, attributes);
}
