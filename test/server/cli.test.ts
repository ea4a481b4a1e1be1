// The command-line contract of issue #3: `serve` and `accounts create`, run as real processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';

const bin = fileURLToPath(new URL('../../bin/tollgate.mjs', import.meta.url));

/** Starts `tollgate serve --port 0` and resolves with its URL once the banner says where it listens. */
function serve(dataDir: string): Promise<{ child: ChildProcess; url: string; banner: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let banner = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      banner += chunk.toString();
      const m = /^listening on (http:\/\/\S+)$/m.exec(banner);
      if (m) resolve({ child, url: m[1]!, banner });
    };
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
    assert.match(banner, new RegExp(`root credentials of account 111122223333 written to ${credentialsFile}`));
    assert.ok(banner.includes(`console: ${url}/console\n`), 'the banner prints the console\'s address');
    const text = readFileSync(credentialsFile, 'utf8');
    assert.match(text, /^\[default\]\naws_access_key_id = AKIA[A-Z2-7]{16}\naws_secret_access_key = \S{40}\n$/);
    assert.equal(statSync(credentialsFile).mode & 0o777, 0o600);
    const secret = /aws_secret_access_key = (\S+)/.exec(text)![1]!;
    assert.ok(!banner.includes(secret), 'the banner never shows the secret');
    const health = await (await fetch(`${url}/_tollgate/health`)).json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(health).sort(), ['services', 'store', 'uptimeSeconds', 'version']);
    assert.deepEqual(health['services'], ['iam', 'sts', 'eks']);

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
