/**
 * `npm run bench:api`: signed iam:GetUser, sts:GetCallerIdentity and eks:DescribeCluster by an IAM
 * user with 10 attached managed policies (one of them holds the deciding statement), and
 * eks:DescribeCluster with the temporary credentials of an assumed role, against `tollgate serve` in
 * its own process, at concurrency 16 with keep-alive; and in the same run a bare node:http server
 * answering a constant, for the ratio. Prints a table, or with `--json` one JSON object per workload:
 * {"name","rps","p50_ms","p99_ms","baseline_rps","ratio"}.
 *
 * A SigV4 signature stays valid for 15 minutes and carries no nonce, so each workload signs its request
 * once and the load generator replays it (as a client retrying would).
 *
 * This machine's speed drifts by tens of percent within seconds (shared cores), so the time of each
 * workload and of the bare server is cut into `--rounds` slices run in turn: the ratio compares like
 * with like. A workload's req/s is its requests over its time in all rounds, and its p50 and p99 are
 * those of all its requests (autocannon's latency histograms of its slices, merged). `--slices`
 * prints each slice's figures to stderr. The server logs as `npm start` does, to a file (as one
 * redirects it), not into this process, which generates the load. `--store postgres` compares SQLite
 * with PostgreSQL, one process and two, instead (bench/postgres-bench.ts).
 *
 * The audit trail: every workload also runs, in the same rounds, against a second server started with
 * `--trail-max-events 0` (the trail off); the table gives both and the ratio on/off (target ≥ 0.9).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { signRequest } from '../src/sigv4/index.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '16' }, rounds: { type: 'string', default: '10' }, only: { type: 'string' }, slices: { type: 'boolean', default: false }, store: { type: 'string', default: 'sqlite' } } });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const bin = fileURLToPath(new URL('../bin/tollgate.cjs', import.meta.url));
if (values.store === 'postgres') {
  // `--store postgres`: SQLite against PostgreSQL, one process and two (bench/postgres-bench.ts).
  const { postgresBench } = await import('./postgres-bench.ts');
  await postgresBench({ seconds, rounds, connections, json: values.json });
  process.exit(0);
} else if (values.store !== 'sqlite') {
  throw new Error(`--store is sqlite or postgres, not ${values.store}`);
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = pattern.exec(seen);
      if (!m) return;
      // Stop reading here: the request log that follows is long, and matching it would load this process.
      child.stdout!.off('data', onData);
      resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${seen}`)));
  });
}

async function startTollgate(dataDir: string, extra: readonly string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  // Started as `npm start` starts it (package.json), with its V8 flag.
  const child = spawn(process.execPath, ['--max-semi-space-size=32', ...(process.env['TOLLGATE_BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['TOLLGATE_BENCH_PROFILE']}`] : []), bin, 'serve', '--port', '0', '--data-dir', dataDir, ...extra, ...(process.env['TOLLGATE_BENCH_QUIET'] ? ['--log-level', 'silent'] : [])], { stdio: ['ignore', log, 'inherit'] });
  closeSync(log);
  let exited = false;
  child.once('exit', () => { exited = true; });
  for (;;) {
    const m = /listening on (http:\/\/\S+)\n/.exec(readFileSync(logFile, 'utf8').slice(0, 4096));
    if (m) return { child, url: m[1]! };
    if (exited) throw new Error(`server exited: ${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startBaseline(): Promise<{ child: ChildProcess; url: string }> {
  const source = `
    const body = '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/bench</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>';
    const server = require('node:http').createServer({ keepAlive: true }, (req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) }); res.end(body); }); });
    server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  return { child, url: await waitForLine(child, /listening on (http:\/\/\S+)\n/) };
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const CLUSTER = 'team-9-prod';
const REGION = 'us-west-2';

/**
 * Creates user `bench` with 10 attached customer managed policies and an access key, the cluster
 * CLUSTER, and role `EKSReadOnly` (trusting `bench`, allowed eks:DescribeCluster); answers the user's
 * key and the temporary credentials of a session of the role.
 */
