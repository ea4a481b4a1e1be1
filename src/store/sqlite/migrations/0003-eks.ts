/**
 * Migration 3: the EKS documents table (`../../eks-records.ts`): one row per EKS resource, unique per
 * (account, Region, kind, cluster, name), names compared exactly (EKS names are case-sensitive).
 */
import type { Kysely } from 'kysely';

/** Creates `eks_documents`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('eks_documents')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cluster', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('eks_documents_pk', ['account_id', 'region', 'kind', 'cluster', 'name'])
    .execute();
}
