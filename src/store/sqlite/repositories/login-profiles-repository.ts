/** `login_profiles`: users' console passwords, kept as the opaque hash the service computed. */
import type { Selectable } from 'kysely';
import type { LoginProfileRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import { fromFlag, fromMillis, toFlag, toMillis } from '../column-codecs.ts';
import type { Runner } from '../runner.ts';
import type { LoginProfilesTable } from '../schema.ts';

function toRecord(row: Selectable<LoginProfilesTable>): LoginProfileRecord {
  return {
    accountId: row.account_id,
    userId: row.user_id,
    passwordHash: row.password_hash,
    passwordResetRequired: fromFlag(row.password_reset_required),
    createdAt: fromMillis(row.created_at),
  };
}

/** The login profiles part of a session. */
export function loginProfilesRepository(run: Runner): StoreSession['loginProfiles'] {
  return {
    get: (accountId, userId) => run.read(async (db) => {
      const row = await db.selectFrom('login_profiles').selectAll()
        .where('account_id', '=', accountId).where('user_id', '=', userId).executeTakeFirst();
      return row && toRecord(row);
    }),
    put: (profile) => run.write(profile.accountId, async (db) => {
      const row = {
        user_id: profile.userId,
        account_id: profile.accountId,
        password_hash: profile.passwordHash,
        password_reset_required: toFlag(profile.passwordResetRequired),
        created_at: toMillis(profile.createdAt),
      };
      const { user_id: _userId, ...changes } = row;
      await db.insertInto('login_profiles').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet(changes)).execute();
    }),
    delete: (accountId, userId) => run.write(accountId, async (db) => {
      await db.deleteFrom('login_profiles').where('account_id', '=', accountId).where('user_id', '=', userId).execute();
    }),
  };
}
