/**
 * The Kubernetes permissions of EKS access policies, rule by rule as the EKS user guide lists them
 * (https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html;
 * docs/aws-behaviour/eks-kubernetes-authorization.md). They are allow-only, like ClusterRoles. View,
 * Edit and Admin follow Kubernetes's `view`, `edit` and `admin` roles, which the default ClusterRoles
 * of a cluster reuse (`bootstrap-policy.ts`). Policies the guide describes only in prose (Auto Mode,
 * storage, networking, ...) grant nothing here.
 */
import type { PolicyRule } from './policy-rule.ts';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

/** `view`: read access to the objects of a namespace, no Secrets. */
export const VIEW_RULES: readonly PolicyRule[] = [
  { apiGroups: ['apps'], resources: ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], verbs: READ },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], verbs: READ },
  { apiGroups: ['batch'], resources: ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  { apiGroups: ['extensions'], resources: ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'ingresses/status', 'networkpolicies'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets', 'poddisruptionbudgets/status'], verbs: READ },
  { apiGroups: [''], resources: ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], verbs: READ },
  { apiGroups: [''], resources: ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], verbs: READ },
  { apiGroups: [''], resources: ['namespaces'], verbs: READ },
];

/** `edit`: `view` plus changing workloads, Secrets included, but not roles and bindings. */
export const EDIT_RULES: readonly PolicyRule[] = [
  ...VIEW_RULES,
  { apiGroups: [''], resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], verbs: READ },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  { apiGroups: [''], resources: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], verbs: WRITE },
  { apiGroups: [''], resources: ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], verbs: WRITE },
  { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], verbs: WRITE },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: WRITE },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: WRITE },
  { apiGroups: ['extensions'], resources: ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'], verbs: WRITE },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: WRITE },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: WRITE },
];

/** `admin`: `edit` plus roles and role bindings of the namespace (no `bind` or `escalate`). */
export const ADMIN_RULES: readonly PolicyRule[] = [
  ...EDIT_RULES,
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'], verbs: [...WRITE, ...READ] },
];

/** `cluster-admin`: everything. */
export const CLUSTER_ADMIN_RULES: readonly PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { nonResourceURLs: ['*'], verbs: ['*'] },
];

const PREFIX = 'arn:aws:eks::aws:cluster-access-policy/';

/** The rules of each access policy, by ARN. */
export const ACCESS_POLICY_RULES: ReadonlyMap<string, readonly PolicyRule[]> = new Map([
  [`${PREFIX}AmazonEKSClusterAdminPolicy`, CLUSTER_ADMIN_RULES],
  [`${PREFIX}AmazonEKSAdminPolicy`, ADMIN_RULES],
  [`${PREFIX}AmazonEKSEditPolicy`, EDIT_RULES],
  [`${PREFIX}AmazonEKSViewPolicy`, VIEW_RULES],
  [`${PREFIX}AmazonEKSAdminViewPolicy`, [{ apiGroups: ['*'], resources: ['*'], verbs: READ }]],
  [`${PREFIX}AmazonEKSSecretReaderPolicy`, [{ apiGroups: [''], resources: ['secrets'], verbs: READ }]],
  [`${PREFIX}AmazonEKSHybridPolicy`, [{ apiGroups: [''], resources: ['nodes'], verbs: ['list'] }]],
]);

/** The name of an access policy ARN (`AmazonEKSViewPolicy`). */
export function accessPolicyName(arn: string): string {
  return arn.startsWith(PREFIX) ? arn.slice(PREFIX.length) : arn;
}
