import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
