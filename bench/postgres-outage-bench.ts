/**
 * `npm run bench:outage`: what happens, measured, when PostgreSQL goes away under load. Two
 * `tollgate serve` processes on one database of a throwaway cluster (test/support/postgres-cluster.ts;
 * its server binaries must be installed) serve a steady load (bench/outage-load.ts) for `--before`
 * seconds; PostgreSQL is then stopped (`pg_ctl stop -m fast`) for `--outage` seconds and started again,
 * and the load goes on for `--after` seconds, the Tollgate processes never restarted.
 *
 * Prints a timeline, one line per second (requests answered in that second, by process and outcome, and
 * their p99 and longest latency), then a summary: from the stop to each process's first 503, any answer
 * other than 200 or 503, the longest wait, from the restart to each process's first 200 read and write,
 * `/_tollgate/health` during the outage and after, and the consistency check of the CreateUser calls
 * (bench/outage-consistency.ts). `--json` prints the summary as one JSON object.
 *
 * The cluster helper runs pg_ctl synchronously: while it stops or starts PostgreSQL (the summary says
 * how long), this process's event loop waits, so answers arriving then are timed when it returns.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateClusterCommand } from '@aws-sdk/client-eks';
import { postgresSkipReason, startPostgresCluster } from '../test/support/postgres-cluster.ts';
import { rootCredentials, startTollgateProcess, type TollgateProcess } from '../test/support/tollgate-process.ts';
import type { Credentials } from '../test/support/tollgate-fixture.ts';
import { startLoad, type Outcome, type Sample } from './outage-load.ts';
import { checkConsistency } from './outage-consistency.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, before: { type: 'string', default: '5' }, outage: { type: 'string', default: '10' }, after: { type: 'string', default: '15' }, readers: { type: 'string', default: '8' }, timeout: { type: 'string', default: '5' } } });
const seconds = { before: Number(values.before), outage: Number(values.outage), after: Number(values.after) };
const readers = Number(values.readers);
const timeoutMs = Number(values.timeout) * 1000;
const env = { TOLLGATE_MASTER_KEY: 'e'.repeat(64) };
const USER = 'bench';
const CLUSTER = 'team-9-prod';
const WRITE_PREFIX = 'outage';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const round = (ms: number) => Math.round(ms);

/** User USER allowed iam:GetUser and eks:DescribeCluster, and cluster CLUSTER; answers the user's key. */
async function prepare(server: TollgateProcess, root: Credentials): Promise<Credentials> {
  const iam = server.iam(root);
  await iam.send(new CreateUserCommand({ UserName: USER }));
  await iam.send(new PutUserPolicyCommand({
    UserName: USER, PolicyName: 'read',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'eks:DescribeCluster'], Resource: '*' }] }),
  }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: USER }))).AccessKey!;
  const role = await iam.send(new CreateRoleCommand({
    RoleName: 'eks-cluster-role',
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));
  await server.eks(root).send(new CreateClusterCommand({ name: CLUSTER, roleArn: role.Role!.Arn!, resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] } }));
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

/** `/_tollgate/health` of a process: status, what it says of the store, and how long it took (5 s at most). */
async function health(server: TollgateProcess): Promise<{ status: number | string; storeReachable?: unknown; storeListener?: unknown; ms: number }> {
  const begin = performance.now();
  try {
    const response = await fetch(`${server.url}/_tollgate/health`, { signal: AbortSignal.timeout(5000) });
    const body = await response.json() as Record<string, unknown>;
    return { status: response.status, storeReachable: body['storeReachable'], storeListener: body['storeListener'], ms: round(performance.now() - begin) };
  } catch (error) {
    return { status: `no answer: ${(error as Error).name}`, ms: round(performance.now() - begin) };
  }
}

function p99(latencies: number[]): number {
  if (latencies.length === 0) return 0;
  latencies.sort((a, b) => a - b);
  return latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!;
}

const OUTCOMES: readonly Outcome[] = ['200', '503', 'other', 'timeout'];

