/** `eks_documents`: the EKS resources, one JSON document each (`../../eks-records.ts`). */
import type { Kysely } from 'kysely';
import type { EksDocument, EksKey } from '../../eks-records.ts';
import type { StoreSession } from '../../store.ts';
import type { Runner } from '../runner.ts';
import type { Database } from '../schema.ts';

/** The row of `eks_documents` (created by migration 0003). */
interface EksDocumentsTable {
  account_id: string;
  region: string;
  kind: string;
  cluster: string;
  name: string;
  data: string;
}

type EksDatabase = Kysely<Database & { eks_documents: EksDocumentsTable }>;

function eksDb(db: Kysely<Database>): EksDatabase {
  return db.withTables<{ eks_documents: EksDocumentsTable }>();
}

function toDocument(row: EksDocumentsTable): EksDocument {
  return { accountId: row.account_id, region: row.region, kind: row.kind as EksDocument['kind'], cluster: row.cluster, name: row.name, data: row.data };
}

/** The EKS part of a session. */
export function eksRepository(run: Runner): StoreSession['eks'] {
  const where = (key: EksKey) => (db: EksDatabase) => db.selectFrom('eks_documents').selectAll()
    .where('account_id', '=', key.accountId).where('region', '=', key.region).where('kind', '=', key.kind)
    .where('cluster', '=', key.cluster).where('name', '=', key.name);
  return {
    // The cluster's length ends it unambiguously, whatever either name holds.
    get: (key) => run.memo('eks', `${key.accountId} ${key.region} ${key.kind} ${key.cluster.length}:${key.cluster} ${key.name}`, async (db) => {
      const row = await where(key)(eksDb(db)).executeTakeFirst();
      return row && toDocument(row);
    }),
    list: (accountId, region, kind, cluster) => run.read(async (db) => {
      let query = eksDb(db).selectFrom('eks_documents').selectAll()
        .where('account_id', '=', accountId).where('region', '=', region).where('kind', '=', kind);
      if (cluster !== undefined) query = query.where('cluster', '=', cluster);
      const rows = await query.orderBy('cluster').orderBy('name').execute();
      return rows.map(toDocument);
    }),
    listEverywhere: (kind) => run.read(async (db) => {
      const rows = await eksDb(db).selectFrom('eks_documents').selectAll().where('kind', '=', kind)
        .orderBy('account_id').orderBy('region').orderBy('cluster').orderBy('name').execute();
      return rows.map(toDocument);
    }),
    put: (doc) => run.write(doc.accountId, async (db) => {
      const row: EksDocumentsTable = { account_id: doc.accountId, region: doc.region, kind: doc.kind, cluster: doc.cluster, name: doc.name, data: doc.data };
      await eksDb(db).insertInto('eks_documents').values(row)
        .onConflict((oc) => oc.columns(['account_id', 'region', 'kind', 'cluster', 'name']).doUpdateSet({ data: doc.data }))
        .execute();
    }),
    delete: (key) => run.write(key.accountId, async (db) => {
      await eksDb(db).deleteFrom('eks_documents')
        .where('account_id', '=', key.accountId).where('region', '=', key.region).where('kind', '=', key.kind)
        .where('cluster', '=', key.cluster).where('name', '=', key.name).execute();
    }),
    deleteCluster: (accountId, region, cluster) => run.write(accountId, async (db) => {
      await eksDb(db).deleteFrom('eks_documents').where('account_id', '=', accountId).where('region', '=', region).where('cluster', '=', cluster).execute();
    }),
  };
}
