// The command-line contract (issues #3 and #11): `serve`, `accounts`, `reset`, help, version, settings from
// the environment, one-line errors, and the request log as a person or a program reads it; real processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { CreateClusterCommand, DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { main } from '../../src/cli/main.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../support/defaults.ts';

const bin = fileURLToPath(new URL('../../bin/tollgate.cjs', import.meta.url));

/** Starts `tollgate serve --port 0` and resolves with its URL once the banner says where it listens. */
function serve(dataDir: string): Promise<{ child: ChildProcess; url: string; banner: string }> {
  return serveWith([bin, 'serve', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn']);
}

/** Starts `node ARGS` (a serve command) with `env` added, and resolves once it says where it listens. */
function serveWith(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; banner: string; stdout: () => string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let banner = '';
  let stdout = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      banner += chunk.toString();
      const m = /^listening on (http:\/\/\S+)$/m.exec(banner);
      if (m) resolve({ child, url: m[1]!, banner, stdout: () => stdout });
    };
    child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${banner}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

test('serve: first start creates the account, writes root credentials 0600, serves, and stops on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  try {
    const { child, url, banner } = await serve(dataDir);
    const credentialsFile = join(dataDir, 'root-credentials');
    assert.match(banner, new RegExp(`root credentials of account ${ACCOUNT} written to ${credentialsFile}`));
    assert.ok(banner.includes(`console: ${url}/console\n`), 'the banner prints the console\'s address');
    const text = readFileSync(credentialsFile, 'utf8');
    assert.match(text, /^\[default\]\naws_access_key_id = AKIA[A-Z2-7]{16}\naws_secret_access_key = \S{40}\n$/);
    assert.equal(statSync(credentialsFile).mode & 0o777, 0o600);
    const secret = /aws_secret_access_key = (\S+)/.exec(text)![1]!;
    assert.ok(!banner.includes(secret), 'the banner never shows the secret');
    const health = await (await fetch(`${url}/_tollgate/health`)).json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(health).sort(), ['services', 'store', 'storeKind', 'storeReachable', 'uptimeSeconds', 'version']);
    assert.equal(health['storeKind'], 'sqlite');
    assert.equal(health['storeReachable'], true);
    assert.deepEqual(health['services'], ['iam', 'sts', 'eks', 'cloudtrail']);

    // A second account created by another process is seen by the running server at once.
    const created = spawnSync(process.execPath, [bin, 'accounts', 'create', '--data-dir', dataDir, '--id', '444455556666'], { encoding: 'utf8' });
    assert.equal(created.status, 0, created.stderr);
    const account = JSON.parse(created.stdout) as { AccountId: string; AccessKeyId: string; SecretAccessKey: string };
    assert.deepEqual(Object.keys(account), ['AccountId', 'AccessKeyId', 'SecretAccessKey']);
    assert.equal(account.AccountId, '444455556666');
    const sts = new STSClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: account.AccessKeyId, secretAccessKey: account.SecretAccessKey }, maxAttempts: 1 });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    assert.deepEqual({ Account: identity.Account, Arn: identity.Arn, UserId: identity.UserId }, { Account: '444455556666', Arn: 'arn:aws:iam::444455556666:root', UserId: '444455556666' });

    child.kill('SIGTERM');
    assert.equal(await exited(child), 0);
    const log = readFileSync(join(dataDir, 'tollgate.db'));
    assert.ok(!log.includes(Buffer.from(secret)), 'secrets are sealed at rest');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('accounts create: a duplicate or malformed id fails clearly with a non-zero exit', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  try {
    const first = spawnSync(process.execPath, [bin, 'accounts', 'create', '--data-dir', dataDir, '--id', '444455556666'], { encoding: 'utf8' });
    assert.equal(first.status, 0, first.stderr);
    const again = spawnSync(process.execPath, [bin, 'accounts', 'create', '--data-dir', dataDir, '--id', '444455556666'], { encoding: 'utf8' });
    assert.equal(again.status, 1);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /account `444455556666` already exists/);
    const bad = spawnSync(process.execPath, [bin, 'accounts', 'create', '--data-dir', dataDir, '--id', '12345'], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /account id `12345` is not 12 digits/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Runs `tollgate ARGS` as a process with `env` added; resolves with its exit status and output (never blocks this process's loop). */
function tollgate(args: string[], env: Record<string, string> = {}, options: { uid?: number; gid?: number } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs `main(argv)` in this process, capturing its output. */
async function inProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A one-line failure, as people should see it: `tollgate <command>: …`, no stack. */
function assertOneLineError(result: { status: number | null; stderr: string }, pattern: RegExp): void {
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, `one line: ${result.stderr}`);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.match(result.stderr, pattern);
}

function rootKeyOf(dataDir: string): { accessKeyId: string; secretAccessKey: string } {
  const text = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  return { accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]! };
}

const GIVEN = { TOLLGATE_ROOT_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', TOLLGATE_ROOT_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

test('--version prints the package version (the fast path of bin/ and the CLI itself alike)', async () => {
  const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const result = await tollgate([flag]);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${version}\n`);
  }
  assert.deepEqual(await inProcess(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
});

test('--help on every command and sub-command, and `help COMMAND`, exit 0 with usage on standard output', async () => {
  const commands = [[], ['serve'], ['accounts'], ['accounts', 'create'], ['accounts', 'list'], ['accounts', 'scp'], ['accounts', 'scp', 'list'], ['accounts', 'scp', 'put'], ['accounts', 'scp', 'delete'], ['reset'], ['policy'], ['policy', 'test']];
  for (const command of commands) {
    for (const flag of ['--help', '-h']) {
      const result = await inProcess([...command, flag]);
      assert.equal(result.code, 0, `${command.join(' ')} ${flag}: ${result.stderr}`);
      assert.match(result.stdout, new RegExp(`^Usage: tollgate${command.map((c) => ` ${c}`).join('')} `), command.join(' '));
    }
  }
  const serveHelp = (await inProcess(['help', 'serve'])).stdout;
  for (const variable of ['TOLLGATE_HOST', 'TOLLGATE_PORT', 'TOLLGATE_DATA_DIR', 'TOLLGATE_EKS_DELAY_SECONDS', 'TOLLGATE_LOG_FORMAT', 'TOLLGATE_ROOT_ACCESS_KEY_ID']) {
    assert.ok(serveHelp.includes(variable), `serve --help names ${variable}`);
  }
  const bare = await inProcess([]);
  assert.equal(bare.code, 2, 'no command is a usage error');
  assert.match(bare.stderr, /^Usage: tollgate /);
});

test('accounts list prints the account ids only; it does not create a data directory', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  try {
    const created = await tollgate(['accounts', 'create', '--data-dir', dataDir, '--id', '444455556666']);
    assert.equal(created.status, 0, created.stderr);
    const secret = (JSON.parse(created.stdout) as { SecretAccessKey: string }).SecretAccessKey;
    const listed = await tollgate(['accounts', 'list'], { TOLLGATE_DATA_DIR: dataDir });
    assert.equal(listed.status, 0, listed.stderr);
    assert.equal(listed.stdout, '444455556666\n');
    assert.ok(!listed.stdout.includes(secret) && !/AKIA/.test(listed.stdout), 'no key, no secret');
    const missing = await tollgate(['accounts', 'list', '--data-dir', join(dataDir, 'none')]);
    assertOneLineError(missing, /^tollgate accounts list: no Tollgate data in \S+\/none \(no tollgate\.db\)/);
    assert.ok(!existsSync(join(dataDir, 'none')));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a port in use, or a data directory that cannot be used, is one clear line and exit 1', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
  try {
    const port = String((taken.address() as AddressInfo).port);
    assertOneLineError(await tollgate(['serve', '--port', port, '--data-dir', dataDir]),
      new RegExp(`^tollgate serve: cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use`));

    writeFileSync(join(dataDir, 'a-file'), '');
    assertOneLineError(await tollgate(['serve', '--port', '0', '--data-dir', join(dataDir, 'a-file')]),
      /^tollgate serve: cannot use data directory \S+\/a-file: not a directory/);

    mkdirSync(join(dataDir, 'not-sqlite'));
    writeFileSync(join(dataDir, 'not-sqlite', 'tollgate.db'), 'this is not a database, just some text long enough to be read', { mode: 0o600 }); // private, as Tollgate keeps it: only the database error is said
    assertOneLineError(await tollgate(['serve', '--port', '0', '--data-dir', join(dataDir, 'not-sqlite')]),
      /^tollgate serve: cannot use data directory \S+\/not-sqlite: tollgate\.db is not a Tollgate database/);

    // Unwritable: a directory of another user's, for an unprivileged user (as root: run the command as `nobody`).
    const locked = join(dataDir, 'locked');
    mkdirSync(locked, { mode: 0o700 });
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(dataDir, 0o755);
    else chmodSync(locked, 0o500);
    const result = await tollgate(['serve', '--port', '0', '--data-dir', locked], { HOME: tmpdir() }, asRoot ? { uid: 65534, gid: 65534 } : {});
    assertOneLineError(result, /^tollgate serve: cannot use data directory \S+\/locked: permission denied/);
  } finally {
    taken.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('settings from the environment (TOLLGATE_HOST, _PORT, _DATA_DIR, _EKS_DELAY_SECONDS, _LOG_FORMAT); a flag wins', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  const ignored = join(dataDir, 'ignored');
  const env = { TOLLGATE_HOST: '127.0.0.1', TOLLGATE_PORT: '0', TOLLGATE_DATA_DIR: ignored, TOLLGATE_EKS_DELAY_SECONDS: '0', TOLLGATE_LOG_FORMAT: 'pretty', TOLLGATE_LOG_LEVEL: 'info' };
  const { child, url, stdout } = await serveWith([bin, 'serve', '--data-dir', dataDir], env);
  try {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(existsSync(join(dataDir, 'root-credentials')) && !existsSync(ignored), '--data-dir wins over TOLLGATE_DATA_DIR');
    const credentials = rootKeyOf(dataDir);
    const iam = new IAMClient({ endpoint: url, region: 'us-west-2', credentials, maxAttempts: 1 });
    await iam.send(new CreateRoleCommand({ RoleName: 'eks', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
    const eks = new EKSClient({ endpoint: url, region: 'us-west-2', credentials, maxAttempts: 1 });
    await eks.send(new CreateClusterCommand({ name: 'now', roleArn: `arn:aws:iam::${ACCOUNT}:role/eks`, resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] } }));
    assert.equal((await eks.send(new DescribeClusterCommand({ name: 'now' }))).cluster?.status, 'ACTIVE', 'TOLLGATE_EKS_DELAY_SECONDS=0: ACTIVE at once');
    // Pretty lines reach standard output while the server keeps running.
    const line = await waitFor(() => stdout().split('\n').find((l) => l.includes(' eks:DescribeCluster ')));
    assert.match(line, new RegExp(`^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} arn:aws:iam::${ACCOUNT}:root eks:DescribeCluster allowed 200 [\\d.]+ms {2}[0-9a-f-]{36}$`));
  } finally {
    child.kill('SIGTERM');
    await exited(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the JSON log: each line written while the server runs; a denial carries its reason and the statement missing', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  const { child, url, stdout } = await serveWith([bin, 'serve', '--port', '0', '--data-dir', dataDir]);
  try {
    const root = rootKeyOf(dataDir);
    const iam = new IAMClient({ endpoint: url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
    await iam.send(new CreateUserCommand({ UserName: 'nobody-allowed' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'nobody-allowed' }))).AccessKey!;
    const denied = await new IAMClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, maxAttempts: 1 })
      .send(new ListUsersCommand({})).then(() => undefined, (error: { $metadata: { requestId?: string } }) => error.$metadata.requestId);
    assert.ok(denied);
    const line = JSON.parse(await waitFor(() => stdout().split('\n').find((l) => l.includes(denied)))) as Record<string, unknown>;
    assert.equal(line['action'], 'iam:ListUsers');
    assert.equal(line['decision'], 'ImplicitlyDenied');
    assert.equal(line['reason'], 'because no identity-based policy allows the iam:ListUsers action');
    assert.equal(line['decidedBy'], 'missing: Allow iam:ListUsers on * in an identity-based policy');
  } finally {
    child.kill('SIGTERM');
    await exited(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('TOLLGATE_ROOT_ACCESS_KEY_ID/_SECRET_ACCESS_KEY: the root key on first start, checked on later ones; malformed or half given is refused', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  try {
    const first = await serveWith([bin, 'serve', '--port', '0', '--data-dir', dataDir], GIVEN);
    assert.match(first.banner, new RegExp(`root credentials of account ${ACCOUNT} \\(the key of TOLLGATE_ROOT_ACCESS_KEY_ID\\) written to `));
    assert.ok(!first.banner.includes(GIVEN.TOLLGATE_ROOT_SECRET_ACCESS_KEY));
    assert.deepEqual(rootKeyOf(dataDir), { accessKeyId: GIVEN.TOLLGATE_ROOT_ACCESS_KEY_ID, secretAccessKey: GIVEN.TOLLGATE_ROOT_SECRET_ACCESS_KEY });
    const sts = new STSClient({ endpoint: first.url, region: 'us-east-1', credentials: { accessKeyId: GIVEN.TOLLGATE_ROOT_ACCESS_KEY_ID, secretAccessKey: GIVEN.TOLLGATE_ROOT_SECRET_ACCESS_KEY }, maxAttempts: 1 });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:root`);
    first.child.kill('SIGTERM');
    assert.equal(await exited(first.child), 0);

    // The same key again: starts. Another key, or another secret, on this directory: refused, and why.
    const again = await serveWith([bin, 'serve', '--port', '0', '--data-dir', dataDir], GIVEN);
    again.child.kill('SIGTERM');
    assert.equal(await exited(again.child), 0);
    const otherKey = await tollgate(['serve', '--port', '0', '--data-dir', dataDir], { ...GIVEN, TOLLGATE_ROOT_ACCESS_KEY_ID: 'AKIAZZZZZZZZZZZZZZZZ' });
    assertOneLineError(otherKey, new RegExp(`^tollgate serve: AKIAZZZZZZZZZZZZZZZZ is not a root access key of account ${ACCOUNT} in \\S+\\. .*first start only.*tollgate reset --yes`));
    const otherSecret = await tollgate(['serve', '--port', '0', '--data-dir', dataDir], { ...GIVEN, TOLLGATE_ROOT_SECRET_ACCESS_KEY: 'x'.repeat(40) });
    assertOneLineError(otherSecret, /^tollgate serve: TOLLGATE_ROOT_SECRET_ACCESS_KEY is not the secret of AKIAIOSFODNN7EXAMPLE in /);

    const fresh = join(dataDir, 'fresh');
    for (const [env, pattern] of [
      [{ TOLLGATE_ROOT_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE' }, /go together: set both or neither/],
      [{ ...GIVEN, TOLLGATE_ROOT_ACCESS_KEY_ID: 'ASIAIOSFODNN7EXAMPLE' }, /TOLLGATE_ROOT_ACCESS_KEY_ID `ASIAIOSFODNN7EXAMPLE` is not an access key id/],
      [{ ...GIVEN, TOLLGATE_ROOT_ACCESS_KEY_ID: 'AKIAiosfodnn7example' }, /is not an access key id/],
      [{ ...GIVEN, TOLLGATE_ROOT_SECRET_ACCESS_KEY: 'too-short-secret' }, /TOLLGATE_ROOT_SECRET_ACCESS_KEY is not a secret access key: 40 characters .* \(it has 16\)/],
    ] as const) {
      const result = await tollgate(['serve', '--port', '0', '--data-dir', fresh], env);
      assertOneLineError(result, pattern);
      assert.ok(!result.stderr.includes('too-short-secret'), 'the secret is never repeated');
      assert.ok(!existsSync(fresh), 'nothing is created');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('reset: refused without --yes; with it, a running server sees a fresh default account at its next request and keeps serving', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  const { child, url } = await serveWith([bin, 'serve', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn']);
  try {
    const before = rootKeyOf(dataDir);
    const iam = (credentials: { accessKeyId: string; secretAccessKey: string }) => new IAMClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
    await iam(before).send(new CreateUserCommand({ UserName: 'temporary' }));
    assert.equal((await tollgate(['accounts', 'create', '--data-dir', dataDir, '--id', '444455556666'])).status, 0);

    const refused = await tollgate(['reset', '--data-dir', dataDir]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /run again with --yes/);
    assert.deepEqual((await iam(before).send(new ListUsersCommand({}))).Users?.map((u) => u.UserName), ['temporary'], 'nothing erased');

    const reset = await tollgate(['reset', '--yes'], { TOLLGATE_DATA_DIR: dataDir });
    assert.equal(reset.status, 0, reset.stderr);
    assert.match(reset.stdout, new RegExp(`every account erased; account ${ACCOUNT} created anew, its root credentials written to \\S+root-credentials`));
    const after = rootKeyOf(dataDir);
    assert.notEqual(after.accessKeyId, before.accessKeyId);
    const old = await iam(before).send(new ListUsersCommand({})).then(() => 'accepted', (error: Error) => error.name);
    assert.equal(old, 'InvalidClientTokenId', 'the old root key is gone at the next request');
    assert.deepEqual((await iam(after).send(new ListUsersCommand({}))).Users, [], 'the fresh account is empty');
    assert.equal((await tollgate(['accounts', 'list', '--data-dir', dataDir])).stdout, `${ACCOUNT}\n`);

    // With the root key variables, reset gives CI the same key every time.
    assert.equal((await tollgate(['reset', '--yes', '--data-dir', dataDir], GIVEN)).status, 0);
    assert.deepEqual(rootKeyOf(dataDir), { accessKeyId: GIVEN.TOLLGATE_ROOT_ACCESS_KEY_ID, secretAccessKey: GIVEN.TOLLGATE_ROOT_SECRET_ACCESS_KEY });
    const sts = new STSClient({ endpoint: url, region: 'us-east-1', credentials: rootKeyOf(dataDir), maxAttempts: 1 });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, ACCOUNT);
  } finally {
    child.kill('SIGTERM');
    assert.equal(await exited(child), 0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Polls `find` until it answers a line (a hang detector, not a speed target: lines come within 100 ms). */
async function waitFor(find: () => string | undefined): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 10) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the log line never came');
}

test('on a terminal, the log is for people by default: one coloured line per request', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  // `script` (util-linux) runs the server with a pseudo-terminal as its standard output.
  const command = [process.execPath, bin, 'serve', '--port', '0', '--data-dir', dataDir].map((word) => `'${word}'`).join(' ');
  const terminal = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '' } });
  let seen = '';
  terminal.stdout.on('data', (chunk: Buffer) => { seen += chunk.toString(); });
  try {
    const url = /listening on (http:\/\/\S+)\r?\n/.exec(await waitFor(() => (/listening on http:\/\/\S+\r?\n/.test(seen) ? seen : undefined)))![1]!;
    const sts = new STSClient({ endpoint: url, region: 'us-east-1', credentials: rootKeyOf(dataDir), maxAttempts: 1 });
    await sts.send(new GetCallerIdentityCommand({}));
    const ESC = String.fromCharCode(27);
    const line = await waitFor(() => seen.split('\n').find((l) => l.includes(' sts:GetCallerIdentity ')));
    assert.ok(line.includes(` sts:GetCallerIdentity ${ESC}[32mallowed${ESC}[39m 200 `), JSON.stringify(line));
    assert.ok(!line.includes('{"level"'), 'not JSON');
  } finally {
    for (const pid of serverPids(dataDir)) process.kill(pid, 'SIGTERM');
    await new Promise((resolve) => terminal.once('close', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** The ids of the `tollgate serve` processes on `dataDir` (from /proc). */
function serverPids(dataDir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0] === process.execPath && args.includes('serve') && args.includes(dataDir)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
