/**
 * Conformance cases: Amazon EKS documents (store.ts `eks`, eks-records.ts). Keys are exact: EKS names are
 * case-sensitive, unlike IAM's, and no two keys share a document however their parts read when joined.
 * Lists are ordered by cluster, then name, by code point (so `B` before `a`, as EKS names are compared).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EksDocument, EksKey, EksKind } from '../eks-records.ts';
import { ACCOUNT, OTHER_ACCOUNT, withAccounts, type OpenStore } from './fixtures.ts';

const REGION = 'us-west-2';

/** A document of `kind` named `name` in `cluster`, in ACCOUNT and REGION unless overridden. */
function doc(kind: EksKind, cluster: string, name: string, overrides: Partial<EksDocument> = {}): EksDocument {
  return { accountId: ACCOUNT, region: REGION, kind, cluster, name, data: JSON.stringify({ kind, cluster, name }), ...overrides };
}

/** The key of `document`. */
function keyOf(document: EksDocument): EksKey {
  return { accountId: document.accountId, region: document.region, kind: document.kind, cluster: document.cluster, name: document.name };
}

/** `cluster/name` of each document, for readable list comparisons. */
const names = (documents: readonly EksDocument[]) => documents.map((d) => `${d.cluster}/${d.name}`);

/** By cluster, then name, by code unit (the same as by code point for the names used here). */
const byClusterThenName = (a: EksDocument, b: EksDocument) => compare(a.cluster, b.cluster) || compare(a.name, b.name);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Registers the EKS document cases. */
export function eksCases(open: OpenStore): void {
  test('eks: documents round-trip exactly, their data as written', () => withAccounts(open, async (store) => {
    const documents = [
      doc('cluster', 'prod', 'prod', { data: JSON.stringify({ name: 'prod', tags: { 'Ünï': 'cødé ✓', empty: '' }, certificate: 'A'.repeat(64 * 1024) }) }),
      doc('nodegroup', 'prod', 'workers', { data: '{"note":"line\\nbreak \\"quoted\\" \\u0000"}' }),
      doc('token', 'prod', 'client-request-token with spaces: and colons', { data: '{}' }),
    ];
    for (const d of documents) await store.eks.put(d);
    for (const d of documents) assert.deepEqual(await store.eks.get(keyOf(d)), d);
  }));

  test('eks: get needs the exact key: every part matters and names are case-sensitive', () => withAccounts(open, async (store) => {
    const workers = doc('nodegroup', 'prod', 'workers');
    await store.eks.put(workers);
    const key = keyOf(workers);
    for (const miss of [
      { ...key, accountId: OTHER_ACCOUNT }, { ...key, region: 'us-east-1' }, { ...key, kind: 'fargateprofile' as const },
      { ...key, cluster: 'Prod' }, { ...key, cluster: 'prod ' }, { ...key, name: 'Workers' }, { ...key, name: 'worker' },
    ]) {
      assert.equal(await store.eks.get(miss), undefined, JSON.stringify(miss));
    }
    assert.deepEqual(await store.eks.get(key), workers);
  }));

  test('eks: keys whose parts would run together if joined name different documents', () => withAccounts(open, async (store) => {
    const pairs = [
      [doc('update', 'a b', 'c'), doc('update', 'a', 'b c')],
      [doc('update', 'a:1', 'b'), doc('update', 'a', '1:b')],
      [doc('update', 'a', 'b'), doc('update', 'a', 'b', { region: 'us-west-2 a' })],
    ] as const;
    for (const pair of pairs) for (const d of pair) await store.eks.put(d);
    for (const pair of pairs) for (const d of pair) assert.deepEqual(await store.eks.get(keyOf(d)), d);
    assert.deepEqual(names(await store.eks.list(ACCOUNT, REGION, 'update')), ['a/1:b', 'a/b', 'a/b c', 'a b/c', 'a:1/b']);
  }));

  test('eks: put inserts or replaces the document of its key, and only it', () => withAccounts(open, async (store) => {
    const first = doc('addon', 'prod', 'vpc-cni', { data: '{"version":"v1.18.0"}' });
    const other = doc('addon', 'prod', 'coredns');
    await store.eks.put(first);
    await store.eks.put(other);
    const replaced = { ...first, data: '{"version":"v1.19.0"}' };
    await store.eks.put(replaced);
    assert.deepEqual(await store.eks.get(keyOf(first)), replaced);
    assert.deepEqual(await store.eks.get(keyOf(other)), other);
    assert.deepEqual(await store.eks.list(ACCOUNT, REGION, 'addon'), [other, replaced]);
  }));

  test('eks: list holds one kind of one account and Region, by cluster then name in code point order; of one cluster when given', () => withAccounts(open, async (store) => {
    const wanted = [
      doc('nodegroup', 'prod', 'workers'), doc('nodegroup', 'prod', 'Workers'), doc('nodegroup', 'prod', 'a-1'), doc('nodegroup', 'prod', 'a1'),
      doc('nodegroup', 'prod', 'a_1'), doc('nodegroup', 'prod', '0x'), doc('nodegroup', 'Prod', 'zeta'), doc('nodegroup', 'dev', 'workers'),
      doc('nodegroup', 'prod-2', 'alpha'), doc('nodegroup', 'prod2', 'alpha'),
    ];
    const decoys = [
      doc('fargateprofile', 'prod', 'workers'), doc('cluster', 'prod', 'prod'),
      doc('nodegroup', 'prod', 'elsewhere', { region: 'eu-west-1' }), doc('nodegroup', 'prod', 'theirs', { accountId: OTHER_ACCOUNT }),
    ];
    // Written in an order that is neither the expected one nor its reverse.
    for (const d of [...wanted.slice(5), ...decoys, ...wanted.slice(0, 5)]) await store.eks.put(d);
    const expected = [...wanted].sort(byClusterThenName);
    assert.deepEqual(names(expected), [
      'Prod/zeta', 'dev/workers', 'prod/0x', 'prod/Workers', 'prod/a-1', 'prod/a1', 'prod/a_1', 'prod/workers', 'prod-2/alpha', 'prod2/alpha',
    ]);
    assert.deepEqual(await store.eks.list(ACCOUNT, REGION, 'nodegroup'), expected);
    assert.deepEqual(await store.eks.list(ACCOUNT, REGION, 'nodegroup', 'prod'), expected.filter((d) => d.cluster === 'prod'));
    assert.deepEqual(await store.eks.list(ACCOUNT, REGION, 'nodegroup', 'Prod'), expected.filter((d) => d.cluster === 'Prod'));
    assert.deepEqual(await store.eks.list(ACCOUNT, REGION, 'nodegroup', 'pro'), []);
    assert.deepEqual(await store.eks.list(ACCOUNT, REGION, 'addon'), []);
    assert.deepEqual(names(await store.eks.list(OTHER_ACCOUNT, REGION, 'nodegroup')), ['prod/theirs']);
  }));

  test('eks: delete removes the document of its key only; deleting what is gone changes nothing', () => withAccounts(open, async (store) => {
    const kept = [doc('accessentry', 'prod', 'arn:aws:iam::111122223333:role/Admin'), doc('accessentry', 'prod', 'arn:aws:iam::111122223333:role/admin')];
    const gone = doc('accessentry', 'prod', 'arn:aws:iam::111122223333:role/Dev');
    for (const d of [...kept, gone]) await store.eks.put(d);
    await store.eks.delete(keyOf(gone));
    await store.eks.delete(keyOf(gone));
    await store.eks.delete({ ...keyOf(kept[0]!), name: 'arn:aws:iam::111122223333:role/ADMIN' });
    assert.equal(await store.eks.get(keyOf(gone)), undefined);
    assert.deepEqual(await store.eks.list(ACCOUNT, REGION, 'accessentry'), kept);
  }));

  test('eks: deleteCluster removes every document of the cluster, of every kind, and nothing of another cluster, Region or account', () => withAccounts(open, async (store) => {
    const kinds: EksKind[] = ['cluster', 'nodegroup', 'fargateprofile', 'addon', 'accessentry', 'update', 'token'];
    const ofProd = kinds.map((kind) => doc(kind, 'prod', kind === 'cluster' ? 'prod' : `${kind}-1`));
    const others = [
      doc('cluster', 'Prod', 'Prod'), doc('nodegroup', 'Prod', 'workers'), doc('cluster', 'prod-2', 'prod-2'), doc('nodegroup', 'prod-2', 'workers'),
      doc('cluster', 'prod', 'prod', { region: 'eu-west-1' }), doc('nodegroup', 'prod', 'workers', { region: 'eu-west-1' }),
      doc('cluster', 'prod', 'prod', { accountId: OTHER_ACCOUNT }), doc('token', 'prod', 'token-1', { accountId: OTHER_ACCOUNT }),
    ];
    for (const d of [...ofProd, ...others]) await store.eks.put(d);
    await store.eks.deleteCluster(ACCOUNT, REGION, 'prod');
    for (const d of ofProd) assert.equal(await store.eks.get(keyOf(d)), undefined, `${d.kind} of the deleted cluster`);
    for (const d of others) assert.deepEqual(await store.eks.get(keyOf(d)), d);
    await store.eks.deleteCluster(ACCOUNT, REGION, 'prod'); // a cluster already gone: nothing changes
    assert.deepEqual(names(await store.eks.list(ACCOUNT, REGION, 'nodegroup')), ['Prod/workers', 'prod-2/workers']);
  }));

  test('eks: a transaction sees its own writes, and a rolled-back one leaves nothing', () => withAccounts(open, async (store) => {
    const cluster = doc('cluster', 'prod', 'prod');
    const failure = new Error('rolled back');
    await assert.rejects(store.transaction(async (s) => {
      await s.eks.put(cluster);
      assert.deepEqual(await s.eks.get(keyOf(cluster)), cluster);
      assert.deepEqual(await s.eks.list(ACCOUNT, REGION, 'cluster'), [cluster]);
      throw failure;
    }), (e) => e === failure);
    assert.equal(await store.eks.get(keyOf(cluster)), undefined);
    assert.deepEqual(await store.eks.list(ACCOUNT, REGION, 'cluster'), []);
    await store.transaction(async (s) => {
      await s.eks.put(cluster);
      await s.eks.put(doc('nodegroup', 'prod', 'workers'));
      await s.eks.deleteCluster(ACCOUNT, REGION, 'prod');
      await s.eks.put({ ...cluster, data: '{"second":true}' });
    });
    assert.deepEqual(await store.eks.get(keyOf(cluster)), { ...cluster, data: '{"second":true}' });
    assert.deepEqual(await store.eks.list(ACCOUNT, REGION, 'nodegroup'), []);
  }));
}
