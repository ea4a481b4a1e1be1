/**
 * `npm run bench:trail`: the audit trail's read side. 1,000,000 events are stored in a fresh data
 * directory's trail (200 event names, 1,000 users, over the last 80 days), then a `tollgate serve` in
 * its own process answers LookupEvents from the SDK v3 CloudTrail client, filtered by EventName and by
 * Username (50 lookups each, MaxResults 50; target p50 < 50 ms); then `tollgate why REQUEST_ID` of a
 * recorded denial is timed from exec of the command (bin/tollgate.cjs, run by its first line as a user runs it) to exit (5 runs; target < 200 ms wall). `--events N` changes the
 * count. The trail's write side is measured by `npm run bench:api` (trail on against trail off).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { TrailEventRecord } from '../src/store/trail-records.ts';

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' } } });
const total = Number(values.events);
const bin = fileURLToPath(new URL('../bin/tollgate.cjs', import.meta.url));
const ACCOUNT = '111122223333';
const NAMES = Array.from({ length: 200 }, (_, i) => `Operation${i}`);
const USERS = Array.from({ length: 1000 }, (_, i) => `user-${i}`);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir, '--log-level', 'silent'], { stdio: ['ignore', log, 'inherit'] });
  closeSync(log);
  for (;;) {
    const m = /listening on (http:\/\/\S+)\n/.exec(readFileSync(logFile, 'utf8').slice(0, 4096));
    if (m) return { child, url: m[1]! };
    if (child.exitCode !== null) throw new Error(`server exited: ${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-trail-bench-'));
let running: ChildProcess | undefined;
try {
  // The server creates the data directory and its account; the events go in while it is stopped.
  let server = await serve(dataDir);
  running = server.child;
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  const store = await openSqliteStore({ file: join(dataDir, 'tollgate.db') });
  const now = Date.now();
  const span = 80 * 24 * 3_600_000;
  let filled = performance.now();
  for (let start = 0; start < total; start += 5000) {
    const batch: TrailEventRecord[] = [];
    for (let i = start; i < Math.min(total, start + 5000); i++) {
      const name = NAMES[i % NAMES.length]!;
      const user = USERS[(i * 7) % USERS.length]!;
      const time = new Date(now - span + Math.floor((i / total) * span));
      const event = JSON.stringify({ eventVersion: '1.08', userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/${user}`, accountId: ACCOUNT, userName: user }, eventTime: time.toISOString(), eventSource: 'iam.amazonaws.com', eventName: name, awsRegion: 'us-east-1', requestID: `req-${i}`, eventID: `evt-${i}` });
      batch.push({ accountId: ACCOUNT, region: 'us-east-1', eventId: `evt-${i}`, requestId: `req-${i}`, eventTime: time, eventName: name, eventSource: 'iam.amazonaws.com', username: user, accessKeyId: `AKIA${String(i % 5000).padStart(16, '0')}`, readOnly: i % 3 !== 0, resources: [{ type: 'AWS::IAM::User', name: user }], event, decision: undefined });
    }
    await store.trail.append(batch);
  }
  filled = performance.now() - filled;
  await store.close();
  console.log(`${total} events stored in ${(filled / 1000).toFixed(1)} s`);

  server = await serve(dataDir);
  running = server.child;
  const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  const root = { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
  const trail = new CloudTrailClient({ endpoint: server.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
  for (const key of ['EventName', 'Username'] as const) {
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const value = key === 'EventName' ? NAMES[(i * 13) % NAMES.length]! : USERS[(i * 37) % USERS.length]!;
      const t = performance.now();
      const { Events } = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: key, AttributeValue: value }], MaxResults: 50 }));
      times.push(performance.now() - t);
      if (Events?.length !== Math.min(50, key === 'EventName' ? total / NAMES.length : total / USERS.length)) throw new Error(`${key}=${value}: ${Events?.length} events`);
    }
    times.sort((a, b) => a - b);
    console.log(`LookupEvents by ${key.padEnd(9)} over ${total} events: p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms (target p50 < 50 ms)`);
  }

  // A denial to explain: a user without policies lists users.
  const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
  await iam.send(new CreateUserCommand({ UserName: 'why-bench' }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'why-bench' }))).AccessKey!;
  const denied = await new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, maxAttempts: 1 })
    .send(new ListUsersCommand({})).then(() => { throw new Error('expected a denial'); }, (error: { $metadata: { requestId: string } }) => error.$metadata.requestId);
  server.child.kill('SIGTERM'); // the trail is written by the time it exits
  await new Promise((r) => server.child.once('exit', r));
  const walls: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await new Promise<void>((resolve, reject) => execFile(bin, ['why', denied, '--data-dir', dataDir], (error, stdout) => (error ? reject(error) : stdout.includes('Fix (verified') ? resolve() : reject(new Error(stdout)))));
    walls.push(performance.now() - t);
  }
  walls.sort((a, b) => a - b);
  console.log(`tollgate why (exec to exit, ${total} events in the trail): median ${percentile(walls, 0.5).toFixed(0)} ms, min ${walls[0]!.toFixed(0)} ms (target < 200 ms)`);
} finally {
  if (running !== undefined && running.exitCode === null) running.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
