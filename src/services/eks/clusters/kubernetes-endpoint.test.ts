import assert from 'node:assert/strict';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { ManualClock } from '../../../kernel/clock.ts';
import { SecretBox } from '../../../kernel/secret-box.ts';
import { openSqliteStore } from '../../../store/sqlite/sqlite-store.ts';
import type { Store } from '../../../store/store.ts';
import { createCaCertificate, issueServingCertificate, openCaKey, sealCaKey } from './ca-certificate.ts';
import type { ClusterState } from '../shared/eks-state.ts';
import { claimKubernetesPort, kubernetesEndpointUrl, parsePortRange, upgradeClusterEndpoints } from './kubernetes-endpoint.ts';

const NOW = Date.UTC(2026, 11, 4, 7, 0, 0);
const secrets = new SecretBox(Buffer.alloc(32, 7));
const stores: Store[] = [];
after(() => Promise.all(stores.map((s) => s.close())));

async function store(): Promise<Store> {
  const s = await openSqliteStore({ file: ':memory:' });
  stores.push(s);
  // Every write belongs to an account that exists (the store moves its generation in the same transaction).
  await s.accounts.create({ id: '111122223333', createdAt: new Date(0) });
  return s;
}

function cluster(name: string, id: string, extra: Partial<ClusterState> = {}): ClusterState {
  return { name, id, endpointId: '0123456789ABCDEF0123456789ABCDEF', certificateData: 'old', ...extra } as unknown as ClusterState;
}

async function putCluster(s: Store, state: ClusterState): Promise<void> {
  await s.eks.put({ accountId: '111122223333', region: 'us-west-2', kind: 'cluster', cluster: state.name, name: state.name, data: JSON.stringify(state) });
}

describe('the cluster CA and the serving certificate it issues', () => {
  it('issues a serverAuth certificate for the given names and addresses, chaining to the CA, whose key survives sealing', async () => {
    const ca = await createCaCertificate(NOW);
    const key = openCaKey(secrets, sealCaKey(secrets, ca.privateKey));
    assert.ok(!sealCaKey(secrets, ca.privateKey).includes('PRIVATE KEY'), 'sealed at rest');
    const served = issueServingCertificate({ pem: ca.pem, privateKey: key }, ['127.0.0.1', '::1', 'localhost'], NOW);
    const cert = new X509Certificate(served.certificatePem);
    const caCert = new X509Certificate(ca.pem);
    assert.ok(cert.verify(caCert.publicKey));
    assert.ok(cert.checkIssued(caCert));
    assert.equal(cert.subject, 'CN=kube-apiserver');
    assert.equal(cert.subjectAltName, 'IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost');
    assert.equal(cert.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(cert.ca, false);
    assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.ok(new Date(cert.validFrom).getTime() <= NOW && new Date(cert.validTo).getTime() > NOW + 300 * 86_400_000);
  });
});

describe('Kubernetes endpoint ports', () => {
  it('parses ranges', () => {
    assert.deepEqual(parsePortRange('4600-4999'), { first: 4600, last: 4999 });
    assert.deepEqual(parsePortRange('5000'), { first: 5000, last: 5000 });
    for (const bad of ['0-10', '10-5', '1-70000', 'a-b', '']) assert.equal(parsePortRange(bad), undefined, bad);
    assert.equal(kubernetesEndpointUrl(4600), 'https://127.0.0.1:4600');
  });

  it('claims the lowest free port, reuses the ports of deleted or replaced clusters, and says when the range is full', async () => {
    const s = await store();
    const range = { first: 4600, last: 4601 };
    const owner = (name: string, uid: string) => ({ accountId: '111122223333', region: 'us-west-2', cluster: name, clusterUid: uid });
    await putCluster(s, cluster('a', 'uid-a'));
    await putCluster(s, cluster('b', 'uid-b'));
    assert.equal(await claimKubernetesPort(s, owner('a', 'uid-a'), range), 4600);
    assert.equal(await claimKubernetesPort(s, owner('b', 'uid-b'), range), 4601);
    await putCluster(s, cluster('c', 'uid-c'));
    await assert.rejects(claimKubernetesPort(s, owner('c', 'uid-c'), range), /ports 4600-4601 are all in use by clusters; give tollgate serve a wider --k8s-port-range/);
    await putCluster(s, cluster('a', 'uid-a', { deletingUntil: NOW } as Partial<ClusterState>));
    assert.equal(await claimKubernetesPort(s, owner('c', 'uid-c'), range), 4600, 'a deleting cluster gives its port back');
    await putCluster(s, cluster('b', 'uid-b2'));
    await putCluster(s, cluster('d', 'uid-d'));
    assert.equal(await claimKubernetesPort(s, owner('d', 'uid-d'), range), 4601, 'a replaced cluster gives its port back');
    assert.deepEqual((await s.kubernetes.ports()).map((p) => [p.port, p.cluster]), [[4600, 'c'], [4601, 'd']]);
  });

  it('gives clusters made before Tollgate kept the CA key a new CA and a port, once', async () => {
    const s = await store();
    await putCluster(s, cluster('old', 'uid-old', { certificateData: 'b2xk' }));
    await putCluster(s, cluster('gone', 'uid-gone', { deletingUntil: NOW } as Partial<ClusterState>));
    assert.equal(await upgradeClusterEndpoints(s, secrets, new ManualClock(NOW), { first: 4700, last: 4710 }), 1);
    const upgraded = JSON.parse((await s.eks.get({ accountId: '111122223333', region: 'us-west-2', kind: 'cluster', cluster: 'old', name: 'old' }))!.data) as ClusterState;
    assert.equal(upgraded.kubernetesPort, 4700);
    assert.notEqual(upgraded.certificateData, 'b2xk');
    const ca = new X509Certificate(Buffer.from(upgraded.certificateData, 'base64'));
    assert.ok(ca.ca && ca.verify(ca.publicKey));
    assert.ok(ca.publicKey.equals(createPublicKey(openCaKey(secrets, upgraded.caKey!))), 'the kept key is the CA\'s');
    assert.equal(await upgradeClusterEndpoints(s, secrets, new ManualClock(NOW), { first: 4700, last: 4710 }), 0);
  });
});
