/**
 * The access entry EKS makes for the role of a managed node group or Fargate profile when the cluster
 * authenticates through access entries (docs/aws-behaviour/eks-access-entries.md): an
 * EC2_LINUX / EC2_WINDOWS entry for a node role, FARGATE_LINUX for a pod execution role. A principal
 * that already has an entry keeps it. CONFIG_MAP clusters map these roles in aws-auth instead, which
 * Tollgate does not model.
 */
import type { OperationContext } from '../../operation.ts';
import { createAccessEntryState } from './access-entry-state.ts';
import type { EksDocuments } from '../shared/eks-documents.ts';
import type { ClusterState } from '../shared/eks-state.ts';

/** Adds the entry of type `type` for `roleArn` in `cluster` unless the role already has one. */
export async function ensureNodeAccessEntry(ctx: OperationContext, docs: EksDocuments, cluster: ClusterState, roleArn: string, type: string, now: number): Promise<void> {
  if (cluster.accessConfig.authenticationMode === 'CONFIG_MAP') return;
  if (await docs.get('accessentry', cluster.name, roleArn)) return;
  await docs.put('accessentry', cluster.name, roleArn, createAccessEntryState(ctx, cluster.name, { principalArn: roleArn, type, kubernetesGroups: [], tags: {} }, now));
}
