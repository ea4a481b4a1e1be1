// Every test file that drives an outside client (the AWS CLI, boto3, kubectl, Chromium) asks for it
// with requireClient (interop.ts), so that a machine without the client skips loudly and CI
// (TOLLGATE_REQUIRE_INTEROP=1) fails, rather than a test failing for want of a program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** What in a test's source means it runs an outside client. */
const USES_CLIENT = [
  /\brunAwsCli\(/,
  /\b(?:spawn|spawnSync|execFile|execFileSync|exec|execSync)\(\s*['"`](?:aws|python3?|\/usr\/bin\/python3|kubectl|chromium|\/usr\/bin\/chromium)\b/,
  /\bexecutablePath\b/,
];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules') return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return testFiles(path);
    return entry.endsWith('.test.ts') ? [path] : [];
  });
}

test('every test file that runs the AWS CLI, Python, kubectl or Chromium calls requireClient', () => {
  const files = ['src', 'test'].flatMap((dir) => testFiles(join(root, dir)));
  const users = files.filter((file) => USES_CLIENT.some((pattern) => pattern.test(readFileSync(file, 'utf8'))));
  assert.ok(users.length >= 5, `found only ${users.length} interop test files; the patterns no longer match the tests`);
  const unguarded = users.filter((file) => !readFileSync(file, 'utf8').includes('requireClient(')).map((file) => relative(root, file));
  assert.deepEqual(unguarded, [], 'these run an outside client without requireClient (test/support/interop.ts)');
});
