// The data directory's secrets are the owner's alone (issue 11, item 7): the database (password hashes,
// sealed secrets) with its -wal and -shm files, master.key and root-credentials are created 0600 whether
// or not the directory existed, the directory is created 0700, and files found readable by others are
// restricted to their owner at the next start, which says so. The umask is set wide open here, so no
// mode can come from it.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRuntime, startTollgate } from '../../src/main.ts';
import { silentLog } from '../../src/server/request-log.ts';

const FILES = ['tollgate.db', 'tollgate.db-wal', 'tollgate.db-shm', 'master.key', 'root-credentials'];
const mode = (path: string) => statSync(path).mode & 0o777;
/** The mode of each file, as octal text (absent files show as such). */
const modes = (dir: string) => Object.fromEntries(FILES.map((name) => [name, existsSync(join(dir, name)) ? mode(join(dir, name)).toString(8) : 'absent']));
const allPrivate = Object.fromEntries(FILES.map((name) => [name, '600']));

let root: string;
let umask: number;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tollgate-modes-'));
  umask = process.umask(0);
});
afterEach(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

/** Starts Tollgate on `dataDir`, runs `body` while it serves, and stops it. */
async function serving(dataDir: string, body: () => void | Promise<void>): Promise<void> {
  const tollgate = await startTollgate({ host: '127.0.0.1', port: 0, dataDir, log: silentLog });
  try {
    await body();
  } finally {
    await tollgate.close();
  }
}

test('in a data directory that already exists, every file is created 0600 and the directory keeps its mode', async () => {
  const dataDir = join(root, 'existing');
  mkdirSync(dataDir, { mode: 0o755 });
  await serving(dataDir, () => {
    assert.deepEqual(modes(dataDir), allPrivate);
    assert.equal(mode(dataDir), 0o755);
  });
});

test('a data directory Tollgate makes is 0700, parents it makes included, with every file 0600', async () => {
  const dataDir = join(root, 'made', 'by', 'tollgate');
  await serving(dataDir, () => {
    assert.deepEqual(modes(dataDir), allPrivate);
    for (const dir of [join(root, 'made'), join(root, 'made', 'by'), dataDir]) assert.equal(mode(dir).toString(8), '700', dir);
  });
});

test('files found readable by others are restricted to their owner at the next start, which says so', async () => {
  const dataDir = join(root, 'loosened');
  mkdirSync(dataDir, { mode: 0o755 });
  await serving(dataDir, () => undefined);
  // What an older Tollgate (or a copy) left: files readable by all, and a -wal and -shm left by a crash
  // (empty ones, which SQLite takes as no log).
  for (const name of ['tollgate.db-wal', 'tollgate.db-shm']) writeFileSync(join(dataDir, name), '');
  for (const name of FILES) chmodSync(join(dataDir, name), name === 'master.key' ? 0o644 : 0o666);
  const said: string[] = [];
  const runtime = await openRuntime(dataDir, { onRestricted: (file, formerMode) => said.push(`${file} ${formerMode.toString(8)}`) });
  try {
    assert.deepEqual(modes(dataDir), allPrivate);
    assert.deepEqual(said.sort(), FILES.map((name) => `${join(dataDir, name)} ${name === 'master.key' ? '644' : '666'}`).sort());
  } finally {
    await runtime.store.close();
  }
});
