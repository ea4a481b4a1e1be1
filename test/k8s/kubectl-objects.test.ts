// The Kubernetes objects kubectl works with (issue #15): namespaces, configmaps, secrets, service
// accounts, services, pods, deployments, roles and bindings are stored per cluster; `kubectl create`
// (protobuf bodies), `apply` (client-side, strategic merge patch, validated by the server through
// OpenAPI v3), `edit`, `patch`, `label`, `scale`, `get -o yaml`, `get -w`, `delete` and
// `--dry-run=server` work; unknown kinds and invalid names are refused as Kubernetes refuses them.
// Nothing runs: pods stay Pending without a node, and their logs are refused as for such a pod.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { kubectlSkipReason, type Kubectl } from '../support/kubectl.ts';
import { startK8sWorld, type K8sWorld } from './k8s-world.ts';

const skip = kubectlSkipReason();
let w: K8sWorld;
let k: Kubectl;
before(async () => {
  if (skip) return;
  w = await startK8sWorld();
  await w.cluster('objects', 'API');
  k = await w.kubectl('objects', w.admin);
  assert.equal((await k.run(['create', 'namespace', 'shop'])).status, 0);
});
after(() => w?.close());

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        ports: [{containerPort: 80}]
      - name: sidecar
        image: busybox:1.36
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {mode: one}
`;

test('apply creates, configures by strategic merge patch, then reports unchanged; get -o yaml shows what was stored', { skip }, async () => {
  const created = await k.run(['apply', '-f', '-'], MANIFEST);
  assert.equal(created.stdout.trim(), 'deployment.apps/web created\nconfigmap/settings created', created.stderr);
  const changed = MANIFEST.replace('nginx:1.25', 'nginx:1.26').replace('mode: one', 'mode: two');
  const configured = await k.run(['apply', '-f', '-'], changed);
  assert.equal(configured.stdout.trim(), 'deployment.apps/web configured\nconfigmap/settings configured', configured.stderr);
  assert.equal((await k.run(['apply', '-f', '-'], changed)).stdout.trim(), 'deployment.apps/web unchanged\nconfigmap/settings unchanged');
  const deployment = parse((await k.run(['get', 'deployment', 'web', '-n', 'shop', '-o', 'yaml'])).stdout) as {
    metadata: { generation: number; uid: string; annotations: Record<string, string> }; spec: { replicas: number; strategy: unknown; template: { spec: { containers: { name: string; image: string; imagePullPolicy: string }[] } } };
  };
  assert.deepEqual(deployment.spec.template.spec.containers.map((c) => [c.name, c.image, c.imagePullPolicy]), [['web', 'nginx:1.26', 'IfNotPresent'], ['sidecar', 'busybox:1.36', 'IfNotPresent']]);
  assert.equal(deployment.metadata.generation, 2);
  assert.equal(deployment.spec.replicas, 2);
  assert.deepEqual(deployment.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.ok(deployment.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']?.includes('nginx:1.26'));
  // Removing a container from the manifest removes it (the patch deletes it by its merge key, name).
  const oneContainer = changed.replace(/ {6}- name: sidecar\n {8}image: busybox:1\.36\n/, '');
  assert.equal((await k.run(['apply', '-f', '-'], oneContainer)).stdout.trim().split('\n')[0], 'deployment.apps/web configured');
  assert.equal((await k.run(['get', 'deployment', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[*].name}'])).stdout, 'web');
  const table = await k.run(['get', 'deployments', '-n', 'shop']);
  assert.match(table.stdout, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+0\/2\s+0\s+0\s+\d+s\n$/, table.stdout);
});

test('apply with an unknown field is refused by the server (strict field validation)', { skip }, async () => {
  const refused = await k.run(['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typo, namespace: shop}\ndatta: {a: b}\n');
  assert.equal(refused.stderr, 'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datta"');
});

test('create (protobuf bodies), label, annotate, patch (merge and json), scale and edit', { skip }, async () => {
  for (const args of [
    ['create', 'configmap', 'cm', '-n', 'shop', '--from-literal=a=1'],
    ['create', 'secret', 'generic', 'token', '-n', 'shop', '--from-literal=password=s3cret'],
    ['create', 'serviceaccount', 'robot', '-n', 'shop'],
    ['create', 'service', 'clusterip', 'web', '-n', 'shop', '--tcp=80:8080'],
    ['create', 'role', 'reader', '-n', 'shop', '--verb=get,list', '--resource=pods,configmaps'],
    ['create', 'rolebinding', 'readers', '-n', 'shop', '--role=reader', '--group=readers'],
  ]) {
    const result = await k.run(args);
    assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  }
  assert.equal((await k.run(['get', 'secret', 'token', '-n', 'shop', '-o', 'jsonpath={.type} {.data.password}'])).stdout, `Opaque ${Buffer.from('s3cret').toString('base64')}`);
  assert.match((await k.run(['get', 'service', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.clusterIP} {.spec.ports[0].targetPort}'])).stdout, /^10\.100\.\d+\.\d+ 8080$/);
  assert.equal((await k.run(['label', 'configmap', 'cm', '-n', 'shop', 'team=blue'])).stdout.trim(), 'configmap/cm labeled');
  assert.equal((await k.run(['annotate', 'configmap', 'cm', '-n', 'shop', 'note=hi'])).stdout.trim(), 'configmap/cm annotated');
  assert.equal((await k.run(['patch', 'configmap', 'cm', '-n', 'shop', '--type', 'merge', '-p', '{"data":{"b":"2"}}'])).stdout.trim(), 'configmap/cm patched');
  assert.equal((await k.run(['patch', 'configmap', 'cm', '-n', 'shop', '--type', 'json', '-p', '[{"op":"remove","path":"/data/a"}]'])).stdout.trim(), 'configmap/cm patched');
  assert.equal((await k.run(['get', 'configmap', 'cm', '-n', 'shop', '-o', 'jsonpath={.data} {.metadata.labels.team} {.metadata.annotations.note}'])).stdout, '{"b":"2"} blue hi');
  assert.equal((await k.run(['get', 'configmaps', '-n', 'shop', '-l', 'team=blue', '-o', 'name'])).stdout.trim(), 'configmap/cm');
  assert.equal((await k.run(['scale', 'deployment', 'web', '-n', 'shop', '--replicas=3'])).stdout.trim(), 'deployment.apps/web scaled');
  assert.equal((await k.run(['get', 'deployment', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}'])).stdout, '3');
  const edited = await k.run(['edit', 'configmap', 'cm', '-n', 'shop'], undefined, { KUBE_EDITOR: `sed -i 's/b: "2"/b: "3"/'` });
  assert.equal(edited.stdout.trim(), 'configmap/cm edited', edited.stderr);
  assert.equal((await k.run(['get', 'configmap', 'cm', '-n', 'shop', '-o', 'jsonpath={.data.b}'])).stdout, '3');
});

test('pods are stored and stay Pending; logs are refused as for a pod without a node; watch, dry-run and delete', { skip }, async () => {
  assert.equal((await k.run(['run', 'job1', '-n', 'shop', '--image=busybox:1.36'])).stdout.trim(), 'pod/job1 created');
  const pods = await k.run(['get', 'pods', '-n', 'shop']);
  assert.match(pods.stdout, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\njob1\s+0\/1\s+Pending\s+0\s+\d+s\n$/, pods.stdout);
  assert.equal((await k.run(['logs', 'job1', '-n', 'shop'])).stderr, 'Error from server (BadRequest): pod job1 does not have a host assigned');

  const watch = k.run(['get', 'configmaps', '-n', 'shop', '--watch-only', '-o', 'name', '--request-timeout=6s']);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal((await k.run(['create', 'configmap', 'watched', '-n', 'shop', '--from-literal=a=b'])).status, 0);
  assert.match((await watch).stdout, /^configmap\/watched$/m);

  assert.equal((await k.run(['create', 'configmap', 'dry', '-n', 'shop', '--from-literal=a=b', '--dry-run=server', '-o', 'name'])).stdout.trim(), 'configmap/dry');
  assert.equal((await k.run(['get', 'configmap', 'dry', '-n', 'shop'])).stderr, 'Error from server (NotFound): configmaps "dry" not found');
  assert.equal((await k.run(['delete', 'pod', 'job1', '-n', 'shop'])).stdout.trim(), 'pod "job1" deleted');
  assert.equal((await k.run(['get', 'pod', 'job1', '-n', 'shop'])).stderr, 'Error from server (NotFound): pods "job1" not found');
});

test('unknown kinds, invalid names, missing namespaces and duplicates are refused with Kubernetes\'s errors', { skip }, async () => {
  assert.equal((await k.run(['get', 'widgets'])).stderr, 'error: the server doesn\'t have a resource type "widgets"');
  assert.equal((await k.run(['create', 'namespace', 'Shop'])).stderr,
    'The Namespace "Shop" is invalid: metadata.name: Invalid value: "Shop": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\', or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')');
  assert.equal((await k.run(['create', 'configmap', 'x', '-n', 'nowhere'])).stderr, 'error: failed to create configmap: namespaces "nowhere" not found');
  assert.equal((await k.run(['create', 'serviceaccount', 'robot', '-n', 'shop'])).stderr, 'error: failed to create serviceaccount: serviceaccounts "robot" already exists');
  assert.equal((await k.run(['delete', 'namespace', 'default'])).stderr, 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted');
});

test('deleting a namespace deletes what it holds', { skip }, async () => {
  assert.equal((await k.run(['create', 'namespace', 'temp'])).status, 0);
  assert.equal((await k.run(['create', 'configmap', 'c', '-n', 'temp'])).status, 0);
  assert.equal((await k.run(['delete', 'namespace', 'temp'])).stdout.trim(), 'namespace "temp" deleted');
  assert.equal((await k.run(['get', 'configmaps', '-n', 'temp', '-o', 'name'])).stdout, '');
  assert.equal((await k.run(['get', 'namespace', 'temp'])).stderr, 'Error from server (NotFound): namespaces "temp" not found');
});
