/**
 * Kubernetes RBAC over a cluster's stored Roles, ClusterRoles, RoleBindings and ClusterRoleBindings
 * (https://kubernetes.io/docs/reference/access-authn-authz/rbac/): the rules that apply to a user
 * are those of the ClusterRoleBindings naming the user, one of its groups or its service account,
 * then of the RoleBindings of the request's namespace. An allowed request is explained as RBAC
 * explains it: `RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to
 * Group "system:masters"`.
 */
import type { UserInfo } from '../identity/user-info.ts';
import { ruleAllows, rulesOf, type PolicyRule, type RequestAttributes } from './policy-rule.ts';

/** A subject of a binding. */
export interface Subject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** A binding as RBAC reads it. */
export interface Binding {
  readonly name: string;
  /** '' for a ClusterRoleBinding. */
  readonly namespace: string;
  readonly roleRef: { readonly kind: string; readonly name: string };
  readonly subjects: readonly Subject[];
}

/** The RBAC objects of a cluster. */
export interface RbacObjects {
  readonly clusterRoles: ReadonlyMap<string, readonly PolicyRule[]>;
  /** Roles by `namespace/name`. */
  readonly roles: ReadonlyMap<string, readonly PolicyRule[]>;
  readonly clusterRoleBindings: readonly Binding[];
  /** RoleBindings by namespace. */
  readonly roleBindings: ReadonlyMap<string, readonly Binding[]>;
}

/** A binding's parts from a stored object. */
export function bindingOf(object: { metadata?: { name?: unknown; namespace?: unknown }; roleRef?: unknown; subjects?: unknown }): Binding {
  const ref = (object.roleRef ?? {}) as { kind?: unknown; name?: unknown };
  const subjects = Array.isArray(object.subjects) ? (object.subjects as unknown[]) : [];
  return {
    name: String(object.metadata?.name ?? ''),
    namespace: typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : '',
    roleRef: { kind: String(ref.kind ?? ''), name: String(ref.name ?? '') },
    subjects: subjects.flatMap((s) => {
      if (s === null || typeof s !== 'object') return [];
      const { kind, name, namespace } = s as { kind?: unknown; name?: unknown; namespace?: unknown };
      return [{ kind: String(kind ?? ''), name: String(name ?? ''), ...(typeof namespace === 'string' && namespace !== '' ? { namespace } : {}) }];
    }),
  };
}

/** Reads the rules of stored roles. */
export { rulesOf };

function appliesTo(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case 'User': return user.username === subject.name;
    case 'Group': return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace ?? namespace;
      return ns !== '' && user.username === `system:serviceaccount:${ns}:${subject.name}`;
    }
    default: return false;
  }
}

function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') return `${subject.kind} "${subject.name}/${subject.namespace ?? bindingNamespace}"`;
  return `${subject.kind} "${subject.name}"`;
}

function describe(binding: Binding, subject: Subject): string {
  return binding.namespace === ''
    ? `ClusterRoleBinding "${binding.name}" of ${binding.roleRef.kind} "${binding.roleRef.name}" to ${describeSubject(subject, '')}`
    : `RoleBinding "${binding.name}/${binding.namespace}" of ${binding.roleRef.kind} "${binding.roleRef.name}" to ${describeSubject(subject, binding.namespace)}`;
}

/** Called with each rule that applies and where it comes from; return false to stop. */
export type RuleVisitor = (source: string, rule: PolicyRule) => boolean;

/** RBAC decisions over one snapshot of a cluster's RBAC objects. */
export class RbacAuthorizer {
  constructor(readonly objects: RbacObjects) {}

  /** The rules of a role reference, or undefined when the role does not exist. */
  roleReferenceRules(roleRef: { readonly kind: string; readonly name: string }, namespace: string): readonly PolicyRule[] | undefined {
    if (roleRef.kind === 'ClusterRole') return this.objects.clusterRoles.get(roleRef.name);
    if (roleRef.kind === 'Role') return this.objects.roles.get(`${namespace}/${roleRef.name}`);
    return undefined;
  }

  /** Visits the rules that apply to `user` in `namespace` ('' for cluster-wide only). */
  visitRulesFor(user: UserInfo, namespace: string, visit: RuleVisitor): void {
    const bindings = [...this.objects.clusterRoleBindings, ...(namespace === '' ? [] : this.objects.roleBindings.get(namespace) ?? [])];
    for (const binding of bindings) {
      const subject = binding.subjects.find((s) => appliesTo(user, s, binding.namespace));
      if (!subject) continue;
      const rules = this.roleReferenceRules(binding.roleRef, binding.namespace);
      if (!rules) continue;
      for (const rule of rules) if (!visit(describe(binding, subject), rule)) return;
    }
  }

  /** Every rule that applies to `user` in `namespace`. */
  rulesFor(user: UserInfo, namespace: string): PolicyRule[] {
    const rules: PolicyRule[] = [];
    this.visitRulesFor(user, namespace, (_source, rule) => {
      rules.push(rule);
      return true;
    });
    return rules;
  }

  /** The RBAC decision: allowed with its reason, or not (RBAC then has no opinion). */
  authorize(user: UserInfo, attributes: RequestAttributes): { readonly allowed: boolean; readonly reason: string } {
    let reason = '';
    this.visitRulesFor(user, attributes.namespace, (source, rule) => {
      if (!ruleAllows(attributes, rule)) return true;
      reason = `RBAC: allowed by ${source}`;
      return false;
    });
    return { allowed: reason !== '', reason };
  }
}
