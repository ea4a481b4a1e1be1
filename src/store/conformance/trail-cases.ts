// The audit trail (store.ts `trail`): appends in order, lookups newest first by each attribute within an
// account and Region, paging by cursor, time bounds, a request's events, retention by count and by age.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TrailEventRecord } from '../trail-records.ts';
import { ACCOUNT, OTHER_ACCOUNT, at, withStore, type OpenStore } from './fixtures.ts';

function event(n: number, overrides: Partial<TrailEventRecord> = {}): TrailEventRecord {
  return {
    accountId: ACCOUNT, region: 'us-east-1', eventId: `event-${n}`, requestId: `request-${n}`, eventTime: at(n), eventName: n % 2 === 0 ? 'GetUser' : 'ListUsers',
    eventSource: 'iam.amazonaws.com', username: n % 3 === 0 ? 'ana' : 'bo', accessKeyId: `AKIA${n}`, readOnly: n % 4 !== 0,
    resources: n % 5 === 0 ? [{ type: 'AWS::IAM::User', name: 'ana' }, { type: 'AWS::IAM::Role', name: 'deploy' }] : [], event: `{"n":${n}}`, decision: n === 1 ? '{"d":1}' : undefined, ...overrides,
  };
}

/** Registers the trail cases. */
export function trailCases(open: OpenStore): void {
  test('trail: lookups are newest first, by each attribute, within the account and Region; records keep every field', () => withStore(open, async (store) => {
    await store.trail.append(Array.from({ length: 20 }, (_, i) => event(i + 1)));
    await store.trail.append([event(30, { accountId: OTHER_ACCOUNT }), event(31, { region: 'us-west-2' })]);
    const all = await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', limit: 100 });
    assert.deepEqual(all.map((h) => h.record.eventId), Array.from({ length: 20 }, (_, i) => `event-${20 - i}`));
    assert.deepEqual(all.at(-1)!.record, event(1));
    const ids = async (key: Parameters<typeof store.trail.lookup>[0]['attribute']) => (await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', attribute: key, limit: 100 })).map((h) => h.record.eventId);
    assert.equal((await ids({ key: 'EventName', value: 'GetUser' })).length, 10);
    assert.deepEqual(await ids({ key: 'Username', value: 'ana' }), ['event-18', 'event-15', 'event-12', 'event-9', 'event-6', 'event-3']);
    assert.deepEqual(await ids({ key: 'EventId', value: 'event-7' }), ['event-7']);
    assert.deepEqual(await ids({ key: 'AccessKeyId', value: 'AKIA7' }), ['event-7']);
    assert.deepEqual(await ids({ key: 'ReadOnly', value: 'false' }), ['event-20', 'event-16', 'event-12', 'event-8', 'event-4']);
    assert.deepEqual(await ids({ key: 'ResourceType', value: 'AWS::IAM::Role' }), ['event-20', 'event-15', 'event-10', 'event-5']);
    assert.deepEqual(await ids({ key: 'ResourceName', value: 'ana' }), ['event-20', 'event-15', 'event-10', 'event-5']);
    assert.equal((await ids({ key: 'EventSource', value: 'iam.amazonaws.com' })).length, 20);
  }));

  test('trail: pages follow the cursor; time bounds are inclusive', () => withStore(open, async (store) => {
    await store.trail.append(Array.from({ length: 9 }, (_, i) => event(i + 1)));
    const first = await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', limit: 4 });
    const second = await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', limit: 4, after: first.at(-1)!.cursor });
    assert.deepEqual([...first, ...second].map((h) => h.record.eventId), ['event-9', 'event-8', 'event-7', 'event-6', 'event-5', 'event-4', 'event-3', 'event-2']);
    const bounded = await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', startTime: at(3), endTime: at(5), limit: 50 });
    assert.deepEqual(bounded.map((h) => h.record.eventId), ['event-5', 'event-4', 'event-3']);
    const byResource = await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', attribute: { key: 'ResourceName', value: 'ana' }, limit: 1, after: { time: at(6).getTime(), seq: 6 } });
    assert.deepEqual(byResource.map((h) => h.record.eventId), ['event-5']);
  }));

  test('trail: a request\'s events in order of recording; retention keeps the newest by count and drops by age', () => withStore(open, async (store) => {
    await store.trail.append([event(1), event(2, { requestId: 'request-1', accountId: OTHER_ACCOUNT })]);
    assert.deepEqual((await store.trail.byRequestId('request-1')).map((r) => r.accountId), [ACCOUNT, OTHER_ACCOUNT]);
    assert.deepEqual(await store.trail.byRequestId('nothing'), []);
    await store.trail.append(Array.from({ length: 5 }, (_, i) => event(i + 10)), { keep: 3 });
    assert.deepEqual((await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', limit: 50 })).map((h) => h.record.eventId), ['event-14', 'event-13', 'event-12']);
    assert.equal(await store.trail.expire(at(14)), 2);
    assert.deepEqual((await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', limit: 50 })).map((h) => h.record.eventId), ['event-14']);
    assert.deepEqual((await store.trail.lookup({ accountId: ACCOUNT, region: 'us-east-1', attribute: { key: 'ResourceName', value: 'ana' }, limit: 50 })).map((h) => h.record.eventId), []);
  }));
}
