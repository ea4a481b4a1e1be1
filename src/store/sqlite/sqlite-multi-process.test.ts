import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ACCOUNT } from '../conformance/fixtures.ts';
import { openSqliteStore } from './sqlite-store.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'tollgate-sqlite-processes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `script` (a .ts file beside this one) in a new Node process. */
function startChild(script: string, args: readonly string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, script), ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  /** Resolves once the child has printed a line equal to `line`. */
  const printed = (line: string) => new Promise<void>((resolve, reject) => {
    const check = () => { if (stdout.split('\n').includes(line)) resolve(); };
    child.stdout.on('data', check);
    check();
    void exited.then(() => reject(new Error(`child exited before printing \`${line}\`: ${stderr}`)));
  });
  return { child, exited, printed, stdout: () => stdout, stderr: () => stderr };
}

test('4 processes racing on a fresh file for a 2-key quota: migrations and the quota both hold; exactly 2 keys are added', async () => {
  const file = join(dir, 'race.db');
  const children = ['A', 'B', 'C', 'D'].map((name) => startChild('quota-race-child.ts', [file, name, '5']));
  await Promise.all(children.map((c) => c.printed('ready')));
  for (const c of children) c.child.stdin.end('go\n');
  let added = 0;
  for (const c of children) {
    assert.equal(await c.exited, 0, c.stderr());
    const report: unknown = JSON.parse(c.stdout().split('\n')[1] ?? '');
    assert.ok(typeof report === 'object' && report !== null && 'added' in report && typeof report.added === 'number');
    added += report.added;
  }
  assert.equal(added, 2);
  const store = await openSqliteStore({ file });
  try {
    assert.equal((await store.accessKeys.ofUser(ACCOUNT, 'AIDARACE0000000000001')).length, 2);
  } finally {
    await store.close();
  }
});

test('every write acknowledged before a SIGKILL is found afterwards', async () => {
  const file = join(dir, 'killed.db');
  const writer = startChild('acknowledged-writes-child.ts', [file]);
  await new Promise<void>((resolve, reject) => {
    writer.child.stdout.on('data', () => { if (writer.stdout().split('\n').length > 20) resolve(); });
    void writer.exited.then(() => reject(new Error(`writer exited early: ${writer.stderr()}`)));
  });
  writer.child.kill('SIGKILL');
  await writer.exited;
  const acknowledged = writer.stdout().split('\n').filter((line) => line !== '');
  const store = await openSqliteStore({ file });
  try {
    const names = new Set((await store.users.list(ACCOUNT)).map((u) => u.name));
    const missing = acknowledged.filter((name) => !names.has(name));
    assert.deepEqual(missing, []);
    assert.ok(acknowledged.length >= 20);
  } finally {
    await store.close();
  }
});
