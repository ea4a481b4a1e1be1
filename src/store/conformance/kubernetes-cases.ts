/** Conformance cases: the Kubernetes objects of EKS clusters, their resource versions and change log, and claimed ports. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubernetesObjectKey } from '../kubernetes-records.ts';
import { withStore, type OpenStore } from './fixtures.ts';

const UID = '3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const OTHER_UID = '9e8d7c6b-5a49-4382-9160-5f4e3d2c1b0a';

function key(name: string, overrides: Partial<KubernetesObjectKey> = {}): KubernetesObjectKey {
  return { clusterUid: UID, group: '', resource: 'configmaps', namespace: 'default', name, ...overrides };
}

/** Registers the Kubernetes cases. */
export function kubernetesCases(open: OpenStore): void {
  test('kubernetes: put, get, list by namespace and across namespaces, each write a new resource version', () => withStore(open, async (store) => {
    assert.equal(await store.kubernetes.resourceVersion(UID), 0);
    const a = await store.kubernetes.put(key('b-config'), '{"data":{"x":"1"}}');
    const b = await store.kubernetes.put(key('a-config', { namespace: 'prod' }), '{}');
    const c = await store.kubernetes.put(key('dev', { resource: 'namespaces', namespace: '' }), '{"kind":"Namespace"}');
    assert.deepEqual([a.resourceVersion, b.resourceVersion, c.resourceVersion], [1, 2, 3]);
    assert.equal(await store.kubernetes.resourceVersion(UID), 3);
    assert.deepEqual(await store.kubernetes.get(key('b-config')), { ...key('b-config'), resourceVersion: 1, data: '{"data":{"x":"1"}}' });
    assert.equal(await store.kubernetes.get(key('b-config', { namespace: 'prod' })), undefined);
    assert.deepEqual((await store.kubernetes.list(UID, '', 'configmaps')).map((r) => `${r.namespace}/${r.name}`), ['default/b-config', 'prod/a-config']);
    assert.deepEqual((await store.kubernetes.list(UID, '', 'configmaps', 'prod')).map((r) => r.name), ['a-config']);
    assert.deepEqual((await store.kubernetes.list(UID, '', 'namespaces')).map((r) => r.name), ['dev']);
    assert.deepEqual(await store.kubernetes.list(OTHER_UID, '', 'configmaps'), [], 'clusters are apart');
    assert.equal(await store.kubernetes.resourceVersion(OTHER_UID), 0);
  }));

  test('kubernetes: replacing and deleting move the version; the change log reports ADDED, MODIFIED, DELETED in order', () => withStore(open, async (store) => {
    await store.kubernetes.put(key('cm'), '{"v":1}');
    const replaced = await store.kubernetes.put(key('cm'), '{"v":2}');
    assert.equal(replaced.resourceVersion, 2);
    assert.equal((await store.kubernetes.get(key('cm')))?.data, '{"v":2}');
    const deleted = await store.kubernetes.delete(key('cm'));
    assert.deepEqual(deleted, { ...key('cm'), resourceVersion: 3, data: '{"v":2}' });
    assert.equal(await store.kubernetes.get(key('cm')), undefined);
    assert.equal(await store.kubernetes.delete(key('cm')), undefined, 'deleting what is absent changes nothing');
    assert.equal(await store.kubernetes.resourceVersion(UID), 3);
    const all = await store.kubernetes.changes(UID, 0);
    assert.equal(all.expired, false);
    assert.deepEqual(all.changes.map((c) => [c.type, c.resourceVersion, c.data]), [['ADDED', 1, '{"v":1}'], ['MODIFIED', 2, '{"v":2}'], ['DELETED', 3, '{"v":2}']]);
    assert.deepEqual((await store.kubernetes.changes(UID, 2)).changes.map((c) => c.type), ['DELETED']);
    assert.deepEqual((await store.kubernetes.changes(UID, 3)).changes, []);
  }));

  test('kubernetes: writes inside a transaction commit together or not at all', () => withStore(open, async (store) => {
    await assert.rejects(store.transaction(async (tx) => {
      await tx.kubernetes.put(key('one'), '{}');
      await tx.kubernetes.put(key('two'), '{}');
      throw new Error('rolled back');
    }), /rolled back/);
    assert.equal(await store.kubernetes.resourceVersion(UID), 0);
    assert.deepEqual(await store.kubernetes.list(UID, '', 'configmaps'), []);
    await store.transaction(async (tx) => {
      if (!(await tx.kubernetes.get(key('one')))) await tx.kubernetes.put(key('one'), '{}');
      await tx.kubernetes.put(key('two'), '{}');
    });
    assert.equal(await store.kubernetes.resourceVersion(UID), 2);
  }));

  test('kubernetes: the log keeps the latest 1,000 changes; asking from before them says expired', () => withStore(open, async (store) => {
    await store.transaction(async (tx) => {
      for (let i = 0; i < 1150; i += 1) await tx.kubernetes.put(key(`cm-${i % 7}`), `{"i":${i}}`);
    });
    assert.equal(await store.kubernetes.resourceVersion(UID), 1150);
    const recent = await store.kubernetes.changes(UID, 1150 - 1000);
    assert.equal(recent.expired, false);
    assert.equal(recent.changes.length, 1000);
    assert.equal((await store.kubernetes.changes(UID, 5)).expired, true);
  }));

  test('kubernetes: deleteCluster removes objects, log and version of that cluster only', () => withStore(open, async (store) => {
    await store.kubernetes.put(key('cm'), '{}');
    await store.kubernetes.put(key('cm', { clusterUid: OTHER_UID }), '{}');
    await store.kubernetes.deleteCluster(UID);
    assert.equal(await store.kubernetes.get(key('cm')), undefined);
    assert.equal(await store.kubernetes.resourceVersion(UID), 0);
    assert.deepEqual((await store.kubernetes.changes(UID, 0)).changes, []);
    assert.ok(await store.kubernetes.get(key('cm', { clusterUid: OTHER_UID })));
  }));

  test('kubernetes: a port is claimed once, listed by port, and free again once released', () => withStore(open, async (store) => {
    const claim = { port: 4601, accountId: '111122223333', region: 'us-west-2', cluster: 'demo', clusterUid: UID };
    assert.equal(await store.kubernetes.claimPort(claim), true);
    assert.equal(await store.kubernetes.claimPort({ ...claim, cluster: 'other', clusterUid: OTHER_UID }), false);
    assert.equal(await store.kubernetes.claimPort({ ...claim, port: 4600, cluster: 'other', clusterUid: OTHER_UID }), true);
    assert.deepEqual((await store.kubernetes.ports()).map((p) => [p.port, p.cluster]), [[4600, 'other'], [4601, 'demo']]);
    assert.deepEqual((await store.kubernetes.ports())[1], claim);
    await store.kubernetes.releasePort(4601);
    assert.equal(await store.kubernetes.claimPort({ ...claim, cluster: 'third' }), true);
  }));
}
