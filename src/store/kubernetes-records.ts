/**
 * What the store keeps for the Kubernetes API of EKS clusters (`src/k8s/`): objects as JSON documents
 * keyed by the cluster's unique id (a cluster made again under the same name starts empty), API
 * group, resource, namespace and name; a resource version per cluster, moved by every write, as
 * etcd's revision is; a bounded log of changes for watches; and the local port each cluster's API
 * is served on. The Kubernetes endpoint owns the objects' shape; the store only files them.
 */

/** Where a Kubernetes object lives. `namespace` is `''` for cluster-scoped objects; `group` is `''` for the core group. */
export interface KubernetesObjectKey {
  readonly clusterUid: string;
  readonly group: string;
  readonly resource: string;
  readonly namespace: string;
  readonly name: string;
}

/** One stored object. */
export interface KubernetesObjectRecord extends KubernetesObjectKey {
  /** The cluster's resource version at the object's last write. */
  readonly resourceVersion: number;
  /** The object as JSON text, without `metadata.resourceVersion` (the record carries it). */
  readonly data: string;
}

/** What happened to an object, as a watch reports it. */
export type KubernetesChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change of a cluster's objects, at the resource version it made. For DELETED, `data` is the object as it last was. */
export interface KubernetesChangeRecord extends KubernetesObjectRecord {
  readonly type: KubernetesChangeType;
}

/** The changes after a resource version, or the sign that some of them are no longer kept. */
export interface KubernetesChanges {
  /** In resource version order. */
  readonly changes: readonly KubernetesChangeRecord[];
  /** True when changes after the asked version were dropped from the log (Kubernetes then answers 410 Gone). */
  readonly expired: boolean;
}

/** A local port claimed for a cluster's Kubernetes endpoint. */
export interface KubernetesPortRecord {
  readonly port: number;
  readonly accountId: string;
  readonly region: string;
  readonly cluster: string;
  readonly clusterUid: string;
}
