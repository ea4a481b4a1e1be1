/**
 * What the API server does per kind on create and update, as far as objects without controllers
 * need it (https://kubernetes.io/docs/reference/kubernetes-api/): defaults, the status a new object
 * starts with, validation with Kubernetes's field errors, and the fields an update may not change.
 * Nothing runs: a pod stays Pending and unscheduled (the cluster has no nodes), a Deployment keeps
 * an empty status.
 */
import { randomInt } from 'node:crypto';
import type { FieldError } from '../kube-status.ts';
import { addDefaultTolerations, defaultPodSpec, podSpecErrors, qosClass } from './pod-spec.ts';
import type { ResourceType } from './resource-types.ts';
import { dns1035Label, dns1123Label, dns1123Subdomain, invalidValue, pathSegmentName, required, unsupported } from './validation.ts';

type Json = Record<string, unknown>;

/** What a strategy may know of the request. */
export interface StrategyContext {
  /** RFC 3339 time of the request. */
  readonly now: string;
  /** The cluster's service CIDR (`10.100.0.0/16`). */
  readonly serviceCidr: string;
}

/** One kind's create and update behaviour. */
interface KindStrategy {
  nameProblems?(name: string): string[];
  prepareForCreate?(object: Json, ctx: StrategyContext): void;
  validate?(object: Json): FieldError[];
  validateUpdate?(next: Json, old: Json): FieldError[];
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function objectAt(parent: Json, key: string): Json {
  const value = parent[key];
  if (isObject(value)) return value;
  const fresh: Json = {};
  parent[key] = fresh;
  return fresh;
}

function matchesSelector(labels: Json, selector: Json): boolean {
  const matchLabels = isObject(selector['matchLabels']) ? selector['matchLabels'] : {};
  return Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
}

function selectorErrors(object: Json): FieldError[] {
  const spec = isObject(object['spec']) ? object['spec'] : {};
  const selector = spec['selector'];
  if (!isObject(selector) || (Object.keys(isObject(selector['matchLabels']) ? selector['matchLabels'] : {}).length === 0 && !Array.isArray(selector['matchExpressions']))) {
    return [required('spec.selector')];
  }
  const template = isObject(spec['template']) ? spec['template'] : {};
  const labels = isObject(template['metadata']) && isObject(template['metadata']['labels']) ? template['metadata']['labels'] : {};
  if (!matchesSelector(labels, selector)) return [invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`')];
  return [];
}

function workload(options: { selector: boolean; defaults?: (spec: Json) => void }): KindStrategy {
  return {
    prepareForCreate: (object) => {
      const spec = objectAt(object, 'spec');
      options.defaults?.(spec);
      const template = isObject(spec['template']) ? spec['template'] : undefined;
      if (template && isObject(template['spec'])) defaultPodSpec(template['spec']);
      object['status'] = {};
    },
    validate: (object) => {
      const spec = isObject(object['spec']) ? object['spec'] : {};
      const template = isObject(spec['template']) ? spec['template'] : {};
      return [...(options.selector ? selectorErrors(object) : []), ...podSpecErrors(template['spec'], 'spec.template.spec')];
    },
    validateUpdate: (next, old) => {
      const selector = (o: Json) => JSON.stringify((isObject(o['spec']) ? o['spec'] : {})['selector'] ?? null);
      if (options.selector && selector(next) !== selector(old)) return [invalidValue('spec.selector', (next['spec'] as Json | undefined)?.['selector'], 'field is immutable')];
      return [];
    },
  };
}

/** A Deployment's strategy defaulted field by field (an empty strategy, as kubectl's protobuf bodies carry, gets them all). */
function defaultStrategy(spec: Json): void {
  const strategy = objectAt(spec, 'strategy');
  strategy['type'] ??= 'RollingUpdate';
  if (strategy['type'] === 'RollingUpdate') {
    const rolling = objectAt(strategy, 'rollingUpdate');
    rolling['maxUnavailable'] ??= '25%';
    rolling['maxSurge'] ??= '25%';
  }
}

function rulesErrors(object: Json, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const rules = Array.isArray(object['rules']) ? object['rules'] : [];
  rules.forEach((raw, i) => {
    const rule = isObject(raw) ? raw : {};
    const at = `rules[${i}]`;
    const list = (k: string) => (Array.isArray(rule[k]) ? (rule[k] as unknown[]) : []);
    if (list('verbs').length === 0) errs.push(required(`${at}.verbs`, 'verbs must contain at least one value'));
    if (list('nonResourceURLs').length > 0) {
      if (namespaced) errs.push(invalidValue(`${at}.nonResourceURLs`, list('nonResourceURLs'), 'namespaced rules cannot apply to non-resource URLs'));
      if (list('apiGroups').length > 0 || list('resources').length > 0 || list('resourceNames').length > 0) {
        errs.push(invalidValue(`${at}.nonResourceURLs`, list('nonResourceURLs'), 'rules cannot apply to both regular resources and non-resource URLs'));
      }
    } else if (list('apiGroups').length === 0) {
      errs.push(required(`${at}.apiGroups`, 'resource rules must supply at least one api group'));
    } else if (list('resources').length === 0) {
      errs.push(required(`${at}.resources`, 'resource rules must supply at least one resource'));
    }
  });
  return errs;
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function bindingErrors(object: Json, clusterScoped: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = isObject(object['roleRef']) ? object['roleRef'] : {};
  if (ref['apiGroup'] !== RBAC_GROUP) errs.push(unsupported('roleRef.apiGroup', ref['apiGroup'] ?? '', [RBAC_GROUP]));
  const kinds = clusterScoped ? ['ClusterRole'] : ['ClusterRole', 'Role'];
  if (!kinds.includes(String(ref['kind'] ?? ''))) errs.push(unsupported('roleRef.kind', ref['kind'] ?? '', kinds));
  if (typeof ref['name'] !== 'string' || ref['name'] === '') errs.push(required('roleRef.name'));
  const subjects = Array.isArray(object['subjects']) ? object['subjects'] : [];
  subjects.forEach((raw, i) => {
    const s = isObject(raw) ? raw : {};
    const at = `subjects[${i}]`;
    if (typeof s['name'] !== 'string' || s['name'] === '') errs.push(required(`${at}.name`));
    const kind = String(s['kind'] ?? '');
    if (!['ServiceAccount', 'User', 'Group'].includes(kind)) errs.push(unsupported(`${at}.kind`, kind, ['ServiceAccount', 'User', 'Group']));
    else if (kind === 'ServiceAccount' && clusterScoped && !s['namespace']) errs.push(required(`${at}.namespace`));
    else if (kind !== 'ServiceAccount' && s['apiGroup'] !== RBAC_GROUP) errs.push(unsupported(`${at}.apiGroup`, s['apiGroup'] ?? '', [RBAC_GROUP]));
  });
  return errs;
}

function defaultSubjects(object: Json): void {
  const subjects = Array.isArray(object['subjects']) ? object['subjects'] : [];
  for (const s of subjects.filter(isObject)) {
    if (s['apiGroup'] === undefined && (s['kind'] === 'User' || s['kind'] === 'Group')) s['apiGroup'] = RBAC_GROUP;
  }
}

function roleRefUnchanged(next: Json, old: Json): FieldError[] {
  return JSON.stringify(next['roleRef']) === JSON.stringify(old['roleRef']) ? [] : [invalidValue('roleRef', next['roleRef'], 'cannot change roleRef')];
}

/** A random free-looking address of `cidr` (not its network, gateway or broadcast address). */
function serviceAddress(cidr: string): string {
  const [base = '10.100.0.0', bits = '16'] = cidr.split('/');
  const octets = base.split('.').map(Number);
  const start = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
  const size = 2 ** (32 - Number(bits));
  const value = start + 10 + randomInt(Math.max(1, size - 12));
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

const STRATEGIES: Readonly<Record<string, KindStrategy>> = {
  Namespace: {
    nameProblems: dns1123Label,
    prepareForCreate: (object) => {
      const metadata = objectAt(object, 'metadata');
      objectAt(metadata, 'labels')['kubernetes.io/metadata.name'] = metadata['name'];
      objectAt(object, 'spec')['finalizers'] = ['kubernetes'];
      object['status'] = { phase: 'Active' };
    },
  },
  Secret: {
    prepareForCreate: (object) => {
      object['type'] ??= 'Opaque';
    },
  },
  Service: {
    nameProblems: dns1035Label,
    prepareForCreate: (object, ctx) => {
      const spec = objectAt(object, 'spec');
      spec['type'] ??= 'ClusterIP';
      if (spec['type'] !== 'ExternalName') {
        if (spec['clusterIP'] === undefined || spec['clusterIP'] === '') spec['clusterIP'] = serviceAddress(ctx.serviceCidr);
        spec['clusterIPs'] ??= [spec['clusterIP']];
        spec['ipFamilies'] ??= ['IPv4'];
        spec['ipFamilyPolicy'] ??= 'SingleStack';
        spec['internalTrafficPolicy'] ??= 'Cluster';
      }
      spec['sessionAffinity'] ??= 'None';
      const ports = Array.isArray(spec['ports']) ? spec['ports'].filter(isObject) : [];
      for (const port of ports) {
        port['protocol'] ??= 'TCP';
        port['targetPort'] ??= port['port'];
        if ((spec['type'] === 'NodePort' || spec['type'] === 'LoadBalancer') && port['nodePort'] === undefined) port['nodePort'] = 30000 + randomInt(2768);
      }
      if (spec['type'] === 'NodePort' || spec['type'] === 'LoadBalancer') spec['externalTrafficPolicy'] ??= 'Cluster';
      object['status'] = { loadBalancer: {} };
    },
    validate: (object) => {
      const spec = isObject(object['spec']) ? object['spec'] : {};
      const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
      if (spec['type'] !== undefined && !types.includes(String(spec['type']))) return [unsupported('spec.type', spec['type'], types)];
      if (spec['type'] !== 'ExternalName' && spec['clusterIP'] !== 'None' && (!Array.isArray(spec['ports']) || spec['ports'].length === 0)) return [required('spec.ports')];
      return [];
    },
    validateUpdate: (next, old) => {
      const ip = (o: Json) => (isObject(o['spec']) ? o['spec']['clusterIP'] : undefined);
      return ip(next) === undefined || ip(next) === ip(old) ? [] : [invalidValue('spec.clusterIP', ip(next), 'field is immutable')];
    },
  },
  Pod: {
    prepareForCreate: (object, ctx) => {
      const spec = objectAt(object, 'spec');
      defaultPodSpec(spec);
      addDefaultTolerations(spec);
      object['status'] = {
        phase: 'Pending', qosClass: qosClass(spec),
        conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: ctx.now, reason: 'Unschedulable', message: 'no nodes available to schedule pods' }],
      };
    },
    validate: (object) => podSpecErrors(object['spec'], 'spec'),
  },
  Deployment: workload({
    selector: true,
    defaults: (spec) => {
      spec['replicas'] ??= 1;
      defaultStrategy(spec);
      spec['revisionHistoryLimit'] ??= 10;
      spec['progressDeadlineSeconds'] ??= 600;
    },
  }),
  ReplicaSet: workload({ selector: true, defaults: (spec) => void (spec['replicas'] ??= 1) }),
  StatefulSet: workload({
    selector: true,
    defaults: (spec) => {
      spec['replicas'] ??= 1;
      spec['podManagementPolicy'] ??= 'OrderedReady';
      const update = objectAt(spec, 'updateStrategy');
      update['type'] ??= 'RollingUpdate';
      if (update['type'] === 'RollingUpdate') objectAt(update, 'rollingUpdate')['partition'] ??= 0;
      spec['revisionHistoryLimit'] ??= 10;
    },
  }),
  DaemonSet: workload({
    selector: true,
    defaults: (spec) => {
      const update = objectAt(spec, 'updateStrategy');
      update['type'] ??= 'RollingUpdate';
      if (update['type'] === 'RollingUpdate') {
        const rolling = objectAt(update, 'rollingUpdate');
        rolling['maxUnavailable'] ??= 1;
        rolling['maxSurge'] ??= 0;
      }
      spec['revisionHistoryLimit'] ??= 10;
    },
  }),
  Job: workload({ selector: false, defaults: (spec) => { spec['backoffLimit'] ??= 6; spec['completions'] ??= 1; spec['parallelism'] ??= 1; } }),
  Role: { nameProblems: pathSegmentName, validate: (object) => rulesErrors(object, true) },
  ClusterRole: { nameProblems: pathSegmentName, validate: (object) => rulesErrors(object, false) },
  RoleBinding: {
    nameProblems: pathSegmentName, prepareForCreate: defaultSubjects, validate: (object) => bindingErrors(object, false), validateUpdate: roleRefUnchanged,
  },
  ClusterRoleBinding: {
    nameProblems: pathSegmentName, prepareForCreate: defaultSubjects, validate: (object) => bindingErrors(object, true), validateUpdate: roleRefUnchanged,
  },
};

/** The kinds whose objects count generations (`metadata.generation` moves when the spec does). */
export function hasGeneration(type: ResourceType): boolean {
  return type.group === 'apps' || type.group === 'batch';
}

/** Name problems of an object of `type` (RFC 1123 subdomain unless the kind says otherwise). */
export function nameProblems(type: ResourceType, name: string): string[] {
  return (STRATEGIES[type.kind]?.nameProblems ?? dns1123Subdomain)(name);
}

/** Fills defaults and the initial status of a new object. */
export function prepareForCreate(type: ResourceType, object: Json, ctx: StrategyContext): void {
  STRATEGIES[type.kind]?.prepareForCreate?.(object, ctx);
}

/** The kind's own validation errors. */
export function validateObject(type: ResourceType, object: Json): FieldError[] {
  return STRATEGIES[type.kind]?.validate?.(object) ?? [];
}

/** Errors of changing `old` into `next` (immutable fields). */
export function validateUpdate(type: ResourceType, next: Json, old: Json): FieldError[] {
  return STRATEGIES[type.kind]?.validateUpdate?.(next, old) ?? [];
}
