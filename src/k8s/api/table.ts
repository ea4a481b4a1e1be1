/**
 * Server-side printing (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`), which `kubectl get`
 * asks for: a meta.k8s.io/v1 Table with the columns kube-apiserver prints per kind (NAME, STATUS,
 * AGE, ...; wide columns at priority 1), ages as Kubernetes's HumanDuration, and each row's object as
 * PartialObjectMetadata (or the whole object with `includeObject=Object`).
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
import type { KubeObject } from './cluster-objects.ts';
import type { ResourceType } from './resource-types.ts';

type Json = Record<string, unknown>;
type Cell = string | number;

interface Column {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'date';
  readonly format?: string;
  readonly priority?: 1;
  readonly cell: (object: Json, now: number) => Cell;
}

/** Whether the Accept header asks for a Table. */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return params.includes('as=Table') && params.includes('g=meta.k8s.io');
  });
}

/** Kubernetes's HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365;
    return days === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${days}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

const get = (object: unknown, ...path: string[]): unknown => path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined), object);
const count = (value: unknown): number => (Array.isArray(value) ? value.length : value !== null && typeof value === 'object' ? Object.keys(value).length : 0);
const text = (value: unknown, fallback = '<none>'): string => (value === undefined || value === null || value === '' ? fallback : String(value));
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

const NAME: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => text(get(o, 'metadata', 'name'), '') };
const AGE: Column = {
  name: 'Age', type: 'string',
  cell: (o, now) => {
    const created = Date.parse(String(get(o, 'metadata', 'creationTimestamp') ?? ''));
    return Number.isNaN(created) ? '<unknown>' : humanDuration(now - created);
  },
};
const CREATED_AT: Column = { name: 'Created At', type: 'date', cell: (o) => text(get(o, 'metadata', 'creationTimestamp'), '') };

function containers(o: Json): Json[] {
  const list = get(o, 'spec', 'containers');
  return Array.isArray(list) ? (list as Json[]) : [];
}

function servicePorts(o: Json): string {
  const ports = get(o, 'spec', 'ports');
  if (!Array.isArray(ports) || ports.length === 0) return '<none>';
  return (ports as Json[]).map((p) => `${String(p['port'])}${p['nodePort'] ? `:${String(p['nodePort'])}` : ''}/${String(p['protocol'] ?? 'TCP')}`).join(',');
}

function selectorText(selector: unknown): string {
  if (selector === null || typeof selector !== 'object') return '<none>';
  const labels = (selector as Json)['matchLabels'] ?? selector;
  const entries = Object.entries(labels as Json).filter(([, v]) => typeof v === 'string');
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${String(v)}`).join(',');
}

function roleOf(o: Json): string {
  return `${text(get(o, 'roleRef', 'kind'), '')}/${text(get(o, 'roleRef', 'name'), '')}`;
}

function subjects(o: Json, kind: string): string {
  const list = get(o, 'subjects');
  const names = Array.isArray(list) ? (list as Json[]).filter((s) => s['kind'] === kind).map((s) => (kind === 'ServiceAccount' ? `${String(s['namespace'] ?? '')}/${String(s['name'])}` : String(s['name']))) : [];
  return names.length === 0 ? '' : names.join(', ');
}

const COLUMNS: Readonly<Record<string, readonly Column[]>> = {
  Namespace: [NAME, { name: 'Status', type: 'string', cell: (o) => text(get(o, 'status', 'phase'), '') }, AGE],
  ConfigMap: [NAME, { name: 'Data', type: 'integer', cell: (o) => count(get(o, 'data')) + count(get(o, 'binaryData')) }, AGE],
  Secret: [NAME, { name: 'Type', type: 'string', cell: (o) => text(get(o, 'type'), '') }, { name: 'Data', type: 'integer', cell: (o) => count(get(o, 'data')) }, AGE],
  ServiceAccount: [NAME, { name: 'Secrets', type: 'integer', cell: (o) => count(get(o, 'secrets')) }, AGE],
  Service: [
    NAME, { name: 'Type', type: 'string', cell: (o) => text(get(o, 'spec', 'type'), '') },
    { name: 'Cluster-IP', type: 'string', cell: (o) => text(get(o, 'spec', 'clusterIP')) },
    { name: 'External-IP', type: 'string', cell: (o) => (get(o, 'spec', 'type') === 'LoadBalancer' ? '<pending>' : text(get(o, 'spec', 'externalName'))) },
    { name: 'Port(s)', type: 'string', cell: servicePorts }, AGE,
    { name: 'Selector', type: 'string', priority: 1, cell: (o) => selectorText(get(o, 'spec', 'selector')) },
  ],
  Pod: [
    NAME, { name: 'Ready', type: 'string', cell: (o) => `0/${containers(o).length}` },
    { name: 'Status', type: 'string', cell: (o) => text(get(o, 'status', 'phase'), 'Unknown') },
    { name: 'Restarts', type: 'string', cell: () => '0' }, AGE,
    { name: 'IP', type: 'string', priority: 1, cell: (o) => text(get(o, 'status', 'podIP')) },
    { name: 'Node', type: 'string', priority: 1, cell: (o) => text(get(o, 'spec', 'nodeName')) },
    { name: 'Nominated Node', type: 'string', priority: 1, cell: () => '<none>' },
    { name: 'Readiness Gates', type: 'string', priority: 1, cell: () => '<none>' },
  ],
  Deployment: [
    NAME, { name: 'Ready', type: 'string', cell: (o) => `${num(get(o, 'status', 'readyReplicas'))}/${num(get(o, 'spec', 'replicas'))}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => num(get(o, 'status', 'updatedReplicas')) },
    { name: 'Available', type: 'integer', cell: (o) => num(get(o, 'status', 'availableReplicas')) }, AGE,
    { name: 'Containers', type: 'string', priority: 1, cell: (o) => (get(o, 'spec', 'template', 'spec', 'containers') as Json[] | undefined ?? []).map((c) => String(c['name'])).join(',') },
    { name: 'Images', type: 'string', priority: 1, cell: (o) => (get(o, 'spec', 'template', 'spec', 'containers') as Json[] | undefined ?? []).map((c) => String(c['image'])).join(',') },
    { name: 'Selector', type: 'string', priority: 1, cell: (o) => selectorText(get(o, 'spec', 'selector')) },
  ],
  ReplicaSet: [
    NAME, { name: 'Desired', type: 'integer', cell: (o) => num(get(o, 'spec', 'replicas')) }, { name: 'Current', type: 'integer', cell: (o) => num(get(o, 'status', 'replicas')) },
    { name: 'Ready', type: 'integer', cell: (o) => num(get(o, 'status', 'readyReplicas')) }, AGE,
  ],
  StatefulSet: [NAME, { name: 'Ready', type: 'string', cell: (o) => `${num(get(o, 'status', 'readyReplicas'))}/${num(get(o, 'spec', 'replicas'))}` }, AGE],
  DaemonSet: [
    NAME, ...['Desired', 'Current', 'Ready', 'Up-to-date', 'Available'].map((name): Column => ({ name, type: 'integer', cell: () => 0 })),
    { name: 'Node Selector', type: 'string', cell: (o) => selectorText(get(o, 'spec', 'template', 'spec', 'nodeSelector')) }, AGE,
  ],
  Job: [
    NAME, { name: 'Status', type: 'string', cell: () => 'Running' },
    { name: 'Completions', type: 'string', cell: (o) => `${num(get(o, 'status', 'succeeded'))}/${num(get(o, 'spec', 'completions')) || 1}` },
    { name: 'Duration', type: 'string', cell: (o, now) => humanDuration(now - Date.parse(String(get(o, 'metadata', 'creationTimestamp')))) }, AGE,
  ],
  CronJob: [
    NAME, { name: 'Schedule', type: 'string', cell: (o) => text(get(o, 'spec', 'schedule'), '') },
    { name: 'Timezone', type: 'string', cell: (o) => text(get(o, 'spec', 'timeZone')) },
    { name: 'Suspend', type: 'string', cell: (o) => (get(o, 'spec', 'suspend') === true ? 'True' : 'False') },
    { name: 'Active', type: 'integer', cell: () => 0 }, { name: 'Last Schedule', type: 'string', cell: () => '<none>' }, AGE,
  ],
  RoleBinding: [
    NAME, { name: 'Role', type: 'string', cell: roleOf }, AGE,
    { name: 'Users', type: 'string', priority: 1, cell: (o) => subjects(o, 'User') },
    { name: 'Groups', type: 'string', priority: 1, cell: (o) => subjects(o, 'Group') },
    { name: 'ServiceAccounts', type: 'string', priority: 1, cell: (o) => subjects(o, 'ServiceAccount') },
  ],
  ClusterRoleBinding: [
    NAME, { name: 'Role', type: 'string', cell: roleOf }, AGE,
    { name: 'Users', type: 'string', priority: 1, cell: (o) => subjects(o, 'User') },
    { name: 'Groups', type: 'string', priority: 1, cell: (o) => subjects(o, 'Group') },
    { name: 'ServiceAccounts', type: 'string', priority: 1, cell: (o) => subjects(o, 'ServiceAccount') },
  ],
  Node: [NAME, { name: 'Status', type: 'string', cell: () => 'Unknown' }, { name: 'Roles', type: 'string', cell: () => '<none>' }, AGE, { name: 'Version', type: 'string', cell: (o) => text(get(o, 'status', 'nodeInfo', 'kubeletVersion'), '') }],
  Endpoints: [NAME, { name: 'Endpoints', type: 'string', cell: () => '<none>' }, AGE],
};

/** The Table of `objects` of `type` at `now`, with each row's object as `includeObject` asks. */
export function table(type: ResourceType, objects: readonly KubeObject[], resourceVersion: string, now: number, includeObject: string | null): object {
  const columns = COLUMNS[type.kind] ?? [NAME, CREATED_AT];
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion },
    columnDefinitions: columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: '', priority: c.priority ?? 0 })),
    rows: objects.map((o) => {
      const row: Json = { cells: columns.map((c) => c.cell(o, now)) };
      if (includeObject === 'Object') row['object'] = o;
      else if (includeObject !== 'None') row['object'] = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o['metadata'] };
      return row;
    }),
  };
}
