/**
 * `npm run bench:k8s`: the Kubernetes endpoint of a cluster of `tollgate serve` (in its own process, as
 * `npm start` runs it), over TLS with keep-alive:
 *
 * - SelfSubjectAccessReview (`kubectl auth can-i`) by the cluster creator with one token, as kubectl
 *   reuses its token for 14 minutes: requests/s, p50 and p99 on one connection (as one kubectl
 *   talks) and at `--connections` (autocannon);
 * - token verification: the same review sent one at a time, each with a token never seen before
 *   (the presigned GetCallerIdentity replayed through STS, then identity mapping) against the cached
 *   token: the difference is what verifying a token costs.
 *
 * Tokens are presigned as `aws eks get-token` presigns them (GET GetCallerIdentity, `x-k8s-aws-id`
 * signed), by Tollgate's own SigV4 signer, at distinct X-Amz-Expires values so that each is new.
 * `--json` prints one JSON object per figure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { IAMClient, CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateClusterCommand, DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { signRequest } from '../src/sigv4/index.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, seconds: { type: 'string', default: '15' }, connections: { type: 'string', default: '8' }, fresh: { type: 'string', default: '400' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const freshCount = Number(values.fresh);
const bin = fileURLToPath(new URL('../bin/tollgate.cjs', import.meta.url));
const CLUSTER = 'bench';
const REGION = 'us-west-2';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    if (await portFree(port)) return port;
  }
}

async function startTollgate(dataDir: string, k8sPort: number): Promise<{ child: ChildProcess; url: string }> {
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--max-semi-space-size=32', bin, 'serve', '--port', '0', '--data-dir', dataDir, '--eks-delay-seconds', '0.1', '--k8s-port-range', `${k8sPort}-${k8sPort}`], { stdio: ['ignore', log, 'inherit'] });
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

type Credentials = { accessKeyId: string; secretAccessKey: string };

/** A token as `aws eks get-token` makes it, presigned with `expires` seconds (0–900). */
function token(awsUrl: string, credentials: Credentials, expires: number): string {
  const host = new URL(awsUrl).host;
  const { request } = signRequest({
    method: 'GET', path: '/', query: 'Action=GetCallerIdentity&Version=2011-06-15', headers: { host, 'x-k8s-aws-id': CLUSTER },
    credentials, region: 'us-east-1', service: 'sts', time: Date.now(), presign: { expiresIn: expires },
  });
  return `k8s-aws-v1.${Buffer.from(`${awsUrl}/?${request.query}`).toString('base64url')}`;
}

const REVIEW = JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { namespace: 'default', verb: 'list', resource: 'pods' } } });
const PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

function review(endpoint: URL, agent: Agent, bearer: string): Promise<{ status: number; ms: number }> {
  const begin = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: endpoint.hostname, port: endpoint.port, path: PATH, method: 'POST', agent, rejectUnauthorized: false, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(REVIEW) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - begin }));
    });
    req.once('error', reject);
    req.end(REVIEW);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-k8s-bench-'));
const k8sPort = await freePort();
const tollgate = await startTollgate(dataDir, k8sPort);
try {
  const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  const root = { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
  const iam = new IAMClient({ endpoint: tollgate.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
  const role = await iam.send(new CreateRoleCommand({
    RoleName: 'eks-cluster-role', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));
  const eks = new EKSClient({ endpoint: tollgate.url, region: REGION, credentials: root, maxAttempts: 1 });
  await eks.send(new CreateClusterCommand({ name: CLUSTER, roleArn: role.Role!.Arn!, resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] }, accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } }));
  let endpoint: URL | undefined;
  while (!endpoint) {
    const cluster = (await eks.send(new DescribeClusterCommand({ name: CLUSTER }))).cluster!;
    if (cluster.status === 'ACTIVE') endpoint = new URL(cluster.endpoint!);
    else await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 1000)); // the listener follows the claims every quarter second

  const cached = token(tollgate.url, root, 60);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const warm = await review(endpoint, agent, cached);
  if (warm.status !== 201) throw new Error(`warm-up answered ${warm.status}`);

  // Throughput and latency with a cached token, on one connection and on several.
  const loadAt = (n: number) => autocannon({
    url: new URL(PATH, endpoint!).href, connections: n, duration: seconds, pipelining: 1, method: 'POST', body: REVIEW,
    headers: { authorization: `Bearer ${cached}`, 'content-type': 'application/json' },
  });
  const single = await loadAt(1);
  const result = await loadAt(connections);
  const errors = result.errors + result.timeouts + result.non2xx + single.errors + single.timeouts + single.non2xx;

  // One at a time: cached token, then a new token each request.
  const sequential = async (tokens: () => string, count: number): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const answer = await review(endpoint!, agent, tokens());
      if (answer.status !== 201) throw new Error(`review answered ${answer.status}`);
      times.push(answer.ms);
    }
    return times.sort((a, b) => a - b);
  };
  const cachedTimes = await sequential(() => cached, freshCount);
  const freshTokens = Array.from({ length: freshCount }, (_, i) => token(tollgate.url, root, 900 - (i % 900)));
  let next = 0;
  const freshTimes = await sequential(() => freshTokens[next++]!, Math.min(freshCount, 900));
  agent.destroy();

  const figures = [
    { name: 'SelfSubjectAccessReview, cached token', rps: Math.round(result.requests.average), p50_ms: result.latency.p50, p99_ms: result.latency.p99, errors, connections },
    { name: 'SelfSubjectAccessReview, cached token, one connection', rps: Math.round(single.requests.average), p50_ms: single.latency.p50, p99_ms: single.latency.p99, connections: 1 },
    { name: 'one at a time, cached token', p50_ms: round(percentile(cachedTimes, 50)), p99_ms: round(percentile(cachedTimes, 99)) },
    { name: 'one at a time, new token each request', p50_ms: round(percentile(freshTimes, 50)), p99_ms: round(percentile(freshTimes, 99)) },
    { name: 'token verification (new minus cached, p50)', ms: round(percentile(freshTimes, 50) - percentile(cachedTimes, 50)) },
  ];
  if (values.json) {
    for (const f of figures) console.log(JSON.stringify(f));
  } else {
    console.log(`Kubernetes endpoint of cluster ${CLUSTER} (TLS, keep-alive), ${seconds}s at ${connections} connections`);
    console.log(`  SelfSubjectAccessReview, cached token, ${connections} connections: ${figures[0]!.rps} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms${errors ? `, ${errors} errors` : ''} (target p99 < 5 ms)`);
    console.log(`  SelfSubjectAccessReview, cached token, 1 connection:  ${figures[1]!.rps} req/s, p50 ${single.latency.p50} ms, p99 ${single.latency.p99} ms`);
    console.log(`  one at a time, cached token:           p50 ${figures[2]!.p50_ms} ms, p99 ${figures[2]!.p99_ms} ms (${freshCount} requests)`);
    console.log(`  one at a time, new token each request: p50 ${figures[3]!.p50_ms} ms, p99 ${figures[3]!.p99_ms} ms (${freshTimes.length} tokens)`);
    console.log(`  token verification costs about ${figures[4]!.ms} ms (p50 difference)`);
  }
} finally {
  tollgate.child.kill('SIGTERM');
  await new Promise((r) => tollgate.child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
