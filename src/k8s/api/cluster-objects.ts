/**
 * The objects of one cluster over the store's Kubernetes records: a record's JSON is the object
 * without `metadata.resourceVersion`, which is the record's (the cluster's version at the object's
 * last write, as etcd's revision is), so every object read carries the version it was written at.
 */
import type { KubernetesObjectRecord } from '../../store/kubernetes-records.ts';
import type { StoreSession } from '../../store/store.ts';
import type { ResourceType } from './resource-types.ts';

/** A Kubernetes object as JSON. */
export type KubeObject = Record<string, unknown>;

/** `metadata` of an object (created when missing). */
export function metadataOf(object: KubeObject): Record<string, unknown> {
  const metadata = object['metadata'];
  if (metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata)) return metadata as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  object['metadata'] = fresh;
  return fresh;
}

/** The object of a record, with its resource version. */
export function objectOf(record: KubernetesObjectRecord): KubeObject {
  const object = JSON.parse(record.data) as KubeObject;
  metadataOf(object)['resourceVersion'] = String(record.resourceVersion);
  return object;
}

/** The objects of one cluster, through one store session (the store's, or a transaction's). */
export class ClusterObjects {
  constructor(private readonly session: StoreSession, readonly clusterUid: string) {}

  /** The same objects through another session. */
  within(session: StoreSession): ClusterObjects {
    return new ClusterObjects(session, this.clusterUid);
  }

  private key(type: ResourceType, namespace: string, name: string) {
    return { clusterUid: this.clusterUid, group: type.group, resource: type.resource, namespace: type.namespaced ? namespace : '', name };
  }

  /** One object, or undefined. */
  async get(type: ResourceType, namespace: string, name: string): Promise<KubeObject | undefined> {
    const record = await this.session.kubernetes.get(this.key(type, namespace, name));
    return record && objectOf(record);
  }

  /** The objects of a type, of one namespace when `namespace` is not empty. */
  async list(type: ResourceType, namespace: string): Promise<KubeObject[]> {
    const records = await this.session.kubernetes.list(this.clusterUid, type.group, type.resource, type.namespaced && namespace !== '' ? namespace : undefined);
    return records.map(objectOf);
  }

  /** The cluster's resource version. */
  resourceVersion(): Promise<number> {
    return this.session.kubernetes.resourceVersion(this.clusterUid);
  }

  /** Writes `object` (its metadata names it); answers it with its new resource version. */
  async put(type: ResourceType, object: KubeObject): Promise<KubeObject> {
    const metadata = metadataOf(object);
    const { resourceVersion: _dropped, ...rest } = metadata;
    const data = JSON.stringify({ ...object, metadata: rest });
    const record = await this.session.kubernetes.put(this.key(type, String(metadata['namespace'] ?? ''), String(metadata['name'])), data);
    return objectOf(record);
  }

  /** Removes an object; answers it as it was, at the deletion's resource version. */
  async delete(type: ResourceType, namespace: string, name: string): Promise<KubeObject | undefined> {
    const record = await this.session.kubernetes.delete(this.key(type, namespace, name));
    return record && objectOf(record);
  }
}
