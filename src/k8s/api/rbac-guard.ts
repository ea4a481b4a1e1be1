/**
 * RBAC's guard on writes of roles and bindings (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping):
 * members of `system:masters` pass; a Role or ClusterRole may be written by whoever may `escalate` it
 * or already holds every rule it grants; a binding may be written by whoever may `bind` its role or
 * already holds every rule of that role in the binding's namespace. "Holds" means through RBAC only,
 * as Kubernetes's rule resolver sees it, so an EKS access policy without `bind`/`escalate` (such as
 * AmazonEKSAdminPolicy) cannot grant roles it cannot itself see in RBAC.
 */
import { escalationMessage, covers } from '../authz/escalation.ts';
import { bindingOf, rulesOf } from '../authz/rbac-authorizer.ts';
import { MASTERS } from '../identity/user-info.ts';
import { forbidden, notFound } from '../kube-status.ts';
import type { ApiContext } from './api-context.ts';
import type { KubeObject } from './cluster-objects.ts';

const RBAC = 'rbac.authorization.k8s.io';

/** Throws Forbidden (or NotFound for a binding of a missing role) when the write would escalate. */
export function guardRbacWrite(ctx: ApiContext, object: KubeObject): void {
  const kind = ctx.type.kind;
  if (!['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(kind)) return;
  if (ctx.user.groups.includes(MASTERS)) return;
  const metadata = object['metadata'] as { name?: string; namespace?: string };
  const name = metadata.name ?? '';
  const namespace = ctx.type.namespaced ? metadata.namespace ?? ctx.info.namespace : '';
  const { rbac } = ctx.policy;
  if (kind === 'Role' || kind === 'ClusterRole') {
    const escalate = ctx.authorize({ isResourceRequest: true, path: '', verb: 'escalate', apiGroup: RBAC, resource: ctx.type.resource, subresource: '', namespace, name });
    if (escalate.allowed) return;
    const result = covers(rbac.rulesFor(ctx.user, namespace), rulesOf(object));
    if (!result.covered) throw forbidden(ctx.type, name, escalationMessage(ctx.user.username, ctx.user.groups, result.missing));
    return;
  }
  const binding = bindingOf(object as Parameters<typeof bindingOf>[0]);
  const roleResource = binding.roleRef.kind === 'Role' ? 'roles' : 'clusterroles';
  const bind = ctx.authorize({ isResourceRequest: true, path: '', verb: 'bind', apiGroup: RBAC, resource: roleResource, subresource: '', namespace, name: binding.roleRef.name });
  if (bind.allowed) return;
  const rules = rbac.roleReferenceRules(binding.roleRef, namespace);
  if (!rules) throw notFound({ group: RBAC, resource: roleResource }, binding.roleRef.name);
  const result = covers(rbac.rulesFor(ctx.user, namespace), rules);
  if (!result.covered) throw forbidden(ctx.type, name, escalationMessage(ctx.user.username, ctx.user.groups, result.missing));
}
