/** `root_passwords`: the root user's console password hash, at most one per account (migration 0004). */
import type { Kysely } from 'kysely';
import type { StoreSession } from '../../store.ts';
import { fromMillis, toMillis } from '../column-codecs.ts';
import type { Runner } from '../runner.ts';
import type { Database } from '../schema.ts';

interface RootPasswordsTable {
  account_id: string;
  password_hash: string;
  updated_at: number;
}

function rootPasswordsDb(db: Kysely<Database>): Kysely<Database & { root_passwords: RootPasswordsTable }> {
  return db.withTables<{ root_passwords: RootPasswordsTable }>();
}

/** The root passwords part of a session. */
export function rootPasswordsRepository(run: Runner): StoreSession['rootPasswords'] {
  return {
    get: (accountId) => run.read(async (db) => {
      const row = await rootPasswordsDb(db).selectFrom('root_passwords').selectAll().where('account_id', '=', accountId).executeTakeFirst();
      return row && { accountId: row.account_id, passwordHash: row.password_hash, updatedAt: fromMillis(row.updated_at) };
    }),
    put: (record) => run.write(record.accountId, async (db) => {
      const row = { account_id: record.accountId, password_hash: record.passwordHash, updated_at: toMillis(record.updatedAt) };
      await rootPasswordsDb(db).insertInto('root_passwords').values(row)
        .onConflict((oc) => oc.column('account_id').doUpdateSet({ password_hash: row.password_hash, updated_at: row.updated_at })).execute();
    }),
    delete: (accountId) => run.write(accountId, async (db) => {
      await rootPasswordsDb(db).deleteFrom('root_passwords').where('account_id', '=', accountId).execute();
    }),
  };
}
