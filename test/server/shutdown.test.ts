// Issue #11 item 6: SIGTERM and SIGINT finish while idle keep-alive connections are open (every SDK and
// boto3 keeps one): stop accepting, close idle connections at once, let in-flight requests finish
// (bounded), flush the log, close the store, exit 0, within seconds, also under `npm start`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { App } from '../../src/server/app.ts';
import type { HttpResponse } from '../../src/server/http-exchange.ts';
import { listen } from '../../src/server/http-endpoint.ts';
import { DEFAULT_ACCOUNT_ID } from '../support/defaults.ts';
import { requireClient } from '../support/interop.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/tollgate.cjs');

/** Resolves with what `promise` gives, or rejects with `what` once `ms` have passed (a hang detector, not a speed target). */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** An app whose answers wait until the test releases them. */
function heldApp(): { app: App; held: () => number; release: () => void } {
  let waiting: (() => void)[] = [];
  const answer: HttpResponse = { status: 200, headers: { 'content-type': 'text/plain' }, body: 'done' };
  return {
    app: {
      handle: (request) => request.path === '/hold' ? new Promise((resolve) => waiting.push(() => resolve(answer))) : Promise.resolve(answer),
      drain: async () => {},
    },
    held: () => waiting.length,
    release: () => { for (const wake of waiting) wake(); waiting = []; },
  };
}

/** A client socket that, like a pooled idle connection nobody reads, never ends its side by itself. */
function openIdle(port: number): Promise<Socket & { received: () => string; ended: Promise<void> }> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    let text = '';
    socket.on('data', (chunk) => { text += chunk.toString('latin1'); });
    const ended = new Promise<void>((done) => { socket.once('end', () => done()); socket.once('close', () => done()); });
    socket.on('error', () => {});
    socket.once('connect', () => resolve(Object.assign(socket, { received: () => text, ended })));
  });
}

function get(path: string, extra = ''): string {
  return `GET ${path} HTTP/1.1\r\nHost: x\r\n${extra}\r\n`;
}

test('close(): idle connections of both paths close at once, the request in flight is answered, then close resolves', async () => {
  const { app, held, release } = heldApp();
  const server = await listen(app, '127.0.0.1', 0);
  const fastIdle = await openIdle(server.port);
  fastIdle.write(get('/'));
  const nodeIdle = await openIdle(server.port);
  nodeIdle.write(get('/', 'Expect: 100-continue\r\n')); // served by node:http from here on
  const silent = await openIdle(server.port); // connected, never sent a byte
  const busy = await openIdle(server.port);
  busy.write(get('/hold'));
  await within(5000, (async () => {
    while (!fastIdle.received().includes('done') || !nodeIdle.received().includes('done') || held() === 0) await new Promise((r) => setTimeout(r, 5));
  })(), 'first answers');

  const closed = server.close();
  await within(5000, Promise.all([fastIdle.ended, nodeIdle.ended, silent.ended]), 'idle connections closed while a request is in flight');
  assert.equal(held(), 1, 'the request in flight is still being answered');
  release();
  await within(5000, closed, 'close() once the request in flight was answered');
  await within(5000, busy.ended, 'the busy connection ends after its answer');
  assert.match(busy.received(), /^HTTP\/1\.1 200 OK\r\n[\s\S]*Connection: close\r\n\r\ndone$/);
  for (const socket of [fastIdle, nodeIdle, silent, busy]) socket.destroy();
});

test('close(grace): a request still in flight when the grace period ends is cut off, and close resolves', async () => {
  const { app, release } = heldApp();
  const server = await listen(app, '127.0.0.1', 0);
  const busy = await openIdle(server.port);
  busy.write(get('/hold'));
  await new Promise((r) => setTimeout(r, 50));
  await within(5000, server.close(100), 'close(100) with a request that never finishes');
  await within(5000, busy.ended, 'the connection of the unfinished request is closed');
  release();
  busy.destroy();
});

