// Extracts the Kubernetes API types Tollgate serves from the `generated.proto` files of kubernetes/api
// and kubernetes/apimachinery (facts only: message and field names, field numbers, types, and the
// `+patchMergeKey`/`+patchStrategy`/`+listType`/`+listMapKey` markers that the protobuf generator
// copies from the Go types; no descriptions) into src/k8s/schema/kubernetes-types.json.
// One table then drives protobuf decoding, OpenAPI v3, strategic merge patch and field validation.
//
//   node --import tsx scripts/generate-kubernetes-schemas.ts API_GIT_DIR APIMACHINERY_GIT_DIR [TAG]
//
// Each directory is a git repository (a bare mirror will do); TAG (default v0.34.10) is read with
// `git show TAG:path`, so no checkout is needed.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [apiDir, machineryDir, tag = 'v0.34.10'] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  console.error('usage: generate-kubernetes-schemas.ts API_GIT_DIR APIMACHINERY_GIT_DIR [TAG]');
  process.exit(2);
}

/** The kinds served, as `package.Message`. */
const ROOTS = [
  'k8s.io.api.core.v1.Namespace', 'k8s.io.api.core.v1.ConfigMap', 'k8s.io.api.core.v1.Secret', 'k8s.io.api.core.v1.ServiceAccount',
  'k8s.io.api.core.v1.Service', 'k8s.io.api.core.v1.Pod', 'k8s.io.api.core.v1.Node', 'k8s.io.api.core.v1.Event',
  'k8s.io.api.core.v1.Endpoints', 'k8s.io.api.core.v1.PersistentVolumeClaim',
  'k8s.io.api.apps.v1.Deployment', 'k8s.io.api.apps.v1.ReplicaSet', 'k8s.io.api.apps.v1.StatefulSet', 'k8s.io.api.apps.v1.DaemonSet',
  'k8s.io.api.batch.v1.Job', 'k8s.io.api.batch.v1.CronJob', 'k8s.io.api.autoscaling.v1.Scale',
  'k8s.io.api.rbac.v1.Role', 'k8s.io.api.rbac.v1.RoleBinding', 'k8s.io.api.rbac.v1.ClusterRole', 'k8s.io.api.rbac.v1.ClusterRoleBinding',
  'k8s.io.api.authentication.v1.TokenReview', 'k8s.io.api.authentication.v1.SelfSubjectReview',
  'k8s.io.api.authorization.v1.SelfSubjectAccessReview', 'k8s.io.api.authorization.v1.SelfSubjectRulesReview',
  'k8s.io.api.authorization.v1.SubjectAccessReview', 'k8s.io.api.authorization.v1.LocalSubjectAccessReview',
  'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'k8s.io.apimachinery.pkg.apis.meta.v1.Status', 'k8s.io.apimachinery.pkg.runtime.Unknown',
];

const FILES: readonly [string, string][] = [
  ...['core/v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'rbac/v1', 'authentication/v1', 'authorization/v1'].map((p): [string, string] => [apiDir, `${p}/generated.proto`]),
  ...['pkg/apis/meta/v1', 'pkg/runtime', 'pkg/util/intstr', 'pkg/api/resource', 'pkg/runtime/schema'].map((p): [string, string] => [machineryDir, `${p}/generated.proto`]),
];

interface Field {
  n: number;
  name: string;
  /** A scalar (`string`, `int64`, ...) or a fully qualified message name. */
  type: string;
  repeated?: true;
  /** For maps: the key's scalar type (the value is `type`). */
  mapKey?: string;
  mergeKey?: string;
  strategy?: string;
  listType?: string;
  listMapKeys?: string[];
}

interface Message {
  fields: Field[];
}

const SCALARS = new Set(['string', 'int32', 'int64', 'uint32', 'uint64', 'bool', 'bytes', 'double', 'float', 'sint32', 'sint64', 'fixed32', 'fixed64']);
const messages = new Map<string, Message>();

function markersOf(comments: string[]): Map<string, string[]> {
  const markers = new Map<string, string[]>();
  for (const line of comments) {
    const marker = /^\+([\w.]+)(?:=(.*))?$/.exec(line.trim());
    if (!marker) continue;
    const list = markers.get(marker[1]!) ?? [];
    list.push(marker[2] ?? '');
    markers.set(marker[1]!, list);
  }
  return markers;
}

function parse(source: string): void {
  const pkg = /^package ([\w.]+);/m.exec(source)![1]!;
  let comments: string[] = [];
  let current: { name: string; message: Message } | undefined;
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('//')) {
      comments.push(line.slice(2));
      continue;
    }
    const open = /^message (\w+) \{$/.exec(line);
    if (open) {
      current = { name: `${pkg}.${open[1]}`, message: { fields: [] } };
      comments = [];
      continue;
    }
    if (line === '}' && current) {
      messages.set(current.name, current.message);
      current = undefined;
      comments = [];
      continue;
    }
    const field = /^(optional|repeated)?\s*(?:map<(\w+),\s*([\w.]+)>|([\w.]+))\s+(\w+)\s*=\s*(\d+);$/.exec(line);
    if (field && current) {
      const [, label, mapKey, mapValue, plain, name, number] = field;
      const typeName = (mapValue ?? plain)!;
      const type = SCALARS.has(typeName) ? typeName : typeName.startsWith('.') ? typeName.slice(1) : `${pkg}.${typeName}`;
      const markers = markersOf(comments);
      const out: Field = { n: Number(number), name: name!, type };
      if (label === 'repeated') out.repeated = true;
      if (mapKey) out.mapKey = mapKey;
      const mergeKey = markers.get('patchMergeKey')?.[0];
      const strategy = markers.get('patchStrategy')?.[0];
      const listType = markers.get('listType')?.[0];
      const listMapKeys = markers.get('listMapKey');
      if (mergeKey) out.mergeKey = mergeKey;
      if (strategy) out.strategy = strategy;
      if (listType) out.listType = listType;
      if (listMapKeys) out.listMapKeys = listMapKeys;
      current.message.fields.push(out);
    }
    if (line !== '') comments = [];
  }
}

for (const [dir, path] of FILES) parse(execFileSync('git', ['-C', dir, 'show', `${tag}:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));

// The closure of the roots.
const wanted = new Map<string, Message>();
const queue = [...ROOTS];
while (queue.length > 0) {
  const name = queue.shift()!;
  if (wanted.has(name)) continue;
  const message = messages.get(name);
  if (!message) throw new Error(`message ${name} not found`);
  wanted.set(name, message);
  for (const field of message.fields) if (!SCALARS.has(field.type)) queue.push(field.type);
}

const out = {
  source: `kubernetes/api and kubernetes/apimachinery ${tag}, generated.proto (generated by scripts/generate-kubernetes-schemas.ts)`,
  messages: Object.fromEntries([...wanted.entries()].sort(([a], [b]) => a.localeCompare(b))),
};
const target = fileURLToPath(new URL('../src/k8s/schema/kubernetes-types.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`${wanted.size} messages written to ${target}`);
