/**
 * Finding the access entry an operation names, in the order EKS reports problems (docs/aws-behaviour/eks-access-entries.md): the
 * cluster (404), its authentication mode (400), then the entry (404).
 */
import { assertAccessEntriesEnabled, accessEntryNotFound } from './access-entry-errors.ts';
import type { EksDocuments } from '../shared/eks-documents.ts';
import type { AccessEntryState, ClusterState } from '../shared/eks-state.ts';

/** The cluster `name`, refused unless it authenticates through access entries. */
export async function requireAccessEntryCluster(docs: EksDocuments, name: string): Promise<ClusterState> {
  const cluster = await docs.requireCluster(name);
  assertAccessEntriesEnabled(cluster);
  return cluster;
}

/** The entry of `principalArn` in cluster `name`. */
export async function requireAccessEntry(docs: EksDocuments, name: string, principalArn: string): Promise<AccessEntryState> {
  await requireAccessEntryCluster(docs, name);
  const entry = await docs.get('accessentry', name, principalArn);
  if (!entry) throw accessEntryNotFound(name);
  return entry;
}
