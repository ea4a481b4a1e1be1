/**
 * The Kubernetes resources each cluster serves, as discovery lists them (names, kinds, scope, short
 * names, categories, verbs) with the protobuf/OpenAPI message of each kind. Objects of the stored
 * kinds are kept per cluster; the review kinds are answered, never stored. Nothing is scheduled or
 * run: pods stay Pending, deployments make no ReplicaSets (docs/design-notes.md, "Kubernetes objects").
 */

/** One served resource. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  /** Plural, lower-case: `pods`. */
  readonly resource: string;
  readonly kind: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  /** The message of the kind (`../schema/type-schema.ts`). */
  readonly message: string;
  /** Stored objects, or answered reviews (create only, nothing kept). */
  readonly storage: 'objects' | 'review';
  /** Subresources served, with the kind they take and answer. */
  readonly subresources: readonly { readonly name: string; readonly kind: string; readonly group: string; readonly version: string; readonly verbs: readonly string[] }[];
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE_ONLY = ['create'];

function stored(group: string, version: string, resource: string, kind: string, message: string, options: Partial<ResourceType> = {}): ResourceType {
  return {
    group, version, resource, kind, singular: kind.toLowerCase(), namespaced: true, shortNames: [], categories: [], verbs: CRUD, message,
    storage: 'objects', subresources: [], ...options,
  };
}

function review(group: string, resource: string, kind: string, message: string, namespaced = false): ResourceType {
  return stored(group, 'v1', resource, kind, message, { namespaced, verbs: CREATE_ONLY, storage: 'review' });
}

const STATUS = (group: string, version: string, kind: string) => ({ name: 'status', kind, group, version, verbs: ['get', 'patch', 'update'] });
const SCALE = { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };

