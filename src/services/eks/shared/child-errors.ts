/** The not-found and not-ready errors of node groups and Fargate profiles (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md), texts as AWS answers them. */
import type { AwsError } from '../../../kernel/aws-error.ts';
import { invalidRequest, resourceNotFound } from './eks-errors.ts';
import type { ClusterState } from './eks-state.ts';
import { lifecycleStatus } from './lifecycle.ts';

/** 404 `No node group found for name: <ng>.` (seen in real AWS CLI output, with both names in the body). */
export function nodegroupNotFound(cluster: string, nodegroup: string): AwsError {
  return resourceNotFound(`No node group found for name: ${nodegroup}.`, { clusterName: cluster, nodegroupName: nodegroup });
}

/** 404 `No Fargate Profile found with name: <name>.` */
export function fargateProfileNotFound(cluster: string, profile: string): AwsError {
  return resourceNotFound(`No Fargate Profile found with name: ${profile}.`, { clusterName: cluster, fargateProfileName: profile });
}

/** Children are only made on an ACTIVE cluster: 400 InvalidRequestException `Cluster '<name>' is not in ACTIVE status`. */
export function assertClusterActive(cluster: ClusterState, now: number): void {
  if (lifecycleStatus(cluster, now) !== 'ACTIVE') throw invalidRequest(`Cluster '${cluster.name}' is not in ACTIVE status`, { clusterName: cluster.name });
}