/** p50, p99 and longest latency (ms) of each operation's answers, of the samples that `within` keeps. */
function latencies(samples: readonly Sample[], within: (s: Sample) => boolean) {
  const operations = ['iam:GetUser', 'eks:DescribeCluster', 'iam:CreateUser'] as const;
  return Object.fromEntries(operations.map((operation) => {
    const ms = samples.filter((s) => s.operation === operation && within(s)).map((s) => s.ended - s.started).sort((a, b) => a - b);
    const at = (q: number) => round(ms[Math.min(ms.length - 1, Math.floor(ms.length * q))] ?? 0);
    return [operation, { n: ms.length, p50: at(0.5), p99: at(0.99), max: round(ms.at(-1) ?? 0) }];
  }));
}

/** One line per second of the load: answers by process and outcome, p99 and longest latency. */
function timeline(samples: readonly Sample[], processes: number, end: number) {
  const lines = [];
  for (let second = 0; second * 1000 < end; second += 1) {
    const inSecond = samples.filter((s) => Math.floor(s.ended / 1000) === second);
    const byProcess = Array.from({ length: processes }, (_, p) => Object.fromEntries(OUTCOMES.map((o) => [o, inSecond.filter((s) => s.process === p && s.outcome === o).length])) as Record<Outcome, number>);
    const latencies = inSecond.map((s) => s.ended - s.started);
    lines.push({ second, byProcess, p99Ms: round(p99(latencies)), maxMs: round(Math.max(0, ...latencies)) });
  }
  return lines;
}

/** Runs the outage and answers the summary, the timeline and the marks (ms since the load began). */
async function run() {
  const skip = postgresSkipReason();
  if (skip !== undefined) throw new Error(skip);
  const loadAverageBefore = loadavg();
  const cluster = await startPostgresCluster();
  const servers: TollgateProcess[] = [];
  try {
    servers.push(await startTollgateProcess(cluster.url, env));
    servers.push(await startTollgateProcess(cluster.url, env));
    const root = rootCredentials(servers[0]!);
    const user = await prepare(servers[0]!, root);
    const targets = servers.map((s) => ({ readerIam: s.iam(user), readerEks: s.eks(user), writerIam: s.iam(root) }));
    const stderrAtLoadStart = servers.map((s) => s.stderr().length);
    const load = startLoad(targets, { readers, timeoutMs, userName: USER, clusterName: CLUSTER, writePrefix: WRITE_PREFIX });

    await sleep(seconds.before * 1000);
    const stopInvoked = load.now();
    cluster.stop();
    const stopReturned = load.now();
    await sleep(stopReturned + (seconds.outage * 1000) / 2 - load.now());
    const healthDuring = await Promise.all(servers.map(health));
    await sleep(stopReturned + seconds.outage * 1000 - load.now());
    const startInvoked = load.now();
    cluster.start();
    const startReturned = load.now();
    await sleep(startReturned + seconds.after * 1000 - load.now());
    await load.stop();
    const loadEnded = load.now();
    const healthAfter = await Promise.all(servers.map(health));
    const exited = servers.map((s) => s.child.exitCode ?? s.child.signalCode);

    const samples = load.samples;
    const writes = samples.filter((s) => s.operation === 'iam:CreateUser');
    const consistency = await checkConsistency(writes, WRITE_PREFIX, servers[0]!.iam(root), servers[1]!.iam(root));
    const first = (match: (s: Sample) => boolean) => {
      const times = samples.filter(match).map((s) => s.ended);
      return times.length === 0 ? null : Math.min(...times);
    };
    const perProcess = servers.map((_, p) => {
      const firstUnavailable = first((s) => s.process === p && s.outcome === '503' && s.ended >= stopInvoked);
      const firstRead = first((s) => s.process === p && s.outcome === '200' && s.operation !== 'iam:CreateUser' && s.ended >= startInvoked);
      const firstWrite = first((s) => s.process === p && s.outcome === '200' && s.operation === 'iam:CreateUser' && s.ended >= startInvoked);
      return {
        process: p + 1,
        stopToFirst503Ms: firstUnavailable === null ? null : round(firstUnavailable - stopInvoked),
        // Sent once PostgreSQL was down and answered 200 before it was started: answered from memory.
        sentWhileStoppedAnswered200: samples.filter((s) => s.process === p && s.outcome === '200' && s.started >= stopReturned && s.ended < startInvoked).length,
        restartToFirst200ReadMs: firstRead === null ? null : round(firstRead - startReturned),
        restartToFirst200WriteMs: firstWrite === null ? null : round(firstWrite - startReturned),
        exitedDuringRun: exited[p] ?? false,
        // What it wrote on standard error (warn-level logs, Node's warnings) while the load ran.
        stderrDuringLoad: servers[p]!.stderr().slice(stderrAtLoadStart[p]).slice(0, 3000),
      };
    });
    const others = new Map<string, number>();
    for (const s of samples) if (s.outcome === 'other' || s.outcome === 'timeout') others.set(`${s.outcome} ${s.operation}: ${s.detail ?? ''}`, (others.get(`${s.outcome} ${s.operation}: ${s.detail ?? ''}`) ?? 0) + 1);
    const longest = samples.reduce((a, b) => (b.ended - b.started > a.ended - a.started ? b : a));
    const summary = {
      cores: availableParallelism(),
      loadAverageBefore: loadAverageBefore.map((l) => Number(l.toFixed(2))),
      loadAverageAfter: loadavg().map((l) => Number(l.toFixed(2))),
      setup: { processes: servers.length, readers, writers: 1, timeoutMs, ...seconds },
      marksMs: { stopInvoked: round(stopInvoked), stopReturned: round(stopReturned), startInvoked: round(startInvoked), startReturned: round(startReturned), loadEnded: round(loadEnded) },
      pgCtlStopMs: round(stopReturned - stopInvoked),
      pgCtlStartMs: round(startReturned - startInvoked),
      requests: Object.fromEntries(OUTCOMES.map((o) => [o, samples.filter((s) => s.outcome === o).length])),
      perProcess,
      answersOtherThan200Or503: [...others].map(([what, count]) => ({ what, count })),
      longestWait: { ms: round(longest.ended - longest.started), operation: longest.operation, process: longest.process + 1, outcome: longest.outcome, startedAtMs: round(longest.started) },
      requestsOver1s: samples.filter((s) => s.ended - s.started > 1000).map((s) => ({ operation: s.operation, process: s.process + 1, outcome: s.outcome, startedAtMs: round(s.started), ms: round(s.ended - s.started) })),
      // Before: answered before the stop; outage: sent after pg_ctl stop returned, answered before the start; after: sent once pg_ctl start returned.
      latencyMs: {
        before: latencies(samples, (s) => s.ended < stopInvoked),
        outage: latencies(samples, (s) => s.started >= stopReturned && s.ended < startInvoked),
        after: latencies(samples, (s) => s.started >= startReturned),
      },
      healthDuringOutage: healthDuring,
      healthAfter,
      consistency: { ...consistency, acknowledgedMissing: consistency.acknowledgedMissing.slice(0, 20), broken: consistency.broken.slice(0, 20), unexpected: consistency.unexpected.slice(0, 20) },
    };
    return { summary, timeline: timeline(samples, servers.length, loadEnded), marks: { stopInvoked, startInvoked } };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    cluster.destroy();
  }
}