async function prepare(url: string, dataDir: string): Promise<{ user: Credentials; session: Credentials }> {
  const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  const root = { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
  const iam = new IAMClient({ endpoint: url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
  await iam.send(new CreateUserCommand({ UserName: 'bench' }));
  for (let i = 0; i < 10; i++) {
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['eks:Describe*', 'eks:List*'], Resource: `arn:aws:eks:*:111122223333:cluster/team-${i}-*` },
        { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: i === 9 ? 'arn:aws:iam::111122223333:user/*' : `arn:aws:iam::111122223333:role/team-${i}/*` },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::team-${i}/*`, Condition: { StringEquals: { 'aws:ResourceTag/team': `team-${i}` } } },
      ],
    });
    const policy = await iam.send(new CreatePolicyCommand({ PolicyName: `Team${i}`, PolicyDocument: document }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bench', PolicyArn: policy.Policy!.Arn! }));
  }
  await iam.send(new PutUserPolicyCommand({
    UserName: 'bench', PolicyName: 'AssumeEKSReadOnly',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/EKSReadOnly' }] }),
  }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'bench' }));
  const user = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };

  const clusterRole = await iam.send(new CreateRoleCommand({
    RoleName: 'eks-cluster-role',
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));
  const eks = new EKSClient({ endpoint: url, region: REGION, credentials: root, maxAttempts: 1 });
  await eks.send(new CreateClusterCommand({ name: CLUSTER, roleArn: clusterRole.Role!.Arn!, resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] } }));

  await iam.send(new CreateRoleCommand({
    RoleName: 'EKSReadOnly',
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bench' }, Action: 'sts:AssumeRole' }] }),
  }));
  await iam.send(new PutRolePolicyCommand({
    RoleName: 'EKSReadOnly', PolicyName: 'Describe',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: `arn:aws:eks:${REGION}:111122223333:cluster/*` }] }),
  }));
  const sts = new STSClient({ endpoint: url, region: 'us-east-1', credentials: user, maxAttempts: 1 });
  const assumed = (await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/EKSReadOnly', RoleSessionName: 'bench', DurationSeconds: 3600 }))).Credentials!;
  return { user, session: { accessKeyId: assumed.AccessKeyId!, secretAccessKey: assumed.SecretAccessKey!, sessionToken: assumed.SessionToken! } };
}

interface Signed {
  readonly method: 'POST' | 'GET';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

function signedQuery(url: string, service: 'iam' | 'sts', body: string, credentials: Credentials): Signed {
  const host = new URL(url).host;
  const { request } = signRequest({
    method: 'POST', path: '/', body, credentials, region: 'us-east-1', service, time: Date.now(),
    headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  return { method: 'POST', path: '/', headers: { ...request.headers }, body };
}

function signedDescribeCluster(url: string, credentials: Credentials): Signed {
  const host = new URL(url).host;
  const path = `/clusters/${CLUSTER}`;
  const { request } = signRequest({ method: 'GET', path, body: '', credentials, region: REGION, service: 'eks', time: Date.now(), headers: { host } });
  return { method: 'GET', path, headers: { ...request.headers } };
}

/** What autocannon answers for one slice with `skipAggregateResult` (its histograms still encoded). */
interface RawSlice { readonly totalCompletedRequests: number; readonly duration: number; readonly errors: number; readonly timeouts: number; readonly non2xx: number }
/** The part of autocannon's aggregated result read here. */
interface Aggregated { readonly latency: { readonly p50: number; readonly p99: number } }
const aggregateResult = (autocannon as unknown as { aggregateResult(results: readonly RawSlice[], options: object): Aggregated }).aggregateResult;
/** The latency percentiles of `slices` together (autocannon's options check wants a url; it reads nothing else of it). */
const aggregate = (slices: readonly RawSlice[]): Aggregated => aggregateResult(slices, { url: 'http://127.0.0.1', connections });

async function load(url: string, request: Signed, duration: number): Promise<RawSlice> {
  const result = await autocannon({ url: new URL(request.path, url).href, connections, duration, pipelining: 1, method: request.method, headers: request.headers, skipAggregateResult: true, ...(request.body === undefined ? {} : { body: request.body }) });
  return result as unknown as RawSlice;
}

/** The slices of one workload taken together: requests over time, percentiles of all requests. */
function total(slices: readonly RawSlice[]): { rps: number; p50: number; p99: number; errors: number } {
  const requests = slices.reduce((sum, s) => sum + s.totalCompletedRequests, 0);
  const time = slices.reduce((sum, s) => sum + s.duration, 0);
  const { latency } = aggregate(slices);
  return { rps: Math.round(requests / time), p50: latency.p50, p99: latency.p99, errors: slices.reduce((sum, s) => sum + s.errors + s.timeouts + s.non2xx, 0) };
}

function report(round: number, name: string, slice: RawSlice): void {
  if (!values.slices) return;
  const { latency } = aggregate([slice]);
  console.error(`round ${round} ${name}: ${Math.round(slice.totalCompletedRequests / slice.duration)} req/s, p50 ${latency.p50} ms, p99 ${latency.p99} ms`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
const offDir = mkdtempSync(join(tmpdir(), 'tollgate-bench-off-'));
const tollgate = await startTollgate(dataDir);
const trailOff = await startTollgate(offDir, ['--trail-max-events', '0']);
const baseline = await startBaseline();
/** The four workloads against one server. */
async function workloadsOf(url: string, dir: string): Promise<[string, Signed][]> {
  const { user, session } = await prepare(url, dir);
  return [
    ['iam:GetUser', signedQuery(url, 'iam', 'Action=GetUser&Version=2010-05-08&UserName=bench', user)],
    ['sts:GetCallerIdentity', signedQuery(url, 'sts', 'Action=GetCallerIdentity&Version=2011-06-15', user)],
    ['eks:DescribeCluster', signedDescribeCluster(url, user)],
    ['eks:DescribeCluster (role)', signedDescribeCluster(url, session)],
  ];
}
try {
  const workloads = await workloadsOf(tollgate.url, dataDir);
  const offWorkloads = await workloadsOf(trailOff.url, offDir);
  if (values.only !== undefined) {
    const pattern = new RegExp(values.only); // `--only DescribeCluster`: just the matching workloads (for profiling)
    workloads.splice(0, workloads.length, ...workloads.filter(([name]) => pattern.test(name)));
    offWorkloads.splice(0, offWorkloads.length, ...offWorkloads.filter(([name]) => pattern.test(name)));
  }
  for (const [url, name, request] of [...workloads.map(([n, r]) => [tollgate.url, n, r] as const), ...offWorkloads.map(([n, r]) => [trailOff.url, n, r] as const)]) {
    const response = await fetch(new URL(request.path, url), { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
    if (response.status !== 200) throw new Error(`${name}: warm-up answered ${response.status}: ${await response.text()}`);
  }
  const bare: Signed = { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity' };
  const slice = seconds / rounds;
  const baseSlices: RawSlice[] = [];
  const workloadSlices = workloads.map((): RawSlice[] => []);
  const offSlices = workloads.map((): RawSlice[] => []);
  for (let round = 0; round < rounds; round++) {
    baseSlices.push(await load(baseline.url, bare, slice));
    report(round, 'bare node:http', baseSlices[round]!);
    for (const [i, [name, request]] of workloads.entries()) {
      workloadSlices[i]!.push(await load(tollgate.url, request, slice));
      report(round, name, workloadSlices[i]![round]!);
      offSlices[i]!.push(await load(trailOff.url, offWorkloads[i]![1], slice));
      report(round, `${name} (trail off)`, offSlices[i]![round]!);
    }
  }
  const base = total(baseSlices);
  const rows = [];
  for (const [i, [name]] of workloads.entries()) {
    const r = total(workloadSlices[i]!);
    const off = total(offSlices[i]!);
    if (r.errors > 0 || off.errors > 0) throw new Error(`${name}: ${r.errors + off.errors} failed requests`);
    rows.push({ name, rps: r.rps, p50_ms: r.p50, p99_ms: r.p99, baseline_rps: base.rps, ratio: Number((r.rps / base.rps).toFixed(3)), trail_off_rps: off.rps, trail_ratio: Number((r.rps / off.rps).toFixed(3)) });
  }
  if (values.json) for (const row of rows) console.log(JSON.stringify(row));
  else {
    console.log(`concurrency ${connections}, ${seconds} s per workload in ${rounds} interleaved rounds, keep-alive; bare node:http server: ${base.rps} req/s (p50 ${base.p50} ms, p99 ${base.p99} ms)`);
    console.log('workload                      req/s   p50 ms   p99 ms   ratio to bare node:http   trail off req/s   trail on/off');
    for (const r of rows) console.log(`${r.name.padEnd(28)} ${String(r.rps).padStart(7)} ${String(r.p50_ms).padStart(8)} ${String(r.p99_ms).padStart(8)}   ${`${(r.ratio * 100).toFixed(1)}%`.padStart(23)}   ${String(r.trail_off_rps).padStart(15)}   ${(r.trail_ratio * 100).toFixed(1)}%`);
    console.log('targets: ratio ≥ 50%, p99 < 5 ms; trail on/off ≥ 90%');
  }
} finally {
  tollgate.child.kill('SIGTERM');
  trailOff.child.kill('SIGTERM');
  baseline.child.kill('SIGTERM');
  const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)));
  await exited(tollgate.child);
  await exited(trailOff.child);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(offDir, { recursive: true, force: true });
}
