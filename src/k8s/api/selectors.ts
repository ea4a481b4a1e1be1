/**
 * Label and field selectors of list and watch requests
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors):
 * `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, comma-joined; field selectors
 * with `=`, `==` and `!=` on `metadata.name` and `metadata.namespace`, as every resource has them,
 * and on the fields Kubernetes lets each kind be selected by (events by `involvedObject.*`, which
 * `kubectl describe` uses; pods by `spec.nodeName` and `status.phase`; secrets by `type`; ...).
 */
import { badRequest } from '../kube-status.ts';
import type { KubeObject } from './cluster-objects.ts';

type Requirement = (labels: Readonly<Record<string, string>>) => boolean;

function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '' || terms.length > 0) terms.push(current);
  return terms.map((t) => t.trim());
}

function parseRequirement(term: string): Requirement {
  let m = /^!\s*([\w./-]+)$/.exec(term);
  if (m) {
    const key = m[1]!;
    return (labels) => !(key in labels);
  }
  m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (m) {
    const [, key, op, list] = m as unknown as [string, string, string, string];
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in' ? (labels) => key in labels && values.has(labels[key]!) : (labels) => !(key in labels) || !values.has(labels[key]!);
  }
  m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(term);
  if (m) {
    const [, key, op, value] = m as unknown as [string, string, string, string];
    return op === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
  }
  m = /^([\w./-]+)$/.exec(term);
  if (m) {
    const key = m[1]!;
    return (labels) => key in labels;
  }
  throw badRequest(`unable to parse requirement: found '${term}', expected: identifier`);
}

function labelsOf(object: KubeObject): Record<string, string> {
  const labels = (object['metadata'] as { labels?: unknown } | undefined)?.labels;
  return labels !== null && typeof labels === 'object' ? (labels as Record<string, string>) : {};
}

/** A predicate over objects for a `labelSelector`; everything when empty. */
export function labelSelector(text: string | null): (object: KubeObject) => boolean {
  if (text === null || text.trim() === '') return () => true;
  const requirements = splitTerms(text).map(parseRequirement);
  return (object) => {
    const labels = labelsOf(object);
    return requirements.every((r) => r(labels));
  };
}

/** Fields each kind may be selected by beyond `metadata.name` and `metadata.namespace` (path in the object, when it differs). */
const SELECTABLE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Event: {
    'involvedObject.kind': '', 'involvedObject.namespace': '', 'involvedObject.name': '', 'involvedObject.uid': '', 'involvedObject.apiVersion': '',
    'involvedObject.resourceVersion': '', 'involvedObject.fieldPath': '', reason: '', reportingComponent: '', source: 'source.component', type: '',
  },
  Pod: {
    'spec.nodeName': '', 'spec.restartPolicy': '', 'spec.schedulerName': '', 'spec.serviceAccountName': '', 'spec.hostNetwork': '',
    'status.phase': '', 'status.podIP': '', 'status.nominatedNodeName': '',
  },
  Secret: { type: '' },
  Namespace: { 'status.phase': '' },
  Node: { 'spec.unschedulable': '' },
  ReplicaSet: { 'status.replicas': '' },
  Job: { 'status.successful': '' },
};

function valueAt(object: KubeObject, path: string): string {
  let node: unknown = object;
  for (const part of path.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node === undefined || node === null ? '' : String(node);
}

/** A predicate over objects of `kind` for a `fieldSelector`; everything when empty. */
export function fieldSelector(text: string | null, kind = ''): (object: KubeObject) => boolean {
  if (text === null || text.trim() === '') return () => true;
  const extra = SELECTABLE[kind];
  const tests = splitTerms(text).map((term) => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const [, field, op, value] = m as unknown as [string, string, string, string];
    let path: string;
    if (field === 'metadata.name' || field === 'metadata.namespace') path = field;
    else if (extra && field in extra) path = extra[field] || field;
    else if (extra) throw badRequest(`field label not supported: ${field}`);
    else throw badRequest(`"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
    return (object: KubeObject) => (op === '!=' ? valueAt(object, path) !== value : valueAt(object, path) === value);
  });
  return (object) => tests.every((t) => t(object));
}
