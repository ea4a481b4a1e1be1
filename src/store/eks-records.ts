/**
 * What the store keeps for Amazon EKS: one JSON document per resource (cluster, node group, Fargate
 * profile, add-on, access entry, update, idempotency token), keyed by account, Region, kind, the
 * cluster it belongs to and its name. EKS names are case-sensitive, unlike IAM's. The EKS service
 * owns the document's shape (`src/services/eks/shared/eks-state.ts`); the store only files it.
 */

/**
 * Every kind of EKS document, and what it is: `child` kinds belong to a cluster and have their own ARN
 * (`<kind>/<cluster>/<name>/<uuid>`), `tagged` kinds carry tags the tag operations reach, `state` kinds
 * hold a resource's state (a token only records an idempotent request).
 */
export const EKS_KINDS = {
  cluster: { child: false, tagged: true, state: true },
  nodegroup: { child: true, tagged: true, state: true },
  fargateprofile: { child: true, tagged: true, state: true },
  addon: { child: true, tagged: true, state: true },
  accessentry: { child: false, tagged: true, state: true },
  update: { child: false, tagged: false, state: true },
  token: { child: false, tagged: false, state: false },
} as const satisfies Readonly<Record<string, { readonly child: boolean; readonly tagged: boolean; readonly state: boolean }>>;

/** The kinds of EKS documents. */
export type EksKind = keyof typeof EKS_KINDS;

/** The kinds the table marks with `trait`. */
type EksKindsWith<Trait extends 'child' | 'tagged' | 'state'> = { [K in EksKind]: (typeof EKS_KINDS)[K][Trait] extends true ? K : never }[EksKind];

/** A cluster's node groups, Fargate profiles and add-ons: children with their own ARN. */
export type EksChildKind = EksKindsWith<'child'>;

/** The kinds that carry tags. */
export type EksTaggedKind = EksKindsWith<'tagged'>;

/** The kinds that hold a resource's state. */
export type EksStatefulKind = EksKindsWith<'state'>;

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
