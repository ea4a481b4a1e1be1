// Migration 9 (the trail's narrow request-key index): events recorded under migration 7, whose event
// ids are random, are still found by request id and by event id; new events with derived ids are found
// through the request's key; the writer's own store (the worker) and the portable repository agree.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { eventIdFor, isDerivedEventId, requestIdsOfEventId, requestKey } from '../trail-ids.ts';
import type { TrailEventRecord } from '../trail-records.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { openDatabase } from './open-database.ts';
import type { Database } from './schema.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'tollgate-trail-keys-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ACCOUNT = '111122223333';

test('trail ids: an event id derived from a request id is a UUID of its version, maps back to it, and differs per copy', () => {
  for (let i = 0; i < 200; i++) {
    const requestId = randomUUID();
    const own = eventIdFor(requestId, 0)!;
    const other = eventIdFor(requestId, 1)!;
    assert.match(own, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(own, requestId);
    assert.notEqual(own, other);
    assert.ok(requestIdsOfEventId(own).includes(requestId) && requestIdsOfEventId(other).includes(requestId));
    assert.ok(isDerivedEventId(own, requestId) && isDerivedEventId(other, requestId));
    assert.ok(!isDerivedEventId(randomUUID(), requestId));
  }
  assert.equal(eventIdFor('req-1', 0), undefined);
  assert.deepEqual(requestIdsOfEventId('evt-1'), []);
  assert.equal(requestKey('abc'), requestKey('abc'));
  assert.ok(Number.isInteger(requestKey(randomUUID())) && Math.abs(requestKey(randomUUID())) < 2 ** 31);
});

test('migration 9: events recorded before it are found by request id and event id, and so are the events after it', async () => {
  const file = join(dir, 'old.db');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openDatabase(file) }) });
  await migrate(db, migrations.filter((m) => m.version <= 7));
  const oldRequest = randomUUID();
  const oldEvent = randomUUID();
  await sql`insert into trail_events (seq, account_id, region, event_id, request_id, event_time, event_name, event_source, username, access_key_id, read_only, event, decision)
    values (1, ${ACCOUNT}, 'us-east-1', ${oldEvent}, ${oldRequest}, 1000, 'GetUser', 'iam.amazonaws.com', 'ana', 'AKIA1', 1, '{"old":true}', null)`.execute(db);
  await db.destroy();

  const store = await openSqliteStore({ file });
  try {
    assert.deepEqual((await store.trail.byRequestId(oldRequest)).map((r) => r.event), ['{"old":true}']);
    const byOldEvent = await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', attribute: { key: 'EventId', value: oldEvent }, limit: 50 });
    assert.deepEqual(byOldEvent.map((h) => h.record.requestId), [oldRequest]);

    const requestId = randomUUID();
    const record = (accountId: string, copy: 0 | 1): TrailEventRecord => ({
      accountId, region: 'us-east-1', eventId: eventIdFor(requestId, copy)!, requestId, eventTime: new Date(2000), eventName: 'AssumeRole',
      eventSource: 'sts.amazonaws.com', username: 'ana', accessKeyId: 'AKIA1', readOnly: false, resources: [], event: `{"copy":${copy}}`, decision: undefined,
    });
    await store.trail.append([record(ACCOUNT, 0), record('444455556666', 1)]); // through the writer's worker
    assert.deepEqual((await store.trail.byRequestId(requestId)).map((r) => r.accountId), [ACCOUNT, '444455556666']);
    for (const [accountId, copy] of [[ACCOUNT, 0], ['444455556666', 1]] as const) {
      const found = await store.trail.lookup({ accountId, region: 'us-east-1', attribute: { key: 'EventId', value: eventIdFor(requestId, copy)! }, limit: 50 });
      assert.deepEqual(found.map((h) => h.record.event), [`{"copy":${copy}}`]);
    }
    assert.deepEqual(await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', attribute: { key: 'EventId', value: eventIdFor(requestId, 1)! }, limit: 50 }), []);
  } finally {
    await store.close();
  }
  const check = openDatabase(file);
  try {
    const flags = check.prepare('select event_id, derived_event_id, request_key from trail_events order by seq').all() as { event_id: string; derived_event_id: number; request_key: number }[];
    assert.deepEqual(flags.map((f) => f.derived_event_id), [0, 1, 1]);
    assert.equal(flags[0]!.request_key, requestKey(oldRequest));
    const indexes = (check.prepare("select name from sqlite_master where type = 'index' and tbl_name in ('trail_events', 'trail_resources') and sql is not null order by name").all() as { name: string }[]).map((r) => r.name);
    assert.deepEqual(indexes, ['trail_events_event_id', 'trail_events_key', 'trail_events_name', 'trail_events_request_key', 'trail_events_time', 'trail_events_user', 'trail_resources_name']);
  } finally {
    check.close();
  }
});
