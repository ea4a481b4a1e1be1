import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';

const bin = fileURLToPath(new URL('../../bin/tollgate.cjs', import.meta.url));
const denied = {
  name: 'no-permission',
  provenance: 'derived',
  request: { principal: 'arn:aws:iam::111122223333:user/user_name', action: 'eks:DescribeCluster', resource: 'arn:aws:eks:us-west-2:111122223333:cluster/cluster_name' },
  expected: 'ImplicitlyDenied',
};

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }).then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }));
}

test('`-` reads the cases from standard input', () => {
  const result = spawnSync(process.execPath, [bin, 'policy', 'test', '-'], { encoding: 'utf8', input: `${JSON.stringify(denied)}\n` });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim().split('\n').at(-1), '1 passed, 0 failed');
});

test('`tollgate policy test` prints a result per case and a summary, exit 0 when all pass', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-'));
  const file = join(dir, 'cases.jsonl');
  writeFileSync(file, `${JSON.stringify(denied)}\n\n${JSON.stringify({ ...denied, name: 'no-expectation', expected: undefined })}\n`);
  const result = spawnSync(process.execPath, [bin, 'policy', 'test', file], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.deepEqual(JSON.parse(lines[0]!), {
    name: 'no-permission',
    decision: 'ImplicitlyDenied',
    blockedBy: ['identity'],
    message: 'User: arn:aws:iam::111122223333:user/user_name is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster/cluster_name because no identity-based policy allows the eks:DescribeCluster action',
    pass: true,
  });
  assert.equal(JSON.parse(lines[1]!).pass, undefined, '`pass` only when `expected` is given');
  assert.equal(lines[2], '1 passed, 0 failed');
});

test('a mismatch or a malformed case fails the run with exit 1, never a crash', async () => {
  const lines = [JSON.stringify({ ...denied, expected: 'Allowed' }), '{"name": "broken", ', JSON.stringify({ name: 'bad-policy', policies: { identity: [{ name: 'p', policy: { Statement: [] } }] }, request: denied.request, expected: 'Allowed' })];
  const result = await main(['policy', 'test', 'mem.jsonl'], { stdout: () => {}, stderr: () => {}, readFile: () => lines.join('\n') });
  assert.equal(result, 1);
  const out: string[] = [];
  await main(['policy', 'test', 'mem.jsonl'], { stdout: (t) => out.push(t), stderr: () => {}, readFile: () => lines.join('\n') });
  const results = out.join('').trim().split('\n');
  assert.equal(JSON.parse(results[0]!).pass, false);
  assert.match(JSON.parse(results[1]!).error, /^case is not valid JSON/);
  assert.equal(JSON.parse(results[2]!).error, 'Syntax errors in policy.');
  assert.equal(results[3], '0 passed, 3 failed');
});

test('usage errors exit 2', async () => {
  assert.equal((await run(['policy', 'test'])).code, 2);
  assert.equal((await run(['policy', 'test', '--bogus', 'x'])).code, 2);
  assert.equal((await run(['nope'])).code, 2);
  const missing = await run(['policy', 'test', '/nonexistent/cases.jsonl']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read `\/nonexistent\/cases.jsonl`: ENOENT/);
});

test('--explain adds the trace and a verified suggestion', async () => {
  const out: string[] = [];
  await main(['policy', 'test', '--explain', 'mem.jsonl'], { stdout: (t) => out.push(t), stderr: () => {}, readFile: () => JSON.stringify(denied) });
  const result = JSON.parse(out.join('').split('\n')[0]!);
  assert.equal(result.explanation.suggestion.verified, true);
});
