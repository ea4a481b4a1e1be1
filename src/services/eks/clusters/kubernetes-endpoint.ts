/**
 * Where a cluster's Kubernetes API is served: a local TLS port, one per cluster, taken from a
 * configurable range when the cluster is created and kept with it, so the endpoint a kubeconfig names
 * stays valid across restarts. IP literals carry no SNI, so a certificate per port is the only way to
 * present each cluster's own CA on 127.0.0.1 (docs/design-notes.md, "Kubernetes endpoints").
 * A claim whose cluster is deleting, gone or replaced by a new cluster of the same name is stale and
 * is given to the next cluster that needs a port.
 */
import type { Clock } from '../../../kernel/clock.ts';
import type { SecretBox } from '../../../kernel/secret-box.ts';
import type { KubernetesPortRecord } from '../../../store/kubernetes-records.ts';
import type { Store, StoreSession } from '../../../store/store.ts';
import { createCaCertificate, sealCaKey } from './ca-certificate.ts';
import type { ClusterState } from '../shared/eks-state.ts';
import { AwsError } from '../../../kernel/aws-error.ts';
import type { PortRange } from '../../../kernel/port-range.ts';

export { parsePortRange, type PortRange } from '../../../kernel/port-range.ts';

/** The range used when none is configured. */
export const DEFAULT_KUBERNETES_PORTS: PortRange = { first: 4600, last: 4999 };

/** The host every cluster endpoint names (and its certificate carries as an IP SAN). */
export const KUBERNETES_ENDPOINT_HOST = '127.0.0.1';

/** `https://127.0.0.1:PORT`, the endpoint DescribeCluster answers. */
export function kubernetesEndpointUrl(port: number): string {
  return `https://${KUBERNETES_ENDPOINT_HOST}:${port}`;
}

/** Whether `claim` still belongs to a cluster that is neither deleting nor gone. */
async function isLive(store: StoreSession, claim: KubernetesPortRecord): Promise<boolean> {
  const doc = await store.eks.get({ accountId: claim.accountId, region: claim.region, kind: 'cluster', cluster: claim.cluster, name: claim.cluster });
  if (!doc) return false;
  const cluster = JSON.parse(doc.data) as ClusterState;
  return cluster.id === claim.clusterUid && cluster.deletingUntil === undefined;
}

/**
 * Claims the lowest free port of `range` for the cluster, releasing stale claims on the way; run it
 * inside the transaction that writes the cluster. Throws ResourceLimitExceededException when the range is full.
 */
export async function claimKubernetesPort(store: StoreSession, owner: Omit<KubernetesPortRecord, 'port'>, range: PortRange): Promise<number> {
  const taken = new Set<number>();
  for (const claim of await store.kubernetes.ports()) {
    if (await isLive(store, claim)) taken.add(claim.port);
    else await store.kubernetes.releasePort(claim.port);
  }
  for (let port = range.first; port <= range.last; port += 1) {
    if (!taken.has(port) && (await store.kubernetes.claimPort({ ...owner, port }))) return port;
  }
  throw new AwsError('ResourceLimitExceededException', 400,
    `Tollgate's Kubernetes endpoint ports ${range.first}-${range.last} are all in use by clusters; give tollgate serve a wider --k8s-port-range.`);
}

/**
 * Gives clusters made before Tollgate served their Kubernetes API what that needs: a CA whose key is
 * kept (a new CA, since the old key was never stored; no kubeconfig could have used the old one, as its
 * endpoint was never reachable) and a port. Answers how many clusters it changed.
 */
export async function upgradeClusterEndpoints(store: Store, secrets: SecretBox, clock: Clock, range: PortRange): Promise<number> {
  let changed = 0;
  for (const doc of await store.eks.listEverywhere('cluster')) {
    const cluster = JSON.parse(doc.data) as ClusterState;
    if (cluster.deletingUntil !== undefined || (cluster.caKey !== undefined && cluster.kubernetesPort !== undefined)) continue;
    const ca = cluster.caKey === undefined ? await createCaCertificate(clock.now()) : undefined;
    await store.transaction(async (tx) => {
      const current = await tx.eks.get(doc);
      if (current?.data !== doc.data) return; // changed meanwhile (another process upgraded it)
      const port = cluster.kubernetesPort ?? await claimKubernetesPort(tx, { accountId: doc.accountId, region: doc.region, cluster: cluster.name, clusterUid: cluster.id }, range);
      const next: ClusterState = {
        ...cluster,
        ...(ca ? { certificateData: Buffer.from(ca.pem, 'utf8').toString('base64'), caKey: sealCaKey(secrets, ca.privateKey) } : {}),
        kubernetesPort: port,
      };
      await tx.eks.put({ ...doc, data: JSON.stringify(next) });
      changed += 1;
    });
  }
  return changed;
}