const { summary, timeline: lines, marks } = await run();
if (values.json) {
  console.log(JSON.stringify(summary));
} else {
  console.log(`${summary.cores} cores shared by this load generator, 2 Tollgate processes and PostgreSQL; load average before ${summary.loadAverageBefore.join(' ')}, after ${summary.loadAverageAfter.join(' ')}`);
  console.log(`load: ${readers} readers (iam:GetUser, eks:DescribeCluster; half on each process) + 1 writer (iam:CreateUser, alternating); AWS SDK v3, maxAttempts 1, timeout ${timeoutMs / 1000} s`);
  console.log('requests answered in each second of the load (by the time of the answer), per process: 200 / 503 ServiceUnavailable(Exception) / other error / timeout');
  console.log('  s | process 1: 200   503 other timeout | process 2: 200   503 other timeout | p99 ms | max ms');
  for (const line of lines) {
    const cells = line.byProcess.map((c) => `${String(c['200']).padStart(15)}${String(c['503']).padStart(6)}${String(c.other).padStart(6)}${String(c.timeout).padStart(8)}`);
    const event = [Math.floor(marks.stopInvoked / 1000) === line.second ? 'PostgreSQL stopped' : '', Math.floor(marks.startInvoked / 1000) === line.second ? 'PostgreSQL started' : ''].filter(Boolean).join(', ');
    console.log(`${String(line.second).padStart(3)} |${cells.join(' |')} | ${String(line.p99Ms).padStart(6)} | ${String(line.maxMs).padStart(6)}  ${event}`);
  }
  console.log(JSON.stringify(summary, null, 2));
}
