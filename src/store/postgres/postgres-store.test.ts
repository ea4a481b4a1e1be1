import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { postgresSkipReason, startPostgresCluster, type PostgresCluster } from '../../../test/support/postgres-cluster.ts';
import { testStores } from '../../../test/support/postgres-test-stores.ts';
import type { Store } from '../store.ts';
import { ACCOUNT, accessKey, user } from '../conformance/fixtures.ts';
import { storeConformanceSuite } from '../store-conformance.ts';
import { openPostgresStore } from './postgres-store.ts';

const skip = postgresSkipReason();
let cluster: PostgresCluster | undefined;
before(async () => {
  if (!skip) cluster = await startPostgresCluster();
});
after(() => cluster?.destroy());

let stores: (() => Promise<Store>) | undefined;
/** A fresh, empty store. */
const fresh = () => (stores ??= testStores(cluster!))();

describe('postgres', { skip }, () => {
  storeConformanceSuite('postgres', fresh);

  test('postgres: a change committed through another store on the database is seen by the next read, memo or not', async () => {
    const schema = cluster!.freshSchema();
    const a = await openPostgresStore({ url: cluster!.url, schema });
    const b = await openPostgresStore({ url: cluster!.url, schema });
    try {
      await a.accounts.create({ id: ACCOUNT, createdAt: new Date(0) });
      const alice = user('alice');
      await a.users.insert(alice);
      const key = accessKey(alice.id);
      await a.accessKeys.insert(key);
      // Process A has read (and memoized) the generation, the user and the key.
      const generation = await a.accounts.generation(ACCOUNT);
      const read = await a.users.get(ACCOUNT, 'alice');
      assert.equal(await a.users.get(ACCOUNT, 'alice'), read, 'unchanged: the same object');
      assert.ok(await a.accessKeys.get(key.id));
      // Process B deletes the key; A's very next reads see it, and the generation moved.
      await b.accessKeys.delete(key.id);
      assert.equal(await a.accessKeys.get(key.id), undefined);
      assert.equal(await a.accounts.generation(ACCOUNT), generation + 1);
      await b.users.update({ ...alice, path: '/moved/' });
      assert.equal((await a.users.get(ACCOUNT, 'alice'))?.path, '/moved/');
      // Reads by B write nothing: A's memo still answers the same object.
      const again = await a.users.get(ACCOUNT, 'alice');
      await b.users.list(ACCOUNT);
      assert.equal(await a.users.get(ACCOUNT, 'alice'), again);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('postgres: a store whose listening connection was terminated (a notification lost) reads the database until it listens again, then trusts notifications', async () => {
    const schema = cluster!.freshSchema();
    const a = await openPostgresStore({ url: cluster!.url, schema });
    const b = await openPostgresStore({ url: cluster!.url, schema });
    const admin = new pg.Client({ connectionString: cluster!.url });
    await admin.connect();
    try {
      assert.equal(b.stats?.().listener, 'listening');
      await a.accounts.create({ id: ACCOUNT, createdAt: new Date(0) });
      const alice = user('alice');
      await a.users.insert(alice);
      assert.equal((await b.users.get(ACCOUNT, 'alice'))?.path, alice.path);
      // Both listening connections of the schema (a's and b's) are named after its channel; terminate them and wait until they are gone.
      const tag = createHash('sha256').update(`tollgate_changes_${schema}`).digest('hex').slice(0, 12);
      const listeners = await admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [`tollgate-listener ${tag} ${process.pid}`]);
      assert.equal(listeners.rows.length, 2);
      for (const { pid } of listeners.rows) await admin.query('select pg_terminate_backend($1, 5000)', [pid]);
      // a's write is notified to no one; b's next read is still fresh (it compares snapshots meanwhile).
      await a.users.update({ ...alice, path: '/lost/' });
      assert.equal((await b.users.get(ACCOUNT, 'alice'))?.path, '/lost/');
      await a.users.update({ ...alice, path: '/still-lost/' });
      assert.equal((await b.users.get(ACCOUNT, 'alice'))?.path, '/still-lost/');
      // Back by itself; from then on notifications keep b exact without asking PostgreSQL.
      const deadline = Date.now() + 10_000;
      while (b.stats?.().listener !== 'listening' || a.stats?.().listener !== 'listening') {
        assert.ok(Date.now() < deadline, 'the listening connections came back');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const read = await b.users.get(ACCOUNT, 'alice');
      assert.equal(await b.users.get(ACCOUNT, 'alice'), read, 'remembered again');
      await a.users.update({ ...alice, path: '/notified/' });
      assert.equal((await b.users.get(ACCOUNT, 'alice'))?.path, '/notified/');
    } finally {
      await admin.end();
      await a.close();
      await b.close();
    }
  });

  test('postgres: the description names the database, never the password', async () => {
    const store = await fresh();
    try {
      assert.match(store.description, /^postgres:\/\/tollgate@127\.0\.0\.1:\d+\/tollgate \(schema test_\d+_\d+\)$/);
      await store.ping();
    } finally {
      await store.close();
    }
  });
});
