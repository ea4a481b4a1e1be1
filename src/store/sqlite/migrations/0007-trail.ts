/**
 * Migration 7: the audit trail (`../../trail-records.ts`). `seq` orders events as they were recorded
 * (assigned by the writer inside its transaction, so portable DDL serves PostgreSQL too); each lookup
 * attribute with enough distinct values to need one has an index that also yields the newest first, so
 * a page over millions of events reads only its own rows. ReadOnly and EventSource have a handful of
 * values: their matches are dense, and the time index finds them.
 */
import type { Kysely } from 'kysely';

/** Creates the trail's two tables and their indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('trail_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('event_time', 'integer', (c) => c.notNull())
    .addColumn('event_name', 'text', (c) => c.notNull())
    .addColumn('event_source', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('access_key_id', 'text')
    .addColumn('read_only', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .execute();
  const scoped = (name: string, column: string | undefined) =>
    db.schema.createIndex(`trail_events_${name}`).on('trail_events').columns(['account_id', 'region', ...(column ? [column] : []), 'event_time', 'seq']).execute();
  await scoped('time', undefined);
  await scoped('name', 'event_name');
  await scoped('user', 'username');
  await scoped('key', 'access_key_id');
  await db.schema.createIndex('trail_events_event_id').on('trail_events').column('event_id').execute();
  await db.schema.createIndex('trail_events_request_id').on('trail_events').column('request_id').execute();
  await db.schema.createTable('trail_resources')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_name', 'text', (c) => c.notNull())
    .addColumn('event_time', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('trail_resources_pk', ['seq', 'position'])
    .execute();
  await db.schema.createIndex('trail_resources_type').on('trail_resources').columns(['account_id', 'region', 'resource_type', 'event_time', 'seq']).execute();
  await db.schema.createIndex('trail_resources_name').on('trail_resources').columns(['account_id', 'region', 'resource_name', 'event_time', 'seq']).execute();
}
