/**
 * `trail_events` and `trail_resources` (migration 0007): the audit trail. Appends come in batches from
 * the recorder, after the requests they record were answered, and move no generation (no decision
 * depends on the trail). Each batch also trims the trail to its retention.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreSession } from '../../store.ts';
import { isDerivedEventId, requestIdsOfEventId, requestKey } from '../../trail-ids.ts';
import type { TrailCursor, TrailEventRecord, TrailHit, TrailQuery, TrailResource } from '../../trail-records.ts';
import type { Runner } from '../runner.ts';
import type { Database } from '../schema.ts';

/** The row of `trail_events`. */
interface TrailEventsTable {
  seq: number;
  account_id: string;
  region: string;
  event_id: string;
  request_id: string;
  event_time: number;
  event_name: string;
  event_source: string;
  username: string | null;
  access_key_id: string | null;
  read_only: number;
  event: string;
  decision: string | null;
  /** `requestKey(request_id)`: the narrow index finding a request's events (`../../trail-ids.ts`). */
  request_key: number;
  /** 1 when `event_id` is derived from `request_id` (found through `request_key`), 0 when the partial index on `event_id` holds it. */
  derived_event_id: number;
}

/** The row of `trail_resources`. */
interface TrailResourcesTable {
  seq: number;
  position: number;
  account_id: string;
  region: string;
  resource_type: string;
  resource_name: string;
  event_time: number;
}

type TrailDatabase = Kysely<Database & { trail_events: TrailEventsTable; trail_resources: TrailResourcesTable }>;

function trailDb(db: Kysely<Database>): TrailDatabase {
  return db.withTables<{ trail_events: TrailEventsTable; trail_resources: TrailResourcesTable }>();
}

/** Rows per INSERT statement (SQLite allows 32,766 bound values; 15 columns a row). */
const ROWS_PER_INSERT = 500;

/** The event columns a lookup attribute filters on (resources are in their own table). */
const COLUMNS = { EventName: 'event_name', Username: 'username', EventSource: 'event_source', AccessKeyId: 'access_key_id', ReadOnly: 'read_only' } as const;

function toRecord(row: TrailEventsTable, resources: readonly TrailResource[]): TrailEventRecord {
  return {
    accountId: row.account_id, region: row.region, eventId: row.event_id, requestId: row.request_id, eventTime: new Date(row.event_time),
    eventName: row.event_name, eventSource: row.event_source, username: row.username ?? undefined, accessKeyId: row.access_key_id ?? undefined,
    readOnly: row.read_only === 1, resources, event: row.event, decision: row.decision ?? undefined,
  };
}

async function resourcesOf(db: TrailDatabase, seqs: readonly number[]): Promise<Map<number, TrailResource[]>> {
  const out = new Map<number, TrailResource[]>();
  if (seqs.length === 0) return out;
  const rows = await db.selectFrom('trail_resources').select(['seq', 'resource_type', 'resource_name']).where('seq', 'in', seqs).orderBy('seq').orderBy('position').execute();
  for (const row of rows) {
    let list = out.get(row.seq);
    if (list === undefined) out.set(row.seq, (list = []));
    list.push({ type: row.resource_type, name: row.resource_name });
  }
  return out;
}

async function hits(db: TrailDatabase, rows: readonly TrailEventsTable[]): Promise<TrailHit[]> {
  const resources = await resourcesOf(db, rows.map((row) => row.seq));
  return rows.map((row) => ({ record: toRecord(row, resources.get(row.seq) ?? []), cursor: { time: row.event_time, seq: row.seq } }));
}

/** `(event_time, seq) < (cursor)`, and the time bounds, on a table with those columns. */
function bounds(query: TrailQuery, alias: string): ReturnType<typeof sql> {
  const parts = [sql`1 = 1`];
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  if (query.startTime !== undefined) parts.push(sql`${column('event_time')} >= ${query.startTime.getTime()}`);
  if (query.endTime !== undefined) parts.push(sql`${column('event_time')} <= ${query.endTime.getTime()}`);
  const after: TrailCursor | undefined = query.after;
  if (after !== undefined) parts.push(sql`(${column('event_time')}, ${column('seq')}) < (${after.time}, ${after.seq})`);
  return sql.join(parts, sql` and `);
}

