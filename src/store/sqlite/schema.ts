/**
 * The database schema as Kysely sees it: one interface per table, column names snake_case. Dates are
 * epoch milliseconds (integers), booleans 0/1, tags a JSON array of `{key, value}`; absent optional
 * values are NULL. `name_lower` columns carry the case-insensitive uniqueness of IAM names
 * (docs/aws-behaviour/iam-identities-and-quotas.md). Migrations in `migrations/` create exactly this; keep both in step.
 */
import type { Generated } from 'kysely';
import type { PrincipalEntityType } from '../iam-records.ts';

/** Epoch milliseconds. */
type Millis = number;
/** SQLite has no boolean: 0 or 1. */
type Flag = number;

/** `accounts` */
export interface AccountsTable {
  id: string;
  created_at: Millis;
  generation: Generated<number>;
}

/** `users` */
export interface UsersTable {
  id: string;
  account_id: string;
  name: string;
  name_lower: string;
  path: string;
  arn: string;
  created_at: Millis;
  permissions_boundary_arn: string | null;
  tags: string;
}

/** `groups` */
export interface GroupsTable {
  id: string;
  account_id: string;
  name: string;
  name_lower: string;
  path: string;
  arn: string;
  created_at: Millis;
}

/** `roles` */
export interface RolesTable {
  id: string;
  account_id: string;
  name: string;
  name_lower: string;
  path: string;
  arn: string;
  created_at: Millis;
  trust_policy: string;
  description: string | null;
  max_session_duration: number;
  permissions_boundary_arn: string | null;
  tags: string;
  last_used_at: Millis | null;
  last_used_region: string | null;
}

/** `group_members`: `seq` records join order. */
export interface GroupMembersTable {
  seq: Generated<number>;
  account_id: string;
  group_id: string;
  user_id: string;
}

/** `inline_policies` */
export interface InlinePoliciesTable {
  account_id: string;
  owner_type: PrincipalEntityType;
  owner_id: string;
  name: string;
  document: string;
}

/** `managed_policies`: customer managed policies only. */
export interface ManagedPoliciesTable {
  arn: string;
  id: string;
  account_id: string;
  name: string;
  name_lower: string;
  path: string;
  description: string | null;
  default_version_id: string;
  created_at: Millis;
  updated_at: Millis;
  tags: string;
  next_version: number;
}

/** `policy_versions`: `seq` breaks ties between versions created in the same millisecond. */
export interface PolicyVersionsTable {
  seq: Generated<number>;
  policy_arn: string;
  version_id: string;
  document: string;
  created_at: Millis;
}

/** `attachments`: `seq` records attachment order; `policy_arn` may name an AWS managed policy. */
export interface AttachmentsTable {
  seq: Generated<number>;
  account_id: string;
  policy_arn: string;
  entity_type: PrincipalEntityType;
  entity_id: string;
}

/** `access_keys`: `user_id` NULL for the root user; `seq` orders keys created in the same millisecond. */
export interface AccessKeysTable {
  seq: Generated<number>;
  id: string;
  account_id: string;
  user_id: string | null;
  secret_ciphertext: string;
  status: 'Active' | 'Inactive';
  created_at: Millis;
  last_used_at: Millis | null;
  last_used_service: string | null;
  last_used_region: string | null;
}

/** `login_profiles` */
export interface LoginProfilesTable {
  user_id: string;
  account_id: string;
  password_hash: string;
  password_reset_required: Flag;
  created_at: Millis;
}

/** `password_policies` */
export interface PasswordPoliciesTable {
  account_id: string;
  minimum_password_length: number;
  require_symbols: Flag;
  require_numbers: Flag;
  require_uppercase_characters: Flag;
  require_lowercase_characters: Flag;
  allow_users_to_change_password: Flag;
  max_password_age: number | null;
  password_reuse_prevention: number | null;
  hard_expiry: Flag;
}

/** `schema_migrations`: the migration versions applied to this database. */
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Millis;
}

/** `generation_floor`: at most one row (id 1), see migration 4. */
export interface GenerationFloorTable {
  id: number;
  value: number;
}

/** Every table, for `Kysely<Database>`. */
export interface Database {
  accounts: AccountsTable;
  users: UsersTable;
  groups: GroupsTable;
  roles: RolesTable;
  group_members: GroupMembersTable;
  inline_policies: InlinePoliciesTable;
  managed_policies: ManagedPoliciesTable;
  policy_versions: PolicyVersionsTable;
  attachments: AttachmentsTable;
  access_keys: AccessKeysTable;
  login_profiles: LoginProfilesTable;
  password_policies: PasswordPoliciesTable;
  schema_migrations: SchemaMigrationsTable;
  generation_floor: GenerationFloorTable;
}
