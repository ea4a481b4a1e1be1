/**
 * The Kubernetes tables (`../../kubernetes-records.ts`, migration 0004), in Kysely's query builder only
 * (no SQL of one dialect), so that a PostgreSQL store can run this repository on its own Runner.
 * Writes read and move the cluster's resource version in the same unit of work as the object and the
 * log; outside a transaction each `run.write` is its own transaction, so that holds everywhere.
 */
import type { Kysely } from 'kysely';
import type {
  KubernetesChangeRecord, KubernetesChangeType, KubernetesObjectKey, KubernetesObjectRecord, KubernetesPortRecord,
} from '../../kubernetes-records.ts';
import type { StoreSession } from '../../store.ts';
import type { Runner } from '../runner.ts';
import type { Database } from '../schema.ts';

interface ObjectsTable {
  cluster_uid: string;
  api_group: string;
  resource: string;
  namespace: string;
  name: string;
  resource_version: number;
  data: string;
}

interface ClustersTable {
  cluster_uid: string;
  resource_version: number;
  /** Changes up to this resource version were dropped from the log. */
  trimmed_through: number;
}

interface ChangesTable extends ObjectsTable {
  type: string;
}

interface PortsTable {
  port: number;
  account_id: string;
  region: string;
  cluster: string;
  cluster_uid: string;
}

type KubernetesTables = {
  kubernetes_objects: ObjectsTable;
  kubernetes_clusters: ClustersTable;
  kubernetes_changes: ChangesTable;
  kubernetes_ports: PortsTable;
};

type KubernetesDatabase = Kysely<Database & KubernetesTables>;

/** How many changes of a cluster the log keeps at least. */
export const KEPT_CHANGES = 1000;
/** The log is trimmed when it holds this many more than it keeps (one delete per hundred writes). */
const TRIM_SLACK = 100;

function k8sDb(db: Kysely<Database>): KubernetesDatabase {
  return db.withTables<KubernetesTables>();
}

function toRecord(row: ObjectsTable): KubernetesObjectRecord {
  return {
    clusterUid: row.cluster_uid, group: row.api_group, resource: row.resource, namespace: row.namespace, name: row.name,
    resourceVersion: Number(row.resource_version), data: row.data,
  };
}

function row(key: KubernetesObjectKey, resourceVersion: number, data: string): ObjectsTable {
  return { cluster_uid: key.clusterUid, api_group: key.group, resource: key.resource, namespace: key.namespace, name: key.name, resource_version: resourceVersion, data };
}

function memoKey(key: KubernetesObjectKey): string {
  // No part holds a space (ids, DNS names, API groups), so spaces end each part unambiguously.
  return `${key.clusterUid} ${key.group} ${key.resource} ${key.namespace} ${key.name}`;
}

function whereKey(db: KubernetesDatabase, key: KubernetesObjectKey) {
  return db.selectFrom('kubernetes_objects').selectAll()
    .where('cluster_uid', '=', key.clusterUid).where('api_group', '=', key.group).where('resource', '=', key.resource)
    .where('namespace', '=', key.namespace).where('name', '=', key.name);
}

/** Moves the cluster's resource version by one, logs the change, trims the log; answers the new version. */
async function recordChange(db: KubernetesDatabase, key: KubernetesObjectKey, type: KubernetesChangeType, data: string): Promise<number> {
  const cluster = await db.selectFrom('kubernetes_clusters').selectAll().where('cluster_uid', '=', key.clusterUid).executeTakeFirst();
  const version = Number(cluster?.resource_version ?? 0) + 1;
  let trimmed = Number(cluster?.trimmed_through ?? 0);
  if (version - trimmed > KEPT_CHANGES + TRIM_SLACK) {
    trimmed = version - KEPT_CHANGES;
    await db.deleteFrom('kubernetes_changes').where('cluster_uid', '=', key.clusterUid).where('resource_version', '<=', trimmed).execute();
  }
  if (cluster) {
    await db.updateTable('kubernetes_clusters').set({ resource_version: version, trimmed_through: trimmed }).where('cluster_uid', '=', key.clusterUid).execute();
  } else {
    await db.insertInto('kubernetes_clusters').values({ cluster_uid: key.clusterUid, resource_version: version, trimmed_through: trimmed }).execute();
  }
  await db.insertInto('kubernetes_changes').values({ ...row(key, version, data), type }).execute();
  return version;
}

