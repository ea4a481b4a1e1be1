import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Kysely, SqliteDialect } from 'kysely';
import { storeConformanceSuite } from '../store-conformance.ts';
import { migrate } from './migrate.ts';
import { openDatabase } from './open-database.ts';
import type { Database } from './schema.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'tollgate-sqlite-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshFile = () => join(dir, `store-${++files}.db`);

storeConformanceSuite('sqlite (file)', () => openSqliteStore({ file: freshFile() }));
storeConformanceSuite('sqlite (:memory:)', () => openSqliteStore({ file: ':memory:' }));

test('sqlite: data survives closing and reopening; migrations run once', async () => {
  const file = freshFile();
  const first = await openSqliteStore({ file });
  assert.equal(first.description, `sqlite:${file}`);
  await first.accounts.create({ id: '111122223333', createdAt: new Date(1) });
  await first.close();
  await first.close(); // closing twice is harmless
  const second = await openSqliteStore({ file });
  assert.deepEqual(await second.accounts.list(), [{ id: '111122223333', createdAt: new Date(1) }]);
  await second.close();
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openDatabase(file) }) });
  assert.deepEqual(await migrate(db), []);
  assert.deepEqual(await db.selectFrom('schema_migrations').select(['version', 'name']).execute(), [
    { version: 1, name: 'initial' },
    { version: 2, name: 'sts-sessions' },
    { version: 3, name: 'eks' },
    { version: 4, name: 'generation-floor' },
    { version: 5, name: 'root-passwords' },
    { version: 6, name: 'kubernetes' },
    { version: 7, name: 'trail' },
    { version: 8, name: 'service-control-policies' },
    { version: 9, name: 'trail-keys' },
  ]);
  await db.destroy();
});

test('sqlite: the connection runs in WAL mode with full sync, a busy timeout and foreign keys', () => {
  const database = openDatabase(freshFile());
  try {
    assert.equal(database.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(database.pragma('synchronous', { simple: true }), 2); // FULL
    assert.equal(database.pragma('busy_timeout', { simple: true }), 5000);
    assert.equal(database.pragma('foreign_keys', { simple: true }), 1);
  } finally {
    database.close();
  }
});

test('sqlite: a database migrated by a newer Tollgate is refused', async () => {
  const file = freshFile();
  await (await openSqliteStore({ file })).close();
  const database = openDatabase(file);
  database.prepare("insert into schema_migrations (version, name, applied_at) values (999, 'future', 0)").run();
  database.close();
  await assert.rejects(openSqliteStore({ file }), /schema version 999 is newer/);
});

test('sqlite: using the store inside its own transaction fails fast instead of deadlocking', async () => {
  const store = await openSqliteStore({ file: freshFile(), detectNestedUse: true });
  try {
    await assert.rejects(store.transaction(() => store.accounts.list()), /inside its own transaction/);
    await assert.rejects(store.transaction(() => store.transaction(async () => 1)), /inside its own transaction/);
    let leaked: Parameters<Parameters<typeof store.transaction>[0]>[0] | undefined;
    await store.transaction(async (s) => { leaked = s; });
    await assert.rejects(leaked!.accounts.list(), /after its transaction ended/);
    assert.deepEqual(await store.accounts.list(), []); // the store still works
  } finally {
    await store.close();
  }
  await assert.rejects(store.accounts.list(), /closed/);
});

test('sqlite: remembered reads follow this connection\'s writes at once and another connection\'s from the next turn', async () => {
  const file = freshFile();
  const a = await openSqliteStore({ file });
  const b = await openSqliteStore({ file });
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
  try {
    await a.accounts.create({ id: '111122223333', createdAt: new Date(1) });
    await nextTurn();
    assert.equal(await a.accounts.generation('111122223333'), 0);
    assert.equal(await b.accounts.generation('111122223333'), 0);
    await a.accounts.bumpGeneration('111122223333');
    assert.equal(await a.accounts.generation('111122223333'), 1, 'own commit, same turn');
    await nextTurn();
    assert.equal(await b.accounts.generation('111122223333'), 1, 'the other connection, next turn');
    await b.accounts.bumpGeneration('111122223333');
    await nextTurn();
    assert.equal(await a.accounts.generation('111122223333'), 2);
    await a.transaction(async (session) => {
      await session.accounts.bumpGeneration('111122223333');
      assert.equal(await session.accounts.generation('111122223333'), 3, 'inside a transaction reads are never remembered');
    });
    assert.equal(await a.accounts.generation('111122223333'), 3);
  } finally {
    await a.close();
    await b.close();
  }
});

test('sqlite: the database, -wal and -shm files are created 0600 even in an existing directory, and narrowed when found wider', async () => {
  const umask = process.umask(0); // no mode may come from the umask
  try {
    const existing = join(dir, 'modes');
    mkdirSync(existing, { mode: 0o755 });
    const file = join(existing, 'modes.db');
    const modes = () => ['', '-wal', '-shm'].map((suffix) => (statSync(`${file}${suffix}`).mode & 0o777).toString(8));
    let store = await openSqliteStore({ file });
    await store.accounts.create({ id: '111122223333', createdAt: new Date(1) });
    assert.deepEqual(modes(), ['600', '600', '600']);
    await store.close();
    for (const suffix of ['-wal', '-shm']) writeFileSync(`${file}${suffix}`, ''); // as a crash leaves them
    for (const suffix of ['', '-wal', '-shm']) chmodSync(`${file}${suffix}`, 0o644);
    store = await openSqliteStore({ file });
    assert.deepEqual(modes(), ['600', '600', '600']);
    assert.equal((await store.accounts.list()).length, 1);
    await store.close();
    const made = join(dir, 'made', 'here', 'made.db');
    await (await openSqliteStore({ file: made })).close();
    assert.equal((statSync(join(dir, 'made')).mode & 0o777).toString(8), '700');
    assert.equal((statSync(made).mode & 0o777).toString(8), '600');
  } finally {
    process.umask(umask);
  }
});