/** Starts a server process and resolves with its URL once it says where it listens. */
function started(child: ChildProcess): Promise<{ url: string; stdout: () => string }> {
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  return within(60_000, new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (m) resolve({ url: m[1]!, stdout: () => out });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
  }), 'server start');
}

function rootCredentials(dataDir: string): { accessKeyId: string; secretAccessKey: string } {
  const text = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  return { accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]! };
}

const IDLE_BOTO3 = `
import boto3, os, sys
sts = boto3.client('sts', endpoint_url=os.environ['TOLLGATE_URL'], region_name='us-east-1')
print(sts.get_caller_identity()['Arn'], flush=True)
sys.stdin.read()  # holds its pooled keep-alive connection open, unread
`;

/** boto3 makes one call and then keeps its idle keep-alive connection until its standard input ends. */
async function idleBoto3(python: string, url: string, dataDir: string): Promise<ChildProcess> {
  const child = spawn(python, ['-c', IDLE_BOTO3], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', TOLLGATE_URL: url, AWS_CONFIG_FILE: '/nonexistent', ...awsKeys(dataDir) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const arn = await within(30_000, new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`boto3 exited with ${code}: ${err}`)));
  }), 'boto3 call');
  assert.equal(arn, `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:root`);
  return child;
}

function awsKeys(dataDir: string): Record<string, string> {
  const { accessKeyId, secretAccessKey } = rootCredentials(dataDir);
  return { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey };
}

/** Idle keep-alive connections of the JavaScript SDK (which ends its side when the server does) and of boto3 (which does not). */
async function idleClients(python: string, url: string, dataDir: string): Promise<{ boto3: ChildProcess; sdk: STSClient }> {
  const sdk = new STSClient({ endpoint: url, region: 'us-east-1', credentials: rootCredentials(dataDir), maxAttempts: 1 });
  assert.equal((await sdk.send(new GetCallerIdentityCommand({}))).Account, DEFAULT_ACCOUNT_ID);
  return { boto3: await idleBoto3(python, url, dataDir), sdk };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The ids of the processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`tollgate serve: ${signal} with idle boto3 and SDK connections open exits 0 within seconds, the log flushed`, async (t) => {
    const python = await requireClient(t, 'boto3');
    if (python === undefined) return;
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-shutdown-'));
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let boto3: ChildProcess | undefined;
    try {
      const { url, stdout } = await started(child);
      const clients = await idleClients(python, url, dataDir);
      boto3 = clients.boto3;
      child.kill(signal);
      const { code } = await within(10_000, exited(child), `exit after ${signal}`);
      assert.equal(code, 0);
      const lines = stdout().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { operation?: string; userAgent?: string });
      assert.equal(lines.filter((line) => line.operation === 'GetCallerIdentity').length, 2, 'both calls are in the log');
      clients.sdk.destroy();
    } finally {
      boto3?.stdin!.end();
      boto3?.kill();
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('npm start: SIGTERM to npm reaches the server, which exits 0 with an idle connection open; no node process is left', async (t) => {
  const python = await requireClient(t, 'boto3');
  if (python === undefined) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-npm-start-'));
  const npm = spawn('npm', ['start', '--silent', '--', '--port', '0', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let boto3: ChildProcess | undefined;
  let server: number[] = [];
  try {
    const { url } = await started(npm);
    server = childrenOf(npm.pid!);
    assert.equal(server.length, 1, 'npm runs one process for the script');
    assert.match(readFileSync(`/proc/${server[0]}/cmdline`, 'utf8'), /^node\0/, 'the script\'s process is node itself, not a shell in between');
    ({ boto3 } = await idleClients(python, url, dataDir));
    npm.kill('SIGTERM');
    const { code } = await within(10_000, exited(npm), 'npm exit after SIGTERM');
    assert.equal(code, 0, 'npm reports the server\'s clean exit');
    await within(5000, (async () => { while (server.some(alive)) await new Promise((r) => setTimeout(r, 20)); })(), 'server process gone');
  } finally {
    boto3?.stdin!.end();
    boto3?.kill();
    for (const pid of server) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (npm.exitCode === null) npm.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
