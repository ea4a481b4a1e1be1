/** `password_policies`: at most one password policy per account. */
import type { Selectable } from 'kysely';
import type { PasswordPolicyRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import { fromFlag, fromNullable, toFlag, toNullable } from '../column-codecs.ts';
import type { Runner } from '../runner.ts';
import type { PasswordPoliciesTable } from '../schema.ts';

function toRecord(row: Selectable<PasswordPoliciesTable>): PasswordPolicyRecord {
  return {
    accountId: row.account_id,
    minimumPasswordLength: row.minimum_password_length,
    requireSymbols: fromFlag(row.require_symbols),
    requireNumbers: fromFlag(row.require_numbers),
    requireUppercaseCharacters: fromFlag(row.require_uppercase_characters),
    requireLowercaseCharacters: fromFlag(row.require_lowercase_characters),
    allowUsersToChangePassword: fromFlag(row.allow_users_to_change_password),
    maxPasswordAge: fromNullable(row.max_password_age),
    passwordReusePrevention: fromNullable(row.password_reuse_prevention),
    hardExpiry: fromFlag(row.hard_expiry),
  };
}

function toRow(policy: PasswordPolicyRecord): PasswordPoliciesTable {
  return {
    account_id: policy.accountId,
    minimum_password_length: policy.minimumPasswordLength,
    require_symbols: toFlag(policy.requireSymbols),
    require_numbers: toFlag(policy.requireNumbers),
    require_uppercase_characters: toFlag(policy.requireUppercaseCharacters),
    require_lowercase_characters: toFlag(policy.requireLowercaseCharacters),
    allow_users_to_change_password: toFlag(policy.allowUsersToChangePassword),
    max_password_age: toNullable(policy.maxPasswordAge),
    password_reuse_prevention: toNullable(policy.passwordReusePrevention),
    hard_expiry: toFlag(policy.hardExpiry),
  };
}

/** The password policy part of a session. */
export function passwordPoliciesRepository(run: Runner): StoreSession['passwordPolicies'] {
  return {
    get: (accountId) => run.read(async (db) => {
      const row = await db.selectFrom('password_policies').selectAll().where('account_id', '=', accountId).executeTakeFirst();
      return row && toRecord(row);
    }),
    put: (policy) => run.write(policy.accountId, async (db) => {
      const row = toRow(policy);
      const { account_id: _accountId, ...changes } = row;
      await db.insertInto('password_policies').values(row).onConflict((oc) => oc.column('account_id').doUpdateSet(changes)).execute();
    }),
    delete: (accountId) => run.write(accountId, async (db) => {
      await db.deleteFrom('password_policies').where('account_id', '=', accountId).execute();
    }),
  };
}
