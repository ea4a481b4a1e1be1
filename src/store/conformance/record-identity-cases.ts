/**
 * Conformance cases: record identity (store.ts, INVARIANT "record identity"). A record once answered is
 * never changed, so an answer that reflects a change is a new object; and outside a transaction the
 * point reads of the request path answer an unchanged record with the same object while nothing is
 * written. Views kept by record object (frozen outputs, parsed EKS documents) rely on both: the first
 * keeps them true, the second makes them pay.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { EksDocument } from '../eks-records.ts';
import type { AccessKeyRecord } from '../iam-records.ts';
import type { Store, StoreSession } from '../store.ts';
import { ACCOUNT, accessKey, role, user, withAccounts, type OpenStore } from './fixtures.ts';

/** A point read of one record, and a change to it. */
interface PointRead<R> {
  /** Stores the record and answers it as written. */
  make(store: Store): Promise<R>;
  read(session: StoreSession): Promise<R | undefined>;
  /** The record changed (every call a different change), as `write` stores it. */
  changed(record: R, n: number): R;
  write(session: StoreSession, record: R): Promise<void>;
}

/** A deep copy of `record`, to show later that the record itself was not changed. */
const snapshot = <R>(record: R): R => structuredClone(record);

class RolledBack extends Error {}

/** Registers the record identity cases. */
export function recordIdentityCases(open: OpenStore): void {
  // The reads the interface names as answering an unchanged record with the same object.
  const alice = user('alice');
  pointReadCases(open, 'users.get', {
    make: async (store) => {
      await store.users.insert(alice);
      return alice;
    },
    read: (s) => s.users.get(ACCOUNT, 'Alice'),
    changed: (record, n) => ({ ...record, tags: [{ key: 'change', value: String(n) }] }),
    write: (s, record) => s.users.update(record),
  });
  const admin = role('admin');
  pointReadCases(open, 'roles.get', {
    make: async (store) => {
      await store.roles.insert(admin);
      return admin;
    },
    read: (s) => s.roles.get(ACCOUNT, 'ADMIN'),
    changed: (record, n) => ({ ...record, description: `change ${n}` }),
    write: (s, record) => s.roles.update(record),
  });
  const key = accessKey(undefined);
  pointReadCases(open, 'accessKeys.get', {
    make: async (store) => {
      await store.accessKeys.insert(key);
      return key;
    },
    read: (s) => s.accessKeys.get(key.id),
    changed: (record, n): AccessKeyRecord => ({ ...record, status: n % 2 === 0 ? 'Active' : 'Inactive' }),
    write: (s, record) => s.accessKeys.update(record),
  });
  const cluster: EksDocument = { accountId: ACCOUNT, region: 'us-west-2', kind: 'cluster', cluster: 'prod', name: 'prod', data: '{"version":"1.31"}' };
  pointReadCases(open, 'eks.get', {
    make: async (store) => {
      await store.eks.put(cluster);
      return cluster;
    },
    read: (s) => s.eks.get(cluster),
    changed: (record, n) => ({ ...record, data: `{"version":"1.31","change":${n}}` }),
    write: (s, record) => s.eks.put(record),
  });

  test('record identity: records in lists are never changed by later writes either', () => withAccounts(open, async (store) => {
    const alice = user('alice');
    await store.users.insert(alice);
    await store.eks.put({ accountId: ACCOUNT, region: 'us-west-2', kind: 'cluster', cluster: 'prod', name: 'prod', data: '{}' });
    const users = await store.users.list(ACCOUNT);
    const clusters = await store.eks.list(ACCOUNT, 'us-west-2', 'cluster');
    const before = snapshot({ users, clusters });
    await store.users.update({ ...alice, path: '/moved/', tags: [{ key: 'k', value: 'v' }] });
    await store.eks.put({ ...clusters[0]!, data: '{"changed":true}' });
    assert.deepEqual({ users, clusters }, before);
    assert.notEqual((await store.users.list(ACCOUNT))[0], users[0]);
  }));
}


/** The cases of one point read. Each case runs on a fresh store, so `make` may write the same record each time. */
function pointReadCases<R extends object>(open: OpenStore, method: string, read: PointRead<R>): void {
  test(`record identity: ${method} answers an unchanged record with the same object while nothing is written`, () => withAccounts(open, async (store) => {
    const written = await read.make(store);
    const first = await read.read(store);
    assert.deepEqual(first, written);
    assert.equal(await read.read(store), first);
    assert.equal(await read.read(store), first);
  }));

  test(`record identity: ${method} answers a changed record with a new object, and never changes one it answered`, () => withAccounts(open, async (store) => {
    const written = await read.make(store);
    const answered: { record: R; as: R }[] = [];
    const note = (record: R | undefined): R => {
      assert.ok(record !== undefined);
      for (const earlier of answered) if (!isDeepStrictEqual(earlier.as, record)) assert.notEqual(record, earlier.record, 'a changed record is a new object');
      answered.push({ record, as: snapshot(record) });
      return record;
    };
    note(await read.read(store));

    // Changed alone.
    const one = read.changed(written, 1);
    await read.write(store, one);
    assert.deepEqual(note(await read.read(store)), one);

    // Changed in a transaction: inside it, and after it commits.
    const two = read.changed(written, 2);
    await store.transaction(async (s) => {
      note(await read.read(s));
      await read.write(s, two);
      assert.deepEqual(note(await read.read(s)), two);
    });
    assert.deepEqual(note(await read.read(store)), two);

    // Changed in a transaction that rolls back: answered as before the change.
    await assert.rejects(store.transaction(async (s) => {
      await read.write(s, read.changed(written, 3));
      note(await read.read(s));
      throw new RolledBack();
    }), RolledBack);
    assert.deepEqual(note(await read.read(store)), two);

    for (const { record, as } of answered) assert.deepEqual(record, as, 'a record once answered is never changed');
  }));
}