/** Every served resource, in discovery order. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  stored('', 'v1', 'configmaps', 'ConfigMap', 'k8s.io.api.core.v1.ConfigMap', { shortNames: ['cm'] }),
  stored('', 'v1', 'endpoints', 'Endpoints', 'k8s.io.api.core.v1.Endpoints', { shortNames: ['ep'], singular: 'endpoints' }),
  stored('', 'v1', 'events', 'Event', 'k8s.io.api.core.v1.Event', { shortNames: ['ev'] }),
  stored('', 'v1', 'namespaces', 'Namespace', 'k8s.io.api.core.v1.Namespace', {
    namespaced: false, shortNames: ['ns'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: [STATUS('', 'v1', 'Namespace')],
  }),
  stored('', 'v1', 'nodes', 'Node', 'k8s.io.api.core.v1.Node', { namespaced: false, shortNames: ['no'], subresources: [STATUS('', 'v1', 'Node')] }),
  stored('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', 'k8s.io.api.core.v1.PersistentVolumeClaim', { shortNames: ['pvc'], subresources: [STATUS('', 'v1', 'PersistentVolumeClaim')] }),
  stored('', 'v1', 'pods', 'Pod', 'k8s.io.api.core.v1.Pod', {
    shortNames: ['po'], categories: ['all'],
    subresources: [
      { name: 'attach', kind: 'PodAttachOptions', group: '', version: 'v1', verbs: ['create', 'get'] },
      { name: 'exec', kind: 'PodExecOptions', group: '', version: 'v1', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', group: '', version: 'v1', verbs: ['get'] },
      { name: 'portforward', kind: 'PodPortForwardOptions', group: '', version: 'v1', verbs: ['create', 'get'] },
      STATUS('', 'v1', 'Pod'),
    ],
  }),
  stored('', 'v1', 'secrets', 'Secret', 'k8s.io.api.core.v1.Secret'),
  stored('', 'v1', 'serviceaccounts', 'ServiceAccount', 'k8s.io.api.core.v1.ServiceAccount', { shortNames: ['sa'] }),
  stored('', 'v1', 'services', 'Service', 'k8s.io.api.core.v1.Service', {
    shortNames: ['svc'], categories: ['all'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], subresources: [STATUS('', 'v1', 'Service')],
  }),
  stored('apps', 'v1', 'daemonsets', 'DaemonSet', 'k8s.io.api.apps.v1.DaemonSet', { shortNames: ['ds'], categories: ['all'], subresources: [STATUS('apps', 'v1', 'DaemonSet')] }),
  stored('apps', 'v1', 'deployments', 'Deployment', 'k8s.io.api.apps.v1.Deployment', { shortNames: ['deploy'], categories: ['all'], subresources: [SCALE, STATUS('apps', 'v1', 'Deployment')] }),
  stored('apps', 'v1', 'replicasets', 'ReplicaSet', 'k8s.io.api.apps.v1.ReplicaSet', { shortNames: ['rs'], categories: ['all'], subresources: [SCALE, STATUS('apps', 'v1', 'ReplicaSet')] }),
  stored('apps', 'v1', 'statefulsets', 'StatefulSet', 'k8s.io.api.apps.v1.StatefulSet', { shortNames: ['sts'], categories: ['all'], subresources: [SCALE, STATUS('apps', 'v1', 'StatefulSet')] }),
  stored('batch', 'v1', 'cronjobs', 'CronJob', 'k8s.io.api.batch.v1.CronJob', { shortNames: ['cj'], categories: ['all'], subresources: [STATUS('batch', 'v1', 'CronJob')] }),
  stored('batch', 'v1', 'jobs', 'Job', 'k8s.io.api.batch.v1.Job', { categories: ['all'], subresources: [STATUS('batch', 'v1', 'Job')] }),
  stored('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', 'k8s.io.api.rbac.v1.ClusterRoleBinding', { namespaced: false }),
  stored('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', 'k8s.io.api.rbac.v1.ClusterRole', { namespaced: false }),
  stored('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', 'k8s.io.api.rbac.v1.RoleBinding'),
  stored('rbac.authorization.k8s.io', 'v1', 'roles', 'Role', 'k8s.io.api.rbac.v1.Role'),
  review('authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview', 'k8s.io.api.authentication.v1.SelfSubjectReview'),
  review('authentication.k8s.io', 'tokenreviews', 'TokenReview', 'k8s.io.api.authentication.v1.TokenReview'),
  review('authorization.k8s.io', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', 'k8s.io.api.authorization.v1.LocalSubjectAccessReview', true),
  review('authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', 'k8s.io.api.authorization.v1.SelfSubjectAccessReview'),
  review('authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', 'k8s.io.api.authorization.v1.SelfSubjectRulesReview'),
  review('authorization.k8s.io', 'subjectaccessreviews', 'SubjectAccessReview', 'k8s.io.api.authorization.v1.SubjectAccessReview'),
];

/** The API groups, in discovery order, each with its one served version. */
export const API_GROUPS: readonly { readonly name: string; readonly version: string }[] = [
  { name: 'apps', version: 'v1' },
  { name: 'authentication.k8s.io', version: 'v1' },
  { name: 'authorization.k8s.io', version: 'v1' },
  { name: 'batch', version: 'v1' },
  { name: 'rbac.authorization.k8s.io', version: 'v1' },
];

const BY_PATH = new Map(RESOURCE_TYPES.map((t) => [`${t.group}/${t.version}/${t.resource}`, t]));
const BY_KIND = new Map(RESOURCE_TYPES.map((t) => [`${t.group === '' ? t.version : `${t.group}/${t.version}`}/${t.kind}`, t]));

/** The resource served at `group/version/resource`, or undefined. */
export function resourceType(group: string, version: string, resource: string): ResourceType | undefined {
  return BY_PATH.get(`${group}/${version}/${resource}`);
}

/** The resource of an `apiVersion` and `kind`, or undefined. */
export function resourceTypeOfKind(apiVersion: string, kind: string): ResourceType | undefined {
  return BY_KIND.get(`${apiVersion}/${kind}`);
}

/** `v1` or `group/version`. */
export function apiVersionOf(type: { readonly group: string; readonly version: string }): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** The message of a kind sent in a body (objects, reviews, Scale, DeleteOptions). */
export function messageOfKind(apiVersion: string, kind: string): string | undefined {
  const type = resourceTypeOfKind(apiVersion, kind);
  if (type) return type.message;
  if (apiVersion === 'autoscaling/v1' && kind === 'Scale') return 'k8s.io.api.autoscaling.v1.Scale';
  if (kind === 'DeleteOptions') return 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions';
  return undefined;
}
