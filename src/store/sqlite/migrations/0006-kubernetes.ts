/**
 * Migration 6: the Kubernetes API of EKS clusters (`../../kubernetes-records.ts`): objects, the
 * per-cluster resource version with the point up to which the change log was trimmed, the change log,
 * and the ports claimed for clusters' endpoints. Portable DDL only (a PostgreSQL store runs the same).
 */
import type { Kysely } from 'kysely';

/** Creates the four Kubernetes tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('kubernetes_objects')
    .addColumn('cluster_uid', 'text', (c) => c.notNull())
    .addColumn('api_group', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('namespace', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('resource_version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kubernetes_objects_pk', ['cluster_uid', 'api_group', 'resource', 'namespace', 'name'])
    .execute();
  await db.schema.createTable('kubernetes_clusters')
    .addColumn('cluster_uid', 'text', (c) => c.primaryKey())
    .addColumn('resource_version', 'integer', (c) => c.notNull())
    .addColumn('trimmed_through', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createTable('kubernetes_changes')
    .addColumn('cluster_uid', 'text', (c) => c.notNull())
    .addColumn('resource_version', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('api_group', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('namespace', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kubernetes_changes_pk', ['cluster_uid', 'resource_version'])
    .execute();
  await db.schema.createTable('kubernetes_ports')
    .addColumn('port', 'integer', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('cluster', 'text', (c) => c.notNull())
    .addColumn('cluster_uid', 'text', (c) => c.notNull())
    .execute();
}
