/**
 * What the store keeps for Amazon EKS: one JSON document per resource (cluster, node group, Fargate
 * profile, add-on, access entry, update, idempotency token), keyed by account, Region, kind, the
 * cluster it belongs to and its name. EKS names are case-sensitive, unlike IAM's. The EKS service
 * owns the document's shape (`src/services/eks/eks-state.ts`); the store only files it.
 */

/** The kinds of EKS documents. */
export type EksKind = 'cluster' | 'nodegroup' | 'fargateprofile' | 'addon' | 'accessentry' | 'update' | 'token';

/** Where an EKS document lives. `cluster` is the owning cluster's name (the cluster's own name for a cluster). */
export interface EksKey {
  readonly accountId: string;
  readonly region: string;
  readonly kind: EksKind;
  readonly cluster: string;
  readonly name: string;
}

/** One stored EKS document. */
export interface EksDocument extends EksKey {
  /** The resource as JSON text, as the EKS service wrote it. */
  readonly data: string;
}
