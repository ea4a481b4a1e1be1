/**
 * RBAC policy rules and how a request matches one (Kubernetes `RuleAllows`): the verb, the API group
 * and the resource (`resource/subresource`, `*`, or a star before `/subresource`) and, when the rule names any,
 * the resource name; for non-resource requests the verb and the path (`*`, exact, or a prefix ending
 * in `*`). https://kubernetes.io/docs/reference/access-authn-authz/rbac/
 */
import type { RequestInfo } from '../request-info.ts';

/** A rule of a Role, ClusterRole or access policy. */
export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

/** What authorization decides on: the request's attributes (a user is checked apart). */
export type RequestAttributes = Pick<RequestInfo, 'isResourceRequest' | 'path' | 'verb' | 'apiGroup' | 'namespace' | 'resource' | 'subresource' | 'name'>;

const has = (list: readonly string[] | undefined, value: string): boolean => list !== undefined && list.includes(value);

function verbMatches(rule: PolicyRule, verb: string): boolean {
  return has(rule.verbs, '*') || has(rule.verbs, verb);
}

function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const resource of rule.resources ?? []) {
    if (resource === '*' || resource === combined) return true;
    if (subresource !== '' && resource.length === subresource.length + 2 && resource.startsWith('*/') && resource.endsWith(subresource)) return true;
  }
  return false;
}

function nonResourceUrlMatches(rule: PolicyRule, path: string): boolean {
  for (const url of rule.nonResourceURLs ?? []) {
    if (url === '*' || url === path) return true;
    if (url.endsWith('*') && path.startsWith(url.replace(/\*+$/, ''))) return true;
  }
  return false;
}

/** Whether `rule` allows the request. */
export function ruleAllows(attributes: RequestAttributes, rule: PolicyRule): boolean {
  if (!verbMatches(rule, attributes.verb)) return false;
  if (!attributes.isResourceRequest) return nonResourceUrlMatches(rule, attributes.path);
  const combined = attributes.subresource === '' ? attributes.resource : `${attributes.resource}/${attributes.subresource}`;
  return (has(rule.apiGroups, '*') || has(rule.apiGroups, attributes.apiGroup))
    && resourceMatches(rule, combined, attributes.subresource)
    && ((rule.resourceNames ?? []).length === 0 || has(rule.resourceNames, attributes.name));
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** The rules of a stored Role or ClusterRole (`rules`), ignoring malformed entries. */
export function rulesOf(object: { readonly rules?: unknown }): PolicyRule[] {
  if (!Array.isArray(object.rules)) return [];
  const out: PolicyRule[] = [];
  for (const raw of object.rules as unknown[]) {
    if (raw === null || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    const rule: { -readonly [K in keyof PolicyRule]: PolicyRule[K] } = { verbs: strings(r['verbs']) ?? [] };
    const apiGroups = strings(r['apiGroups']);
    const resources = strings(r['resources']);
    const resourceNames = strings(r['resourceNames']);
    const nonResourceURLs = strings(r['nonResourceURLs']);
    if (apiGroups) rule.apiGroups = apiGroups;
    if (resources) rule.resources = resources;
    if (resourceNames) rule.resourceNames = resourceNames;
    if (nonResourceURLs) rule.nonResourceURLs = nonResourceURLs;
    out.push(rule);
  }
  return out;
}
