/** `service_control_policies`: the SCPs in effect for an account, by exact name (migration 0008). */
import type { Kysely } from 'kysely';
import type { ServiceControlPolicyRecord } from '../../scp-records.ts';
import type { StoreSession } from '../../store.ts';
import { fromMillis, toMillis } from '../column-codecs.ts';
import type { Runner } from '../runner.ts';
import type { Database } from '../schema.ts';

interface ServiceControlPoliciesTable {
  account_id: string;
  name: string;
  document: string;
  updated_at: number;
}

function scpDb(db: Kysely<Database>): Kysely<Database & { service_control_policies: ServiceControlPoliciesTable }> {
  return db.withTables<{ service_control_policies: ServiceControlPoliciesTable }>();
}

function toRecord(row: ServiceControlPoliciesTable): ServiceControlPolicyRecord {
  return { accountId: row.account_id, name: row.name, document: row.document, updatedAt: fromMillis(row.updated_at) };
}

/** The service control policies part of a session. */
export function serviceControlPoliciesRepository(run: Runner): StoreSession['serviceControlPolicies'] {
  return {
    get: (accountId, name) => run.read(async (db) => {
      const row = await scpDb(db).selectFrom('service_control_policies').selectAll()
        .where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst();
      return row && toRecord(row);
    }),
    list: (accountId) => run.read(async (db) => {
      const rows = await scpDb(db).selectFrom('service_control_policies').selectAll().where('account_id', '=', accountId).orderBy('name').execute();
      return rows.map(toRecord);
    }),
    put: (policy) => run.write(policy.accountId, async (db) => {
      const row = { account_id: policy.accountId, name: policy.name, document: policy.document, updated_at: toMillis(policy.updatedAt) };
      await scpDb(db).insertInto('service_control_policies').values(row)
        .onConflict((oc) => oc.columns(['account_id', 'name']).doUpdateSet({ document: row.document, updated_at: row.updated_at })).execute();
    }),
    delete: (accountId, name) => run.write(accountId, async (db) => {
      await scpDb(db).deleteFrom('service_control_policies').where('account_id', '=', accountId).where('name', '=', name).execute();
    }),
  };
}
