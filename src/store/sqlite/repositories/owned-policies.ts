/** Rows a user, group or role owns through a `(type, id)` pair, which no foreign key can cascade. */
import type { Kysely } from 'kysely';
import type { PrincipalEntityType } from '../../iam-records.ts';
import type { Database } from '../schema.ts';

/** Deletes the inline policies and managed-policy attachments of an entity being deleted. */
export async function deleteOwnedPolicies(db: Kysely<Database>, accountId: string, type: PrincipalEntityType, id: string): Promise<void> {
  await db.deleteFrom('inline_policies')
    .where('account_id', '=', accountId).where('owner_type', '=', type).where('owner_id', '=', id).execute();
  await db.deleteFrom('attachments')
    .where('account_id', '=', accountId).where('entity_type', '=', type).where('entity_id', '=', id).execute();
}
