/**
 * The migration runner: applies the migrations not yet recorded in `schema_migrations`, all inside
 * one `BEGIN IMMEDIATE` transaction. Two processes starting at once serialize on the write lock; the
 * second finds the versions recorded and applies nothing. SQLite DDL is transactional, so a failed
 * migration leaves the schema as it was. The PostgreSQL store runs the same steps (`applyMigrations`)
 * in its own transaction, under an advisory lock.
 */
import type { Kysely } from 'kysely';
import { inImmediateTransaction } from './immediate-transaction.ts';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** Brings the schema up to date; returns the versions applied now (empty when it already was). */
export async function migrate(db: Kysely<Database>, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  return inImmediateTransaction(db, (connection) => applyMigrations(connection, migrations));
}

/** The migrations not yet applied, applied on `connection`, which must be in a transaction that excludes other migrators. */
export async function applyMigrations(connection: Kysely<Database>, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  await connection.schema.createTable('schema_migrations').ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'integer', (c) => c.notNull())
    .execute();
  const rows = await connection.selectFrom('schema_migrations').select('version').execute();
  const applied = new Set(rows.map((row) => row.version));
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    throw new Error(`database schema version ${newest} is newer than this Tollgate knows (${known}): upgrade Tollgate`);
  }
  const ran: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    await migration.up(connection as Kysely<unknown>);
    await connection.insertInto('schema_migrations')
      .values({ version: migration.version, name: migration.name, applied_at: Date.now() })
      .execute();
    ran.push(migration.version);
  }
  return ran;
}
