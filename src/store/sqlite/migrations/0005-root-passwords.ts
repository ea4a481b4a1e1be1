/**
 * Migration 5: `root_passwords`, the root user's console password hash per account
 * (`../../root-password-records.ts`). Rows go with their account.
 */
import type { Kysely } from 'kysely';

/** Creates `root_passwords`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('root_passwords')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
}