/** The Kubernetes part of a session. */
export function kubernetesRepository(run: Runner): StoreSession['kubernetes'] {
  return {
    get: (key) => run.memo('k8s', memoKey(key), async (db) => {
      const found = await whereKey(k8sDb(db), key).executeTakeFirst();
      return found && toRecord(found);
    }),
    list: (clusterUid, group, resource, namespace) => run.read(async (db) => {
      let query = k8sDb(db).selectFrom('kubernetes_objects').selectAll()
        .where('cluster_uid', '=', clusterUid).where('api_group', '=', group).where('resource', '=', resource);
      if (namespace !== undefined) query = query.where('namespace', '=', namespace);
      const rows = await query.orderBy('namespace').orderBy('name').execute();
      return rows.map(toRecord);
    }),
    resourceVersion: (clusterUid) => run.memo('k8s-rv', clusterUid, async (db) => {
      const found = await k8sDb(db).selectFrom('kubernetes_clusters').select('resource_version').where('cluster_uid', '=', clusterUid).executeTakeFirst();
      return Number(found?.resource_version ?? 0);
    }),
    put: (key, data) => run.writeQuietly(async (raw) => {
      const db = k8sDb(raw);
      const existing = await whereKey(db, key).executeTakeFirst();
      const version = await recordChange(db, key, existing ? 'MODIFIED' : 'ADDED', data);
      if (existing) {
        await db.updateTable('kubernetes_objects').set({ resource_version: version, data })
          .where('cluster_uid', '=', key.clusterUid).where('api_group', '=', key.group).where('resource', '=', key.resource)
          .where('namespace', '=', key.namespace).where('name', '=', key.name).execute();
      } else {
        await db.insertInto('kubernetes_objects').values(row(key, version, data)).execute();
      }
      return toRecord(row(key, version, data));
    }),
    delete: (key) => run.writeQuietly(async (raw) => {
      const db = k8sDb(raw);
      const existing = await whereKey(db, key).executeTakeFirst();
      if (!existing) return undefined;
      const version = await recordChange(db, key, 'DELETED', existing.data);
      await db.deleteFrom('kubernetes_objects')
        .where('cluster_uid', '=', key.clusterUid).where('api_group', '=', key.group).where('resource', '=', key.resource)
        .where('namespace', '=', key.namespace).where('name', '=', key.name).execute();
      return toRecord(row(key, version, existing.data));
    }),
    changes: (clusterUid, resourceVersion) => run.read(async (raw) => {
      const db = k8sDb(raw);
      const cluster = await db.selectFrom('kubernetes_clusters').select('trimmed_through').where('cluster_uid', '=', clusterUid).executeTakeFirst();
      if (resourceVersion < Number(cluster?.trimmed_through ?? 0)) return { changes: [], expired: true };
      const rows = await db.selectFrom('kubernetes_changes').selectAll()
        .where('cluster_uid', '=', clusterUid).where('resource_version', '>', resourceVersion).orderBy('resource_version').execute();
      const changes: KubernetesChangeRecord[] = rows.map((r) => ({ ...toRecord(r), type: r.type as KubernetesChangeType }));
      return { changes, expired: false };
    }),
    deleteCluster: (clusterUid) => run.writeQuietly(async (raw) => {
      const db = k8sDb(raw);
      await db.deleteFrom('kubernetes_objects').where('cluster_uid', '=', clusterUid).execute();
      await db.deleteFrom('kubernetes_changes').where('cluster_uid', '=', clusterUid).execute();
      await db.deleteFrom('kubernetes_clusters').where('cluster_uid', '=', clusterUid).execute();
    }),
    ports: () => run.read(async (db) => {
      const rows = await k8sDb(db).selectFrom('kubernetes_ports').selectAll().orderBy('port').execute();
      return rows.map((r): KubernetesPortRecord => ({ port: Number(r.port), accountId: r.account_id, region: r.region, cluster: r.cluster, clusterUid: r.cluster_uid }));
    }),
    claimPort: (claim) => run.writeQuietly(async (raw) => {
      const db = k8sDb(raw);
      if (await db.selectFrom('kubernetes_ports').select('port').where('port', '=', claim.port).executeTakeFirst()) return false;
      await db.insertInto('kubernetes_ports')
        .values({ port: claim.port, account_id: claim.accountId, region: claim.region, cluster: claim.cluster, cluster_uid: claim.clusterUid }).execute();
      return true;
    }),
    releasePort: (port) => run.writeQuietly(async (db) => {
      await k8sDb(db).deleteFrom('kubernetes_ports').where('port', '=', port).execute();
    }),
  };
}
