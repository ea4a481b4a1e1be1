import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { postgresSkipReason, startPostgresCluster, type PostgresCluster } from '../../../test/support/postgres-cluster.ts';
import { testStores } from '../../../test/support/postgres-test-stores.ts';
import type { Store } from '../store.ts';
import { storeConformanceSuite } from '../store-conformance.ts';

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
