/**
 * Migration 1: the IAM tables (see `../schema.ts`). Case-insensitive name uniqueness per account is a
 * UNIQUE index on `(account_id, name_lower)` (docs/aws-behaviour/iam-identities-and-quotas.md). Foreign keys cascade only where the
 * relation is to one table (memberships, keys, login profiles, policy versions); rows owned by a
 * user, group or role through `(type, id)` pairs are removed by the store's delete methods.
 */
import { sql, type Kysely } from 'kysely';

/** Creates the initial schema. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('arn', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('permissions_boundary_arn', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addUniqueConstraint('users_name_unique', ['account_id', 'name_lower'])
    .execute();

  await db.schema.createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('arn', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('groups_name_unique', ['account_id', 'name_lower'])
    .execute();

  await db.schema.createTable('roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('arn', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('trust_policy', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('max_session_duration', 'integer', (c) => c.notNull())
    .addColumn('permissions_boundary_arn', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'integer')
    .addColumn('last_used_region', 'text')
    .addUniqueConstraint('roles_name_unique', ['account_id', 'name_lower'])
    .execute();

  await db.schema.createTable('group_members')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addUniqueConstraint('group_members_unique', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_by_user').on('group_members').columns(['user_id', 'seq']).execute();

  await db.schema.createTable('inline_policies')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull().check(sql`owner_type in ('user', 'group', 'role')`))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inline_policies_pk', ['account_id', 'owner_type', 'owner_id', 'name'])
    .execute();

  await db.schema.createTable('managed_policies')
    .addColumn('arn', 'text', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('default_version_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('next_version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('managed_policies_name_unique', ['account_id', 'name_lower'])
    .execute();

  await db.schema.createTable('policy_versions')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('policy_arn', 'text', (c) => c.notNull().references('managed_policies.arn').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('policy_versions_unique', ['policy_arn', 'version_id'])
    .execute();

  await db.schema.createTable('attachments')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('policy_arn', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull().check(sql`entity_type in ('user', 'group', 'role')`))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addUniqueConstraint('attachments_unique', ['account_id', 'entity_type', 'entity_id', 'policy_arn'])
    .execute();
  await db.schema.createIndex('attachments_by_policy').on('attachments').columns(['account_id', 'policy_arn']).execute();

  await db.schema.createTable('access_keys')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('Active', 'Inactive')`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_used_at', 'integer')
    .addColumn('last_used_service', 'text')
    .addColumn('last_used_region', 'text')
    .execute();
  await db.schema.createIndex('access_keys_by_owner').on('access_keys').columns(['account_id', 'user_id']).execute();

  await db.schema.createTable('login_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_reset_required', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema.createTable('password_policies')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('minimum_password_length', 'integer', (c) => c.notNull())
    .addColumn('require_symbols', 'integer', (c) => c.notNull())
    .addColumn('require_numbers', 'integer', (c) => c.notNull())
    .addColumn('require_uppercase_characters', 'integer', (c) => c.notNull())
    .addColumn('require_lowercase_characters', 'integer', (c) => c.notNull())
    .addColumn('allow_users_to_change_password', 'integer', (c) => c.notNull())
    .addColumn('max_password_age', 'integer')
    .addColumn('password_reuse_prevention', 'integer')
    .addColumn('hard_expiry', 'integer', (c) => c.notNull())
    .execute();

  // Boundary lookups for countForPolicy (DeletePolicy's DeleteConflict check).
  await db.schema.createIndex('users_by_boundary').on('users').columns(['account_id', 'permissions_boundary_arn']).execute();
  await db.schema.createIndex('roles_by_boundary').on('roles').columns(['account_id', 'permissions_boundary_arn']).execute();
}
