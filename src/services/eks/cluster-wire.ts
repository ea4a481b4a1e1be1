/** The `Cluster` and `Update` objects as EKS answers them (EKS-SPEC §2.1, §2.4). */
import type { WireStructure } from '../../protocol/wire-value.ts';
import type { ClusterState, UpdateState } from './eks-state.ts';
import { lifecycleStatus, updateStatus } from './lifecycle.ts';

/** A cluster at `now`: while CREATING, no endpoint, no OIDC issuer and an empty certificateAuthority. */
export function clusterToWire(cluster: ClusterState, now: number, region: string): WireStructure {
  const status = lifecycleStatus(cluster, now);
  const ready = status !== 'CREATING';
  return {
    name: cluster.name,
    arn: cluster.arn,
    createdAt: new Date(cluster.createdAt),
    version: cluster.version,
    ...(ready ? { endpoint: `https://${cluster.endpointId}.gr7.${region}.eks.amazonaws.com` } : {}),
    roleArn: cluster.roleArn,
    resourcesVpcConfig: { ...cluster.resourcesVpcConfig },
    kubernetesNetworkConfig: { ...cluster.kubernetesNetworkConfig },
    logging: { clusterLogging: cluster.logging.clusterLogging.map((l) => ({ types: [...l.types], enabled: l.enabled })) },
    ...(ready ? { identity: { oidc: { issuer: `https://oidc.eks.${region}.amazonaws.com/id/${cluster.endpointId}` } } } : {}),
    status: status === 'GONE' ? 'DELETING' : status,
    certificateAuthority: ready ? { data: cluster.certificateData } : {},
    ...(cluster.clientRequestToken === undefined ? {} : { clientRequestToken: cluster.clientRequestToken }),
    platformVersion: cluster.platformVersion,
    tags: { ...cluster.tags },
    id: cluster.id,
    health: { issues: [] },
    accessConfig: { ...cluster.accessConfig },
    upgradePolicy: { ...cluster.upgradePolicy },
  };
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
