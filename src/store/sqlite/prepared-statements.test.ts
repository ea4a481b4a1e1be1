import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { openDatabase } from './open-database.ts';
import { withPreparedStatements } from './prepared-statements.ts';

const dir = mkdtempSync(join(tmpdir(), 'tollgate-statements-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the connection keeps the driver\'s own prepare: nothing is patched onto it', () => {
  const database = openDatabase(join(dir, 'own.db'));
  try {
    assert.equal(Object.hasOwn(database, 'prepare'), false);
    assert.equal(database.prepare, BetterSqlite3.prototype.prepare);
    assert.notEqual(database.prepare('select 1'), database.prepare('select 1'), 'each call prepares afresh');
  } finally {
    database.close();
  }
});

test('what Kysely receives answers the statement already prepared for the same SQL, and shares none with the connection', () => {
  const database = openDatabase(join(dir, 'shared.db'));
  const kept = withPreparedStatements(database);
  try {
    const first = kept.prepare('select 1 as one');
    assert.equal(kept.prepare('select 1 as one'), first);
    assert.notEqual(kept.prepare('select 2 as two'), first);
    assert.notEqual(database.prepare('select 1 as one'), first);
    database.prepare('select 1 as one').pluck(); // a mode set on the connection's statement reaches none of Kysely's
    assert.deepEqual(kept.prepare('select 1 as one').all([]), [{ one: 1 }]);
  } finally {
    kept.close();
  }
  assert.equal(database.open, false, 'closing what Kysely holds closes the connection');
});

test('Kysely prepares each SQL text once, and at most `max` texts are kept, the least recently used dropped first', async () => {
  const database = openDatabase(join(dir, 'counted.db'));
  const prepared: string[] = [];
  const counting: SqliteDatabase = {
    prepare: (text) => {
      prepared.push(text);
      return database.prepare(text);
    },
    close: () => database.close(),
  };
  const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: withPreparedStatements(counting, 2) }) });
  try {
    for (let i = 0; i < 3; i++) assert.deepEqual((await sql<{ n: number }>`select ${i} as n`.execute(db)).rows, [{ n: i }]);
    assert.deepEqual(prepared, ['select ? as n']);
    await sql`select 1 as a`.execute(db);
    await sql`select ${4} as n`.execute(db); // the first SQL again: now the most recently used
    await sql`select 2 as b`.execute(db); // a third: `select 1 as a` is dropped
    await sql`select ${5} as n`.execute(db);
    await sql`select 1 as a`.execute(db);
    assert.deepEqual(prepared, ['select ? as n', 'select 1 as a', 'select 2 as b', 'select 1 as a']);
  } finally {
    await db.destroy();
  }
});
