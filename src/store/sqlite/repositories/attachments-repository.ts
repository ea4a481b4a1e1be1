/** `attachments`: managed policies (customer or AWS) attached to users, groups and roles, in attachment order. */
import type { Selectable } from 'kysely';
import type { AttachmentRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import type { Runner } from '../runner.ts';
import type { AttachmentsTable } from '../schema.ts';

function toRecord(row: Selectable<AttachmentsTable>): AttachmentRecord {
  return { accountId: row.account_id, policyArn: row.policy_arn, entityType: row.entity_type, entityId: row.entity_id };
}

/** The attachments part of a session. */
export function attachmentsRepository(run: Runner): StoreSession['attachments'] {
  return {
    ofEntity: (accountId, entityType, entityId) => run.read(async (db) => {
      const rows = await db.selectFrom('attachments').selectAll()
        .where('account_id', '=', accountId).where('entity_type', '=', entityType).where('entity_id', '=', entityId)
        .orderBy('seq').execute();
      return rows.map(toRecord);
    }),
    ofPolicy: (accountId, policyArn) => run.read(async (db) => {
      const rows = await db.selectFrom('attachments').selectAll()
        .where('account_id', '=', accountId).where('policy_arn', '=', policyArn).orderBy('seq').execute();
      return rows.map(toRecord);
    }),
    attach: (a) => run.write(a.accountId, async (db) => {
      // Attaching an attached policy is a no-op (AttachUserPolicy is idempotent) that keeps the order.
      await db.insertInto('attachments')
        .values({ account_id: a.accountId, policy_arn: a.policyArn, entity_type: a.entityType, entity_id: a.entityId })
        .onConflict((oc) => oc.columns(['account_id', 'entity_type', 'entity_id', 'policy_arn']).doNothing())
        .execute();
    }),
    detach: (a) => run.write(a.accountId, async (db) => {
      await db.deleteFrom('attachments')
        .where('account_id', '=', a.accountId).where('entity_type', '=', a.entityType).where('entity_id', '=', a.entityId)
        .where('policy_arn', '=', a.policyArn).execute();
    }),
    countForPolicy: (accountId, policyArn) => run.read(async (db) => {
      const attached = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId).where('policy_arn', '=', policyArn).executeTakeFirstOrThrow();
      const boundaryCount = (table: 'users' | 'roles') => db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId).where('permissions_boundary_arn', '=', policyArn).executeTakeFirstOrThrow();
      const users = await boundaryCount('users');
      const roles = await boundaryCount('roles');
      return { attachments: Number(attached.n), boundaries: Number(users.n) + Number(roles.n) };
    }),
  };
}
