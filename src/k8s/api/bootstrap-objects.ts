/**
 * What a new cluster holds before anyone writes to it, as a new EKS cluster does: the namespaces
 * `default`, `kube-system`, `kube-public` and `kube-node-lease` (each with its `default`
 * ServiceAccount and `kube-root-ca.crt` ConfigMap), the `kubernetes` Service, and RBAC's default
 * ClusterRoles and ClusterRoleBindings (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings):
 * `cluster-admin` bound to `system:masters`, `admin`, `edit`, `view`, and the discovery, basic-user
 * and public-info roles bound to every user. They are written once, at the cluster's first request.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store.ts';
import { ADMIN_RULES, CLUSTER_ADMIN_RULES, EDIT_RULES, VIEW_RULES } from '../authz/access-policy-rules.ts';
import type { PolicyRule } from '../authz/policy-rule.ts';
import { ClusterObjects, type KubeObject } from './cluster-objects.ts';
import { resourceType, type ResourceType } from './resource-types.ts';

const NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
const RBAC = 'rbac.authorization.k8s.io';
const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

function type(group: string, resource: string): ResourceType {
  return resourceType(group, 'v1', resource)!;
}

function meta(name: string, now: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, uid: randomUUID(), creationTimestamp: now, ...extra };
}

function clusterRole(name: string, rules: readonly PolicyRule[], now: string): KubeObject {
  return { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: meta(name, now, { labels: BOOTSTRAP_LABELS, annotations: AUTOUPDATE }), rules };
}

function clusterRoleBinding(name: string, groups: readonly string[], now: string): KubeObject {
  return {
    apiVersion: `${RBAC}/v1`, kind: 'ClusterRoleBinding', metadata: meta(name, now, { labels: BOOTSTRAP_LABELS, annotations: AUTOUPDATE }),
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name }, subjects: groups.map((g) => ({ apiGroup: RBAC, kind: 'Group', name: g })),
  };
}

/** The objects of a new cluster whose CA certificate is `caPem`. */
export function bootstrapObjects(caPem: string, now: string): { readonly type: ResourceType; readonly object: KubeObject }[] {
  const out: { type: ResourceType; object: KubeObject }[] = [];
  for (const ns of NAMESPACES) {
    out.push({
      type: type('', 'namespaces'),
      object: { apiVersion: 'v1', kind: 'Namespace', metadata: meta(ns, now, { labels: { 'kubernetes.io/metadata.name': ns } }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
    });
    out.push({ type: type('', 'serviceaccounts'), object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', now, { namespace: ns }) } });
    out.push({ type: type('', 'configmaps'), object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('kube-root-ca.crt', now, { namespace: ns }), data: { 'ca.crt': caPem } } });
  }
  out.push({
    type: type('', 'services'),
    object: {
      apiVersion: 'v1', kind: 'Service', metadata: meta('kubernetes', now, { namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } }),
      spec: {
        clusterIP: '10.100.0.1', clusterIPs: ['10.100.0.1'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }], sessionAffinity: 'None', type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
  });
  const roles: [string, readonly PolicyRule[]][] = [
    ['cluster-admin', CLUSTER_ADMIN_RULES],
    ['admin', ADMIN_RULES],
    ['edit', EDIT_RULES],
    ['view', VIEW_RULES],
    ['system:basic-user', [{ apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], verbs: ['create'] }, { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] }]],
    ['system:discovery', [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] }]],
    ['system:public-info-viewer', [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }]],
  ];
  for (const [name, rules] of roles) out.push({ type: type(RBAC, 'clusterroles'), object: clusterRole(name, rules, now) });
  const bindings: [string, string[]][] = [
    ['cluster-admin', ['system:masters']],
    ['system:basic-user', ['system:authenticated']],
    ['system:discovery', ['system:authenticated']],
    ['system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']],
  ];
  for (const [name, groups] of bindings) out.push({ type: type(RBAC, 'clusterrolebindings'), object: clusterRoleBinding(name, groups, now) });
  return out;
}

/** Writes the bootstrap objects of a cluster that has none yet (once, whichever process gets there first). */
export async function ensureBootstrapped(store: Store, clusterUid: string, caPem: string, now: string): Promise<void> {
  if ((await store.kubernetes.resourceVersion(clusterUid)) > 0) return;
  await store.transaction(async (tx) => {
    if ((await tx.kubernetes.resourceVersion(clusterUid)) > 0) return;
    const objects = new ClusterObjects(tx, clusterUid);
    for (const { type: t, object } of bootstrapObjects(caPem, now)) await objects.put(t, object);
  });
}
