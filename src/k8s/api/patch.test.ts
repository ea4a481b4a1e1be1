import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonPatch, mergePatch, strategicMerge } from './patch.ts';

const DEPLOYMENT = 'k8s.io.api.apps.v1.Deployment';
const deployment = {
  metadata: { name: 'web', labels: { app: 'web', tier: 'front' } },
  spec: {
    replicas: 2,
    template: { spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }, { name: 'log', image: 'busybox' }], volumes: [{ name: 'a' }] } },
  },
};

describe('strategic merge patch', () => {
  it('merges containers by name, keeps the rest, and honours $setElementOrder and $patch: delete', () => {
    const patched = strategicMerge(deployment, {
      metadata: { labels: { tier: null } },
      spec: { template: { spec: {
        '$setElementOrder/containers': [{ name: 'log' }, { name: 'web' }],
        containers: [{ name: 'web', image: 'nginx:1.26' }, { name: 'log', $patch: 'delete' }, { name: 'metrics', image: 'prom' }],
      } } },
    }, DEPLOYMENT) as typeof deployment;
    assert.deepEqual(patched.metadata.labels, { app: 'web' });
    assert.deepEqual(patched.spec.template.spec.containers, [{ name: 'web', image: 'nginx:1.26', ports: [{ containerPort: 80 }] }, { name: 'metrics', image: 'prom' }]);
    assert.deepEqual(patched.spec.template.spec.volumes, [{ name: 'a' }]);
    assert.equal(patched.spec.replicas, 2);
  });

  it('replaces lists without a merge strategy, and whole maps with $patch: replace', () => {
    const patched = strategicMerge({ spec: { template: { spec: { containers: [{ name: 'web', image: 'x', args: ['a', 'b'] }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'web', args: ['c'] }] } } } }, DEPLOYMENT) as { spec: { template: { spec: { containers: { args: string[] }[] } } } };
    assert.deepEqual(patched.spec.template.spec.containers[0]!.args, ['c']);
    assert.deepEqual(strategicMerge({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { $patch: 'replace', c: '3' } } }, DEPLOYMENT), { metadata: { labels: { c: '3' } } });
  });

  it('merges primitive lists with a merge strategy (finalizers) and deletes from them', () => {
    const ns = { metadata: { finalizers: ['a', 'b'] } };
    assert.deepEqual(strategicMerge(ns, { metadata: { finalizers: ['c'] } }, 'k8s.io.api.core.v1.Namespace'), { metadata: { finalizers: ['a', 'b', 'c'] } });
    assert.deepEqual(strategicMerge(ns, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }, 'k8s.io.api.core.v1.Namespace'), { metadata: { finalizers: ['b'] } });
  });
});

describe('JSON merge patch and JSON patch', () => {
  it('RFC 7386: objects merge, null removes, lists replace', () => {
    assert.deepEqual(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: null, d: 3 }, l: [3] }), { a: { b: 1, d: 3 }, l: [3] });
  });

  it('RFC 6902: add, remove, replace, move, copy, test; a missing path is a BadRequest', () => {
    const doc = { data: { a: '1' }, list: ['x'] };
    assert.deepEqual(jsonPatch(doc, [
      { op: 'add', path: '/data/b', value: '2' }, { op: 'remove', path: '/data/a' }, { op: 'replace', path: '/list/0', value: 'y' },
      { op: 'add', path: '/list/-', value: 'z' }, { op: 'copy', from: '/data/b', path: '/data/c' }, { op: 'move', from: '/data/c', path: '/data/d' },
      { op: 'test', path: '/data/b', value: '2' },
    ]), { data: { b: '2', d: '2' }, list: ['y', 'z'] });
    assert.deepEqual(doc, { data: { a: '1' }, list: ['x'] }, 'the target is not changed');
    assert.throws(() => jsonPatch(doc, [{ op: 'remove', path: '/data/zz' }]), /remove operation does not apply: doc is missing path: "\/data\/zz"/);
    assert.throws(() => jsonPatch(doc, [{ op: 'test', path: '/data/a', value: '2' }]), /test failed/);
  });
});
