/**
 * RBAC's escalation check (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping):
 * a user may create or change a Role or ClusterRole, or bind one, only when the rules it grants are
 * covered by the user's own RBAC rules in that namespace, unless the user may `escalate` (roles) or
 * `bind` (bindings). Rules are compared broken down into one verb, group, resource and name each;
 * the missing ones are reported compacted, as Kubernetes prints them:
 * `{APIGroups:[""], Resources:["pods"], Verbs:["get" "list"]}`.
 */
import type { PolicyRule } from './policy-rule.ts';

const has = (list: readonly string[] | undefined, value: string): boolean => list !== undefined && list.includes(value);

function resourceCoversAll(owner: readonly string[], wanted: readonly string[]): boolean {
  if (has(owner, '*')) return true;
  for (const path of wanted) {
    if (has(owner, path)) continue;
    const slash = path.indexOf('/');
    if (slash < 0 || !has(owner, `*/${path.slice(slash + 1)}`)) return false;
  }
  return true;
}

function nonResourceCovers(owner: readonly string[], url: string): boolean {
  return owner.some((o) => o === '*' || o === url || (o.endsWith('*') && url.startsWith(o.replace(/\*+$/, ''))));
}

/** Whether `owner` covers `sub` (a broken-down rule). */
function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = has(owner.verbs, '*') || sub.verbs.every((v) => has(owner.verbs, v));
  const groups = has(owner.apiGroups, '*') || (sub.apiGroups ?? []).every((g) => has(owner.apiGroups, g));
  const resources = resourceCoversAll(owner.resources ?? [], sub.resources ?? []);
  const nonResources = (sub.nonResourceURLs ?? []).every((u) => nonResourceCovers(owner.nonResourceURLs ?? [], u));
  const ownerNames = owner.resourceNames ?? [];
  const names = ownerNames.length === 0 || ((sub.resourceNames ?? []).length > 0 && (sub.resourceNames ?? []).every((n) => ownerNames.includes(n)));
  return verbs && groups && resources && nonResources && names;
}

/** `rule` as rules of one verb, group, resource and name each. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs) {
        if ((rule.resourceNames ?? []).length > 0) {
          for (const name of rule.resourceNames!) out.push({ apiGroups: [group], resources: [resource], resourceNames: [name], verbs: [verb] });
        } else {
          out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
        }
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** Whether `owner` covers every rule of `wanted`, and the broken-down rules it misses. */
export function covers(owner: readonly PolicyRule[], wanted: readonly PolicyRule[]): { readonly covered: boolean; readonly missing: PolicyRule[] } {
  const missing: PolicyRule[] = [];
  for (const rule of wanted) {
    for (const sub of breakdownRule(rule)) {
      if (!owner.some((o) => ruleCovers(o, sub))) missing.push(sub);
    }
  }
  return { covered: missing.length === 0, missing };
}

/** Merges broken-down resource rules that differ only by verb (Kubernetes's CompactRules). */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, { rule: PolicyRule; verbs: string[] }>();
  for (const rule of rules) {
    const isSimple = (rule.apiGroups ?? []).length === 1 && (rule.resources ?? []).length === 1 && (rule.nonResourceURLs ?? []).length === 0 && (rule.resourceNames ?? []).length === 0;
    if (!isSimple) {
      out.push(rule);
      continue;
    }
    const key = `${rule.apiGroups![0]}\u0000${rule.resources![0]}`;
    const known = simple.get(key);
    if (known) {
      for (const verb of rule.verbs) if (!known.verbs.includes(verb)) known.verbs.push(verb);
    } else {
      const entry = { rule, verbs: [...rule.verbs] };
      simple.set(key, entry);
      out.push(rule);
    }
  }
  return out.map((rule) => {
    const entry = [...simple.values()].find((e) => e.rule === rule);
    return entry ? { ...rule, verbs: entry.verbs } : rule;
  });
}

function goList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(' ')}]`;
}

/** Kubernetes's CompactString of a rule. */
export function compactString(rule: PolicyRule): string {
  const parts: string[] = [];
  if ((rule.apiGroups ?? []).length > 0) parts.push(`APIGroups:${goList(rule.apiGroups!)}`);
  if ((rule.resources ?? []).length > 0) parts.push(`Resources:${goList(rule.resources!)}`);
  if ((rule.nonResourceURLs ?? []).length > 0) parts.push(`NonResourceURLs:${goList(rule.nonResourceURLs!)}`);
  if ((rule.resourceNames ?? []).length > 0) parts.push(`ResourceNames:${goList(rule.resourceNames!)}`);
  if (rule.verbs.length > 0) parts.push(`Verbs:${goList(rule.verbs)}`);
  return `{${parts.join(', ')}}`;
}

/** The message of a refused escalation: `user "NAME" (groups=[...]) is attempting to grant RBAC permissions not currently held:\n...`. */
export function escalationMessage(username: string, groups: readonly string[], missing: readonly PolicyRule[]): string {
  const lines = [...new Set(compactRules(missing).map(compactString))].sort();
  return `user ${JSON.stringify(username)} (groups=${goList(groups)}) is attempting to grant RBAC permissions not currently held:\n${lines.join('\n')}`;
}