/** The trail part of a session. */
export function trailRepository(run: Runner): StoreSession['trail'] {
  return {
    append: (records, retention) => run.writeQuietly(async (plain) => {
      const db = trailDb(plain);
      const newest = await db.selectFrom('trail_events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      let seq = Number(newest?.seq ?? 0);
      const events: TrailEventsTable[] = [];
      const resources: TrailResourcesTable[] = [];
      for (const r of records) {
        seq += 1;
        const time = r.eventTime.getTime();
        events.push({
          seq, account_id: r.accountId, region: r.region, event_id: r.eventId, request_id: r.requestId, event_time: time, event_name: r.eventName,
          event_source: r.eventSource, username: r.username ?? null, access_key_id: r.accessKeyId ?? null, read_only: r.readOnly ? 1 : 0, event: r.event, decision: r.decision ?? null,
          request_key: requestKey(r.requestId), derived_event_id: isDerivedEventId(r.eventId, r.requestId) ? 1 : 0,
        });
        r.resources.forEach((resource, position) => resources.push({ seq, position, account_id: r.accountId, region: r.region, resource_type: resource.type, resource_name: resource.name, event_time: time }));
      }
      for (let i = 0; i < events.length; i += ROWS_PER_INSERT) await db.insertInto('trail_events').values(events.slice(i, i + ROWS_PER_INSERT)).execute();
      for (let i = 0; i < resources.length; i += ROWS_PER_INSERT) await db.insertInto('trail_resources').values(resources.slice(i, i + ROWS_PER_INSERT)).execute();
      if (retention !== undefined) {
        const floor = seq - retention.keep;
        if (floor > 0) {
          await db.deleteFrom('trail_events').where('seq', '<=', floor).execute();
          await db.deleteFrom('trail_resources').where('seq', '<=', floor).execute();
        }
      }
    }),
    expire: (before) => run.writeQuietly(async (plain) => {
      const db = trailDb(plain);
      const cutoff = before.getTime();
      const deleted = await db.deleteFrom('trail_events').where('event_time', '<', cutoff).executeTakeFirst();
      await db.deleteFrom('trail_resources').where('event_time', '<', cutoff).execute();
      return Number(deleted.numDeletedRows);
    }),
    lookup: (query) => run.read(async (plain) => {
      const db = trailDb(plain);
      const key = query.attribute?.key;
      const value = query.attribute?.value;
      if (key === 'ResourceName') {
        const column = 'resource_name';
        // One event may name several resources of a kind: each event once, newest first.
        const found = await sql<{ seq: number }>`select distinct r.seq as seq, r.event_time as event_time from trail_resources r
          where r.account_id = ${query.accountId} and r.region = ${query.region} and ${sql.ref(`r.${column}`)} = ${value} and ${bounds(query, 'r')}
          order by r.event_time desc, r.seq desc limit ${query.limit}`.execute(db);
        const seqs = found.rows.map((row) => row.seq);
        if (seqs.length === 0) return [];
        const rows = await db.selectFrom('trail_events').selectAll().where('seq', 'in', seqs).orderBy('event_time', 'desc').orderBy('seq', 'desc').execute();
        return hits(db, rows);
      }
      const page = async (filter: ReturnType<typeof sql>) => (await sql<TrailEventsTable>`select * from trail_events e
        where e.account_id = ${query.accountId} and e.region = ${query.region} and ${filter} and ${bounds(query, 'e')}
        order by e.event_time desc, e.seq desc limit ${query.limit}`.execute(db)).rows;
      if (key === 'EventId') {
        // A derived id is found by its request's key, any other in the partial index (trail-ids.ts): the
        // events are picked by those indexes first, as the planner would rather walk the time index.
        const keys = requestIdsOfEventId(value!).map(requestKey);
        const seqs = (await sql<{ seq: number }>`select seq from trail_events where event_id = ${value} and (derived_event_id = 0${keys.length === 0 ? sql`` : sql` or request_key in (${sql.join(keys)})`})`.execute(db)).rows.map((row) => row.seq);
        return seqs.length === 0 ? [] : hits(db, await page(sql`e.seq in (${sql.join(seqs)})`));
      }
      const filter = key === undefined ? sql`1 = 1`
        : key === 'ReadOnly' ? sql`e.read_only = ${value === 'true' ? 1 : 0}`
        // A resource type has a handful of values: the time index finds its (dense) events, each checked by its resources' key.
        : key === 'ResourceType' ? sql`exists (select 1 from trail_resources r where r.seq = e.seq and r.resource_type = ${value})`
        : sql`${sql.ref(`e.${COLUMNS[key]}`)} = ${value}`;
      return hits(db, await page(filter));
    }),
    byRequestId: (requestId) => run.read(async (plain) => {
      const db = trailDb(plain);
      const rows = await db.selectFrom('trail_events').selectAll().where('request_key', '=', requestKey(requestId)).where('request_id', '=', requestId).orderBy('seq').execute();
      return (await hits(db, rows)).map((hit) => hit.record);
    }),
  };
}
