/**
 * Migration 4: `generation_floor`, one row that carries account generations across `tollgate reset`
 * (`accounts.eraseAll`): every account created afterwards, and every account id no longer present,
 * counts from a generation above any an erased account had, so no cache made before a reset matches
 * after it.
 */
import type { Kysely } from 'kysely';

/** Creates `generation_floor`: no row means a floor of 0; the one row there is has id 1. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('generation_floor')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
}
