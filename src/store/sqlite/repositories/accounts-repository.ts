/** `accounts`: the accounts this Tollgate holds and their authorization generation counters. */
import type { Selectable } from 'kysely';
import type { AccountRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import { fromMillis, toMillis } from '../column-codecs.ts';
import type { Runner } from '../runner.ts';
import type { AccountsTable } from '../schema.ts';
import { rejectingDuplicates } from '../unique-violations.ts';

function toRecord(row: Selectable<AccountsTable>): AccountRecord {
  return { id: row.id, createdAt: fromMillis(row.created_at) };
}

/** The accounts part of a session. */
export function accountsRepository(run: Runner): StoreSession['accounts'] {
  return {
    get: (id) => run.read(async (db) => {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    }),
    list: () => run.read(async (db) => {
      const rows = await db.selectFrom('accounts').selectAll().orderBy('id').execute();
      return rows.map(toRecord);
    }),
    // A new account starts at generation 0: nothing can have been derived from an account that did not exist.
    create: (account) => run.writeQuietly((db) => rejectingDuplicates('account', async () => {
      await db.insertInto('accounts').values({ id: account.id, created_at: toMillis(account.createdAt) }).execute();
    })),
    generation: (id) => run.memo('generation', id, async (db) => {
      const row = await db.selectFrom('accounts').select('generation').where('id', '=', id).executeTakeFirst();
      return row?.generation ?? 0;
    }),
    bumpGeneration: (id) => run.write(id, async () => undefined),
  };
}
