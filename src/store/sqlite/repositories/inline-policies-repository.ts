/** `inline_policies`: a user's, group's or role's own policies, named uniquely per owner. */
import type { Selectable } from 'kysely';
import type { InlinePolicyRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import type { Runner } from '../runner.ts';
import type { InlinePoliciesTable } from '../schema.ts';

function toRecord(row: Selectable<InlinePoliciesTable>): InlinePolicyRecord {
  return { accountId: row.account_id, ownerType: row.owner_type, ownerId: row.owner_id, name: row.name, document: row.document };
}

/** The inline policies part of a session. */
export function inlinePoliciesRepository(run: Runner): StoreSession['inlinePolicies'] {
  return {
    get: (accountId, ownerType, ownerId, name) => run.read(async (db) => {
      const row = await db.selectFrom('inline_policies').selectAll()
        .where('account_id', '=', accountId).where('owner_type', '=', ownerType).where('owner_id', '=', ownerId)
        .where('name', '=', name).executeTakeFirst();
      return row && toRecord(row);
    }),
    list: (accountId, ownerType, ownerId) => run.read(async (db) => {
      const rows = await db.selectFrom('inline_policies').selectAll()
        .where('account_id', '=', accountId).where('owner_type', '=', ownerType).where('owner_id', '=', ownerId)
        .orderBy('name').execute();
      return rows.map(toRecord);
    }),
    put: (policy) => run.write(policy.accountId, async (db) => {
      await db.insertInto('inline_policies')
        .values({
          account_id: policy.accountId, owner_type: policy.ownerType, owner_id: policy.ownerId,
          name: policy.name, document: policy.document,
        })
        .onConflict((oc) => oc.columns(['account_id', 'owner_type', 'owner_id', 'name']).doUpdateSet({ document: policy.document }))
        .execute();
    }),
    delete: (accountId, ownerType, ownerId, name) => run.write(accountId, async (db) => {
      await db.deleteFrom('inline_policies')
        .where('account_id', '=', accountId).where('owner_type', '=', ownerType).where('owner_id', '=', ownerId)
        .where('name', '=', name).execute();
    }),
  };
}
