/**
 * Migration 9: the audit trail's lookups by request id and by event id go through one narrow index
 * (`../../trail-ids.ts`). The two indexes on the random 36-character ids cost every insert a write to a
 * random page of each: they are replaced by one on `request_key`, a 32-bit key of the request id, and a
 * partial index on the event ids that are not derived from their request's id (`derived_event_id` 0:
 * every event recorded before this migration). The index on resource types goes too: a type has a
 * handful of values, so its events are dense and the time index finds them (as ReadOnly's and
 * EventSource's). Portable DDL and statements (a PostgreSQL store runs the same).
 */
import { sql, type Kysely } from 'kysely';
import { isDerivedEventId, requestKey } from '../../trail-ids.ts';

/** Rows keyed per statement round while filling in the keys of the events already recorded. */
const PAGE = 5_000;

/** Adds `request_key` and `derived_event_id`, keys the events already recorded, and swaps the indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('trail_events_event_id').execute();
  await db.schema.dropIndex('trail_events_request_id').execute();
  await db.schema.dropIndex('trail_resources_type').execute();
  await db.schema.alterTable('trail_events').addColumn('request_key', 'integer').execute();
  await db.schema.alterTable('trail_events').addColumn('derived_event_id', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (let after = -1; ;) {
    const rows = (await sql<{ seq: number; event_id: string; request_id: string }>`select seq, event_id, request_id from trail_events where seq > ${after} order by seq limit ${PAGE}`.execute(db)).rows;
    if (rows.length === 0) break;
    for (const row of rows) {
      await sql`update trail_events set request_key = ${requestKey(row.request_id)}, derived_event_id = ${isDerivedEventId(row.event_id, row.request_id) ? 1 : 0} where seq = ${row.seq}`.execute(db);
    }
    after = Number(rows[rows.length - 1]!.seq);
  }
  await db.schema.createIndex('trail_events_request_key').on('trail_events').column('request_key').execute();
  await sql`create index trail_events_event_id on trail_events (event_id) where derived_event_id = 0`.execute(db);
}
