/**
 * Migration 8: `service_control_policies`, the SCPs in effect for an account (`../../scp-records.ts`),
 * unique by exact name per account. Rows go with their account.
 */
import type { Kysely } from 'kysely';

/** Creates `service_control_policies`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('service_control_policies')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_control_policies_pk', ['account_id', 'name'])
    .execute();
}
