/**
 * `access_keys`: long-term keys of IAM users and root users. The secret is stored as the opaque
 * ciphertext the service hands over; the store never decrypts, logs or compares it.
 */
import type { Selectable } from 'kysely';
import type { AccessKeyRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import { fromMillis, fromNullable, toMillis, toNullable } from '../column-codecs.ts';
import type { Runner } from '../runner.ts';
import type { AccessKeysTable } from '../schema.ts';
import { rejectingDuplicates } from '../unique-violations.ts';

function toRecord(row: Selectable<AccessKeysTable>): AccessKeyRecord {
  const used = row.last_used_at !== null && row.last_used_service !== null && row.last_used_region !== null;
  return {
    accountId: row.account_id,
    id: row.id,
    userId: fromNullable(row.user_id),
    secretCiphertext: row.secret_ciphertext,
    status: row.status,
    createdAt: fromMillis(row.created_at),
    lastUsed: used ? { date: fromMillis(row.last_used_at!), service: row.last_used_service!, region: row.last_used_region! } : undefined,
  };
}

function toRow(key: AccessKeyRecord) {
  return {
    id: key.id,
    account_id: key.accountId,
    user_id: toNullable(key.userId),
    secret_ciphertext: key.secretCiphertext,
    status: key.status,
    created_at: toMillis(key.createdAt),
    last_used_at: key.lastUsed ? toMillis(key.lastUsed.date) : null,
    last_used_service: key.lastUsed ? key.lastUsed.service : null,
    last_used_region: key.lastUsed ? key.lastUsed.region : null,
  };
}

/** The access keys part of a session. */
export function accessKeysRepository(run: Runner): StoreSession['accessKeys'] {
  return {
    get: (id) => run.memo('access key', id, async (db) => {
      const row = await db.selectFrom('access_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    }),
    ofUser: (accountId, userId) => run.read(async (db) => {
      const rows = await db.selectFrom('access_keys').selectAll().where('account_id', '=', accountId)
        .where('user_id', userId === undefined ? 'is' : '=', userId ?? null)
        .orderBy('created_at').orderBy('seq').execute();
      return rows.map(toRecord);
    }),
    insert: (key) => run.write(key.accountId, (db) => rejectingDuplicates('accessKey', async () => {
      await db.insertInto('access_keys').values(toRow(key)).execute();
    })),
    update: (key) => run.write(key.accountId, async (db) => {
      const { id, account_id, ...changes } = toRow(key);
      await db.updateTable('access_keys').set(changes).where('account_id', '=', account_id).where('id', '=', id).execute();
    }),
    recordUse: (id, lastUsed) => run.writeQuietly(async (db) => {
      await db.updateTable('access_keys')
        .set({ last_used_at: toMillis(lastUsed.date), last_used_service: lastUsed.service, last_used_region: lastUsed.region })
        .where('id', '=', id).execute();
    }),
    delete: (id) => run.writeTouching(async (db, touch) => {
      const deleted = await db.deleteFrom('access_keys').where('id', '=', id).returning('account_id').executeTakeFirst();
      if (deleted) touch(deleted.account_id);
    }),
  };
}
