/** Conformance cases: EKS documents read across accounts and Regions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EksDocument } from '../eks-records.ts';
import { ACCOUNT, OTHER_ACCOUNT, withAccounts, type OpenStore } from './fixtures.ts';

function doc(accountId: string, region: string, kind: EksDocument['kind'], cluster: string, name = cluster): EksDocument {
  return { accountId, region, kind, cluster, name, data: `{"name":"${name}"}` };
}

/** Registers the EKS cases. */
export function eksEverywhereCases(open: OpenStore): void {
  test('eks: listEverywhere answers one kind in every account and Region, by account, Region, cluster, name', () => withAccounts(open, async (store) => {
    await store.eks.put(doc(OTHER_ACCOUNT, 'us-east-1', 'cluster', 'b'));
    await store.eks.put(doc(ACCOUNT, 'us-west-2', 'cluster', 'a'));
    await store.eks.put(doc(ACCOUNT, 'eu-west-1', 'cluster', 'z'));
    await store.eks.put(doc(ACCOUNT, 'us-west-2', 'nodegroup', 'a', 'ng'));
    const clusters = await store.eks.listEverywhere('cluster');
    assert.deepEqual(clusters.map((d) => `${d.accountId}/${d.region}/${d.name}`), [`${ACCOUNT}/eu-west-1/z`, `${ACCOUNT}/us-west-2/a`, `${OTHER_ACCOUNT}/us-east-1/b`]);
    assert.deepEqual(clusters[1], doc(ACCOUNT, 'us-west-2', 'cluster', 'a'));
    assert.deepEqual((await store.eks.listEverywhere('nodegroup')).map((d) => d.name), ['ng']);
  }));
}
