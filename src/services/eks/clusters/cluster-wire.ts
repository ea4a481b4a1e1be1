/** The `Cluster` and `Update` objects as EKS answers them (docs/aws-behaviour/eks-clusters-and-lifecycle.md). */
import { deepFreeze } from '../../../kernel/deep-freeze.ts';
import type { WireStructure, WireValue } from '../../../kernel/wire-value.ts';
import type { ClusterState, UpdateState } from '../shared/eks-state.ts';
import { kubernetesEndpointUrl } from './kubernetes-endpoint.ts';
import { lifecycleStatus, updateStatus, type LifecycleStatus } from '../shared/lifecycle.ts';

/** A cluster at `now`: while CREATING, no endpoint, no OIDC issuer and an empty certificateAuthority. */
export function clusterToWire(cluster: ClusterState, now: number, region: string): WireStructure {
  return wire(cluster, lifecycleStatus(cluster, now), region);
}

interface DescribedCluster {
  readonly status: LifecycleStatus;
  readonly region: string;
  readonly output: { readonly cluster: WireStructure };
}

/** Stored cluster states are never modified in place (eks-documents.ts), so a view of one stays true while its status does. */
const described = new WeakMap<ClusterState, DescribedCluster>();

/**
 * DescribeCluster's output for `cluster` at `now`, frozen and kept while the cluster's status is
 * unchanged: waiters and kubeconfig tools describe the same cluster again and again, and the encoder
 * writes a frozen output it has written before only once (rest-json-encoder.ts).
 */
export function describedCluster(cluster: ClusterState, now: number, region: string): { readonly cluster: WireStructure } {
  const status = lifecycleStatus(cluster, now);
  const known = described.get(cluster);
  if (known !== undefined && known.status === status && known.region === region) return known.output;
  const output = deepFreeze({ cluster: wire(cluster, status, region) });
  described.set(cluster, { status, region, output });
  return output;
}

function wire(cluster: ClusterState, status: LifecycleStatus, region: string): WireStructure {
  const ready = status !== 'CREATING';
  // Built member by member in the model's order, without spreads of conditional objects (a slow path of V8).
  const out: Record<string, WireValue> = { name: cluster.name, arn: cluster.arn, createdAt: new Date(cluster.createdAt), version: cluster.version };
  // The cluster's local Kubernetes endpoint (kubernetes-endpoint.ts); AWS's hostname only for a cluster not yet given a port.
  if (ready) out['endpoint'] = cluster.kubernetesPort === undefined ? `https://${cluster.endpointId}.gr7.${region}.eks.amazonaws.com` : kubernetesEndpointUrl(cluster.kubernetesPort);
  out['roleArn'] = cluster.roleArn;
  out['resourcesVpcConfig'] = { ...cluster.resourcesVpcConfig };
  out['kubernetesNetworkConfig'] = { ...cluster.kubernetesNetworkConfig };
  out['logging'] = { clusterLogging: cluster.logging.clusterLogging.map((l) => ({ types: [...l.types], enabled: l.enabled })) };
  if (ready) out['identity'] = { oidc: { issuer: `https://oidc.eks.${region}.amazonaws.com/id/${cluster.endpointId}` } };
  out['status'] = status === 'GONE' ? 'DELETING' : status;
  out['certificateAuthority'] = ready ? { data: cluster.certificateData } : {};
  if (cluster.clientRequestToken !== undefined) out['clientRequestToken'] = cluster.clientRequestToken;
  out['platformVersion'] = cluster.platformVersion;
  out['tags'] = { ...cluster.tags };
  out['id'] = cluster.id;
  out['health'] = { issues: [] };
  out['accessConfig'] = { ...cluster.accessConfig };
  out['upgradePolicy'] = { ...cluster.upgradePolicy };
  return out;
}


/** An update at `now`. */
export function updateToWire(update: UpdateState, now: number): WireStructure {
  return {
    id: update.id,
    status: updateStatus(update, now),
    type: update.type,
    params: update.params.map((p) => ({ type: p.type, value: p.value })),
    createdAt: new Date(update.createdAt),
    errors: [],
  };
}
