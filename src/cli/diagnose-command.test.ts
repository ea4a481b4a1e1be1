// The command-line contract of `tollgate diagnose`: the text as an argument, after `-` or piped on
// standard input; `--json`; exit 2 with one line for text that holds no denial; and an offline path
// that loads neither the server nor the managed-policy catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnoseCommand, type DiagnoseIo } from './diagnose-command.ts';
import { main } from './main.ts';

const bin = fileURLToPath(new URL('../../bin/tollgate.cjs', import.meta.url));
const SEED = 'User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: iam:PassRole';
const CLI_TEXT = 'An error occurred (AccessDeniedException) when calling the CreateCluster operation: User: arn:aws:iam::111122223333:user/marymajor is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/eks-cluster-role because no identity-based policy allows the iam:PassRole action';

async function run(args: string[], io: Partial<DiagnoseIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await diagnoseCommand(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdinIsTTY: true, ...io });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

test('the text piped on standard input, with no argument or with `-`', () => {
  for (const args of [['diagnose', '--json'], ['diagnose', '--json', '-']]) {
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: `${CLI_TEXT}\n` });
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.equal(json['operation'], 'CreateCluster');
    assert.equal(json['action'], 'iam:PassRole');
  }
});

test('`--json` prints one object with exactly the contract\'s members', async () => {
  const { code, stdout } = await run(['--json', CLI_TEXT]);
  assert.equal(code, 0);
  assert.equal(stdout.trim().split('\n').length, 1);
  const json = JSON.parse(stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(json), ['principal', 'principalType', 'account', 'action', 'resource', 'operation', 'reason', 'explanation', 'fixes', 'verified']);
  assert.deepEqual(json['reason'], { effect: 'implicit', policyType: 'identity-based policy' });
  assert.deepEqual(Object.keys((json['fixes'] as object[])[0]!), ['where', 'policy']);
});

test('human output: what was denied, why, each fix with its JSON, and whether it was verified', async () => {
  const { code, stdout } = await run([SEED]);
  assert.equal(code, 0);
  assert.match(stdout, /^Denied {3}iam:PassRole\nCaller {3}arn:aws:iam::123456789012:user\/marymajor \(IAMUser, account 123456789012\)\n/);
  assert.match(stdout, /\nFix 1: inline policy TollgateDiagnose of IAM user marymajor: aws iam put-user-policy/);
  assert.match(stdout, /"Action": "iam:PassRole",\n\s+"Resource": "arn:aws:iam::123456789012:role\/\*"/);
  assert.match(stdout, /\nVerified: no \(pass --data-dir/);
});

test('an unquoted text arrives as words and is put back together', async () => {
  const { code, stdout } = await run(['--json', ...SEED.split(' ')]);
  assert.equal(code, 0);
  assert.equal((JSON.parse(stdout) as Record<string, unknown>)['principal'], 'arn:aws:iam::123456789012:user/marymajor');
});

test('--operation supplies the operation an SDK message leaves out', async () => {
  const text = 'AccessDeniedException: User: arn:aws:iam::111122223333:user/marymajor is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/node-role because no identity-based policy allows the iam:PassRole action';
  const { stdout } = await run(['--json', '--operation', 'CreateNodegroup', text]);
  const json = JSON.parse(stdout) as { operation: string; fixes: { policy: { Statement: { Condition: unknown }[] } }[] };
  assert.equal(json.operation, 'CreateNodegroup');
  assert.deepEqual(json.fixes[0]!.policy.Statement[0]!.Condition, { StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } });
});

test('text that holds no denial: exit 2 and one line saying what was expected', async () => {
  const { code, stdout, stderr } = await run(['hello world']);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(stderr.split('\n').filter(Boolean).length, 1);
  assert.match(stderr, /^tollgate diagnose: no access denial found in the text; expected an AWS access-denied message such as `User: arn:aws:iam::/);
});

test('no text at a terminal, unknown flags and a missing data directory are usage errors (exit 2)', async () => {
  assert.equal((await run([])).code, 2);
  assert.match((await run([])).stderr, /no denial text given\nusage: tollgate diagnose/);
  assert.equal((await run(['--bogus', SEED])).code, 2);
  const empty = mkdtempSync(join(tmpdir(), 'tollgate-diagnose-'));
  const missing = await run(['--data-dir', empty, SEED]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no Tollgate data directory at `.*` \(no tollgate\.db\)/);
  assert.equal((await run(['--help'])).code, 0);
});

test('`tollgate --help` lists diagnose, and main dispatches to it', async () => {
  const out: string[] = [];
  assert.equal(await main(['--help'], { stdout: (t) => out.push(t), stderr: () => undefined }), 0);
  assert.match(out.join(''), /\n {2}diagnose \[options\] \[text\.\.\.\]/);
  const json: string[] = [];
  assert.equal(await main(['diagnose', '--json', SEED], { stdout: (t) => json.push(t), stderr: () => undefined }), 0);
  assert.equal((JSON.parse(json.join('')) as Record<string, unknown>)['action'], 'iam:PassRole');
});

/** The modules `file` imports statically, transitively (dynamic `import()` is where the heavy path starts). */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/^import (?!type )[^;]*? from '(\.[^']+)';$/gm)) staticImports(resolve(dirname(file), m[1]!), seen);
  return seen;
}

test('the offline path loads neither the server, the store, the composition root nor the managed-policy catalogue', () => {
  const src = fileURLToPath(new URL('../', import.meta.url));
  const loaded = [...staticImports(fileURLToPath(new URL('./diagnose-command.ts', import.meta.url)))].map((f) => f.slice(src.length));
  assert.ok(loaded.includes('diagnose/parse-denial.ts'), loaded.join(' '));
  const heavy = loaded.filter((f) => f.startsWith('server/') || f.startsWith('store/') || f === 'main.ts' || f.includes('aws-managed-policy-catalog') || f.startsWith('services/'));
  assert.deepEqual(heavy, []);
});
