/**
 * Migration 2: `sts_sessions`, the temporary credentials STS issues (`../../session-records.ts`), one
 * row per `ASIA…` access key id. Rows are independent of the IAM tables: a role or user deleted later
 * leaves its sessions behind, and the credential resolver refuses them.
 */
import type { Kysely } from 'kysely';

/** Creates `sts_sessions`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('sts_sessions')
    .addColumn('access_key_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('session_token_ciphertext', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('principal_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('policy', 'text')
    .addColumn('policy_arns', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('transitive_tag_keys', 'text', (c) => c.notNull())
    .addColumn('source_identity', 'text')
    .addColumn('mfa', 'integer', (c) => c.notNull())
    .addColumn('chained', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sts_sessions_expires_at').on('sts_sessions').column('expires_at').execute();
}
