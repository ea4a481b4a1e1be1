/**
 * `npm run bench:api -- --store postgres`: signed iam:GetUser and eks:DescribeCluster (reads) and
 * iam:CreateUser (writes) against one `tollgate serve` on SQLite, one on PostgreSQL, and two on the same
 * PostgreSQL database with the clients spread evenly over both, in one run on one machine. PostgreSQL
 * is a throwaway cluster (test/support/postgres-cluster.ts; its server binaries must be installed).
 *
 * Reads replay one signed request per process (a SigV4 signature carries no nonce), at `--connections`
 * with keep-alive, the time of each cut into `--rounds` interleaved slices (this machine's speed drifts).
 * Writes sign each CreateUser anew (new user names), `--connections` at a time. Prints a table with the
 * ratios the issue sets targets for, and the core count: the load generator (autocannon, in this
 * process) shares the cores with the servers and PostgreSQL, which caps the two-process figure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { signRequest } from '../src/sigv4/index.ts';
import { postgresSkipReason, startPostgresCluster } from '../test/support/postgres-cluster.ts';

const bin = fileURLToPath(new URL('../bin/tollgate.cjs', import.meta.url));
const MASTER_KEY = 'd'.repeat(64);
const CLUSTER = 'team-9-prod';
const REGION = 'us-west-2';

type Credentials = { accessKeyId: string; secretAccessKey: string };
interface Server { readonly child: ChildProcess; readonly url: string; readonly dataDir: string }
interface RawSlice { readonly totalCompletedRequests: number; readonly duration: number; readonly errors: number; readonly timeouts: number; readonly non2xx: number }
const aggregateResult = (autocannon as unknown as { aggregateResult(results: readonly RawSlice[], options: object): { latency: { p99: number } } }).aggregateResult;

async function serve(database: string | undefined): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-pgbench-'));
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  // TOLLGATE_BENCH_PROFILE=DIR: each server writes a V8 CPU profile there when it exits (as bench/api-bench.ts).
  const profile = process.env['TOLLGATE_BENCH_PROFILE'];
  const args = ['--max-semi-space-size=32', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), bin, 'serve', '--port', '0', '--data-dir', dataDir, ...(database === undefined ? [] : ['--database', database])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', log, log], env: { ...process.env, TOLLGATE_MASTER_KEY: MASTER_KEY } });
  closeSync(log);
  let exited = false;
  child.once('exit', () => { exited = true; });
  for (;;) {
    const m = /listening on (http:\/\/\S+)\n/.exec(readFileSync(logFile, 'utf8').slice(0, 4096));
    if (m) return { child, url: m[1]!, dataDir };
    if (exited) throw new Error(`server exited: ${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function rootOf(server: Server): Credentials {
  const file = readFileSync(join(server.dataDir, 'root-credentials'), 'utf8');
  return { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
}

/** User `bench` allowed iam:GetUser and eks:DescribeCluster, and cluster CLUSTER; answers the user's key. */
async function prepare(server: Server, root: Credentials): Promise<Credentials> {
  const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
  await iam.send(new CreateUserCommand({ UserName: 'bench' }));
  await iam.send(new PutUserPolicyCommand({
    UserName: 'bench', PolicyName: 'read',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'eks:DescribeCluster'], Resource: '*' }] }),
  }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bench' }))).AccessKey!;
  const role = await iam.send(new CreateRoleCommand({
    RoleName: 'eks-cluster-role',
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));
  const eks = new EKSClient({ endpoint: server.url, region: REGION, credentials: root, maxAttempts: 1 });
  await eks.send(new CreateClusterCommand({ name: CLUSTER, roleArn: role.Role!.Arn!, resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] } }));
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

interface Signed { readonly method: 'POST' | 'GET'; readonly path: string; readonly headers: Record<string, string>; readonly body?: string }

