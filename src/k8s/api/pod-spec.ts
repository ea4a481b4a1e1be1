/**
 * Pod specs as the API server defaults and checks them (pods, and the templates of workloads):
 * restart and DNS policy, grace period, scheduler, service account, the two default tolerations,
 * image pull policy and termination message of each container; every container needs a name (an RFC
 * 1123 label) and an image. https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
 */
import type { FieldError } from '../kube-status.ts';
import { dns1123Label, invalidValue, nameErrors, required } from './validation.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function containersOf(spec: Json, key: string): Json[] {
  const list = spec[key];
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** `Always` for `:latest` or untagged images, else `IfNotPresent`. */
function pullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  const lastPart = image.split('/').pop() ?? '';
  if (image.includes('@')) return 'IfNotPresent';
  const tag = lastPart.includes(':') ? lastPart.split(':').pop() : undefined;
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(container: Json): void {
  container['imagePullPolicy'] ??= pullPolicy(container['image']);
  container['terminationMessagePath'] ??= '/dev/termination-log';
  container['terminationMessagePolicy'] ??= 'File';
  container['resources'] ??= {};
  if (Array.isArray(container['ports'])) {
    for (const port of container['ports'].filter(isObject)) port['protocol'] ??= 'TCP';
  }
}

/** Fills the defaults of a pod spec in place. */
export function defaultPodSpec(spec: Json): void {
  for (const key of ['containers', 'initContainers']) for (const c of containersOf(spec, key)) defaultContainer(c);
  spec['restartPolicy'] ??= 'Always';
  spec['terminationGracePeriodSeconds'] ??= 30;
  spec['dnsPolicy'] ??= 'ClusterFirst';
  spec['serviceAccountName'] ??= 'default';
  spec['serviceAccount'] ??= spec['serviceAccountName'];
  spec['securityContext'] ??= {};
  spec['schedulerName'] ??= 'default-scheduler';
  spec['enableServiceLinks'] ??= true;
  spec['preemptionPolicy'] ??= 'PreemptLowerPriority';
  spec['priority'] ??= 0;
}

/** The tolerations the DefaultTolerationSeconds admission plugin adds to pods (not to templates). */
export function addDefaultTolerations(spec: Json): void {
  const tolerations = Array.isArray(spec['tolerations']) ? (spec['tolerations'] as Json[]) : [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t['key'] === key)) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec['tolerations'] = tolerations;
}

/** The errors of a pod spec at `path` (`spec`, `spec.template.spec`). */
export function podSpecErrors(spec: unknown, path: string): FieldError[] {
  if (!isObject(spec)) return [required(`${path}.containers`)];
  const errs: FieldError[] = [];
  const containers = containersOf(spec, 'containers');
  if (containers.length === 0) errs.push(required(`${path}.containers`));
  const seen = new Set<string>();
  containers.forEach((container, i) => {
    const at = `${path}.containers[${i}]`;
    const name = container['name'];
    if (typeof name !== 'string' || name === '') errs.push(required(`${at}.name`));
    else {
      errs.push(...nameErrors(`${at}.name`, name, dns1123Label(name)));
      if (seen.has(name)) errs.push({ type: 'FieldValueDuplicate', field: `${at}.name`, body: `Duplicate value: ${JSON.stringify(name)}` });
      seen.add(name);
    }
    if (typeof container['image'] !== 'string' || container['image'] === '') errs.push(required(`${at}.image`));
  });
  const policy = spec['restartPolicy'];
  if (policy !== undefined && !['Always', 'OnFailure', 'Never'].includes(String(policy))) {
    errs.push({ type: 'FieldValueNotSupported', field: `${path}.restartPolicy`, body: `Unsupported value: ${JSON.stringify(policy)}: supported values: "Always", "OnFailure", "Never"` });
  }
  if (spec['nodeName'] !== undefined && typeof spec['nodeName'] !== 'string') errs.push(invalidValue(`${path}.nodeName`, spec['nodeName'], 'must be a string'));
  return errs;
}

/** The QoS class of a pod spec: Guaranteed, Burstable or BestEffort. */
export function qosClass(spec: Json): string {
  const containers = containersOf(spec, 'containers');
  let anyResources = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const resources = isObject(c['resources']) ? c['resources'] : {};
    const requests = isObject(resources['requests']) ? resources['requests'] : {};
    const limits = isObject(resources['limits']) ? resources['limits'] : {};
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) anyResources = true;
    for (const r of ['cpu', 'memory']) {
      if (limits[r] === undefined || (requests[r] !== undefined && String(requests[r]) !== String(limits[r]))) guaranteed = false;
    }
  }
  if (!anyResources) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
