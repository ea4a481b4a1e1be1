/** `accounts`: the accounts this Tollgate holds and their authorization generation counters. */
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { AccountRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import { fromMillis, toMillis } from '../column-codecs.ts';
import type { Runner } from '../runner.ts';
import type { AccountsTable, Database } from '../schema.ts';
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
    // A new account starts at the generation floor: nothing can have been derived from an account that
    // did not exist, and a floor above every generation a reset erased keeps old caches from matching.
    create: (account) => run.writeQuietly((db) => rejectingDuplicates('account', async () => {
      await db.insertInto('accounts').values({ id: account.id, created_at: toMillis(account.createdAt), generation: START }).execute();
    })),
    generation: (id) => run.memo('generation', id, async (db) => {
      const row = await db.selectFrom('accounts').select('generation').where('id', '=', id).executeTakeFirst();
      return row?.generation ?? (await db.selectFrom('generation_floor').select('value').executeTakeFirst())?.value ?? 0;
    }),
    bumpGeneration: (id) => run.write(id, async () => undefined),
    eraseAll: () => run.writeQuietly(async (db) => {
      const highest = await db.selectFrom('accounts').select((eb) => eb.fn.max('generation').as('g')).executeTakeFirst();
      const floor = Math.max(highest?.g ?? 0, (await db.selectFrom('generation_floor').select('value').executeTakeFirst())?.value ?? 0) + 1;
      await db.insertInto('generation_floor').values({ id: 1, value: floor }).onConflict((oc) => oc.column('id').doUpdateSet({ value: floor })).execute();
      await eraseRecords(db);
    }),
  };
}

/** The generation a new account starts at: 0, or above every account erased before. */
const START = sql<number>`coalesce((select value from generation_floor where id = 1), 0)`;

/** Empties every table of records, whatever migrations added it (the same repository runs on both stores). */
async function eraseRecords(db: Kysely<Database>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()
      and tablename not in ('schema_migrations', 'generation_floor')`.execute(db);
    // One TRUNCATE of all of them: foreign keys between them hold throughout.
    if (tables.rows.length > 0) await sql`truncate table ${sql.join(tables.rows.map(({ name }) => sql.table(name)))}`.execute(db);
    return;
  }
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
    and name not in ('schema_migrations', 'generation_floor')`.execute(db);
  // Foreign keys are checked once all are empty.
  await sql`pragma defer_foreign_keys = on`.execute(db);
  for (const { name } of tables.rows) await sql`delete from ${sql.table(name)}`.execute(db);
}