function signed(url: string, workload: 'iam:GetUser' | 'eks:DescribeCluster', credentials: Credentials): Signed {
  const host = new URL(url).host;
  if (workload === 'iam:GetUser') {
    const body = 'Action=GetUser&Version=2010-05-08&UserName=bench';
    const { request } = signRequest({ method: 'POST', path: '/', body, credentials, region: 'us-east-1', service: 'iam', time: Date.now(), headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
    return { method: 'POST', path: '/', headers: { ...request.headers }, body };
  }
  const path = `/clusters/${CLUSTER}`;
  const { request } = signRequest({ method: 'GET', path, body: '', credentials, region: REGION, service: 'eks', time: Date.now(), headers: { host } });
  return { method: 'GET', path, headers: { ...request.headers } };
}

async function load(url: string, request: Signed, connections: number, duration: number): Promise<RawSlice> {
  const result = await autocannon({ url: new URL(request.path, url).href, connections, duration, pipelining: 1, method: request.method, headers: request.headers, skipAggregateResult: true, ...(request.body === undefined ? {} : { body: request.body }) });
  return result as unknown as RawSlice;
}

/** CreateUser, each signed anew, `connections` at a time for `seconds`, spread over `servers`; answers writes/s and p99 ms. */
async function writes(servers: readonly Server[], root: Credentials, connections: number, seconds: number, prefix: string): Promise<{ rps: number; p99: number; errors: number }> {
  const end = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const worker = async (server: Server) => {
    const host = new URL(server.url).host;
    while (Date.now() < end) {
      const body = `Action=CreateUser&Version=2010-05-08&UserName=${prefix}-${++n}`;
      const { request } = signRequest({ method: 'POST', path: '/', body, credentials: root, region: 'us-east-1', service: 'iam', time: Date.now(), headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
      const begin = performance.now();
      const response = await fetch(new URL('/', server.url), { method: 'POST', headers: request.headers, body });
      await response.arrayBuffer();
      latencies.push(performance.now() - begin);
      if (response.status !== 200) errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, i) => worker(servers[i % servers.length]!)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: Math.round(latencies.length / elapsed), p99: Number((latencies[Math.floor(latencies.length * 0.99)] ?? 0).toFixed(2)), errors };
}

/** Runs the comparison and prints it. */
export async function postgresBench(options: { seconds: number; rounds: number; connections: number; json: boolean }): Promise<void> {
  const skip = postgresSkipReason();
  if (skip !== undefined) throw new Error(skip);
  const cluster = await startPostgresCluster();
  const servers: Server[] = [];
  try {
    const sqlite = await serve(undefined);
    servers.push(sqlite);
    const pgOne = await serve(cluster.url);
    servers.push(pgOne);
    const pgTwo = await serve(cluster.url);
    servers.push(pgTwo);
    const sqliteUser = await prepare(sqlite, rootOf(sqlite));
    const pgRoot = rootOf(pgOne);
    const pgUser = await prepare(pgOne, pgRoot);
    const setups: { name: string; targets: { server: Server; user: Credentials }[] }[] = [
      { name: 'sqlite, 1 process', targets: [{ server: sqlite, user: sqliteUser }] },
      { name: 'postgres, 1 process', targets: [{ server: pgOne, user: pgUser }] },
      { name: 'postgres, 2 processes', targets: [{ server: pgOne, user: pgUser }, { server: pgTwo, user: pgUser }] },
    ];
    const workloads = ['iam:GetUser', 'eks:DescribeCluster'] as const;
    const slices = new Map<string, RawSlice[]>();
    const slice = options.seconds / options.rounds;
    for (let round = 0; round < options.rounds; round += 1) {
      for (const setup of setups) {
        for (const workload of workloads) {
          const per = Math.max(1, Math.floor(options.connections / setup.targets.length));
          const parts = await Promise.all(setup.targets.map(({ server, user }) => load(server.url, signed(server.url, workload, user), per, slice)));
          const key = `${setup.name}|${workload}`;
          slices.set(key, [...(slices.get(key) ?? []), ...parts]);
        }
      }
    }
    const rows: { setup: string; workload: string; rps: number; p99_ms: number }[] = [];
    for (const setup of setups) {
      for (const workload of workloads) {
        const all = slices.get(`${setup.name}|${workload}`)!;
        const failed = all.reduce((sum, s) => sum + s.errors + s.timeouts + s.non2xx, 0);
        if (failed > 0) throw new Error(`${setup.name} ${workload}: ${failed} failed requests`);
        // Requests of the parallel parts add up over one slice's time each round.
        const requests = all.reduce((sum, s) => sum + s.totalCompletedRequests, 0);
        const rps = Math.round(requests / (slice * options.rounds));
        rows.push({ setup: setup.name, workload, rps, p99_ms: aggregateResult(all, { url: 'http://127.0.0.1', connections: options.connections }).latency.p99 });
      }
      const w = await writes(setup.targets.map((t) => t.server), setup.name.startsWith('sqlite') ? rootOf(sqlite) : pgRoot, options.connections, Math.min(options.seconds / 2, 5), setup.name.replace(/\W+/g, '-'));
      if (w.errors > 0) throw new Error(`${setup.name} CreateUser: ${w.errors} failed writes`);
      rows.push({ setup: setup.name, workload: 'iam:CreateUser (writes)', rps: w.rps, p99_ms: w.p99 });
    }
    const rate = (setup: string, workload: string) => rows.find((r) => r.setup === setup && r.workload === workload)!.rps;
    const ratios = workloads.flatMap((workload) => [
      { name: `${workload}: postgres / sqlite (target ≥ 80%)`, value: rate('postgres, 1 process', workload) / rate('sqlite, 1 process', workload) },
      { name: `${workload}: 2 processes / 1 (target ≥ 1.6× with the cores for it)`, value: rate('postgres, 2 processes', workload) / rate('postgres, 1 process', workload) },
    ]);
    if (options.json) {
      for (const row of rows) console.log(JSON.stringify(row));
      for (const ratio of ratios) console.log(JSON.stringify({ ratio: ratio.name, value: Number(ratio.value.toFixed(3)) }));
      return;
    }
    console.log(`${availableParallelism()} cores shared by the load generator (this process), the Tollgate processes and PostgreSQL; concurrency ${options.connections}, reads ${options.seconds} s per row in ${options.rounds} interleaved rounds`);
    console.log('setup                   workload                      req/s   p99 ms');
    for (const r of rows) console.log(`${r.setup.padEnd(23)} ${r.workload.padEnd(28)} ${String(r.rps).padStart(7)} ${String(r.p99_ms).padStart(8)}`);
    for (const ratio of ratios) console.log(`${ratio.name}: ${ratio.value.toFixed(2)}`);
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await new Promise((r) => (server.child.exitCode === null ? server.child.once('exit', r) : r(undefined)));
      rmSync(server.dataDir, { recursive: true, force: true });
    }
    cluster.destroy();
  }
}
