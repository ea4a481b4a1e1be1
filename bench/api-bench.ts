/**
 * `npm run bench:api`: signed iam:GetUser and sts:GetCallerIdentity by an IAM user with 10 attached
 * managed policies, against `tollgate serve` in its own process, at concurrency 16 with keep-alive,
 * and in the same run a bare node:http server answering a constant, for the ratio. Prints a table, or
 * with `--json` one JSON object per workload: {"name","rps","p50_ms","p99_ms","baseline_rps","ratio"}.
 *
 * A SigV4 signature stays valid for 15 minutes and carries no nonce, so each workload signs its request
 * once and the load generator replays it (as a client retrying would).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { signRequest } from '../src/sigv4/index.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '16' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const bin = fileURLToPath(new URL('../bin/tollgate.mjs', import.meta.url));

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

async function startTollgate(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...(process.env['TOLLGATE_BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['TOLLGATE_BENCH_PROFILE']}`] : []), bin, 'serve', '--port', '0', '--data-dir', dataDir, ...(process.env['TOLLGATE_BENCH_QUIET'] ? ['--log-level', 'silent'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await waitForLine(child, /listening on (http:\/\/\S+)\n/);
  child.stdout!.resume(); // the request log: one JSON line per request, read and dropped
  return { child, url };
}

async function startBaseline(): Promise<{ child: ChildProcess; url: string }> {
  const source = `
    const body = '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/bench</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>';
    const server = require('node:http').createServer({ keepAlive: true }, (req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) }); res.end(body); }); });
    server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  return { child, url: await waitForLine(child, /listening on (http:\/\/\S+)\n/) };
}

/** Creates user `bench` with 10 attached customer managed policies and an access key. */
async function prepareUser(url: string, dataDir: string) {
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
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'bench' }));
  return { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
}

function signed(url: string, service: 'iam' | 'sts', body: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const host = new URL(url).host;
  const { request } = signRequest({
    method: 'POST', path: '/', body, credentials, region: 'us-east-1', service, time: Date.now(),
    headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  return { method: 'POST' as const, headers: { ...request.headers }, body };
}

async function load(url: string, request: { method: 'POST'; headers: Record<string, string>; body: string }): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, ...request });
  const errors = result.errors + result.timeouts + (result.non2xx ?? 0);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors };
}

const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
const tollgate = await startTollgate(dataDir);
const baseline = await startBaseline();
try {
  const credentials = await prepareUser(tollgate.url, dataDir);
  const getUser = signed(tollgate.url, 'iam', 'Action=GetUser&Version=2010-05-08&UserName=bench', credentials);
  const callerIdentity = signed(tollgate.url, 'sts', 'Action=GetCallerIdentity&Version=2011-06-15', credentials);
  const check = async (request: typeof getUser) => {
    const response = await fetch(`${tollgate.url}/`, { method: 'POST', headers: request.headers, body: request.body });
    if (response.status !== 200) throw new Error(`warm-up answered ${response.status}: ${await response.text()}`);
  };
  await check(getUser);
  await check(callerIdentity);
  const base = await load(baseline.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity' });
  const rows = [];
  for (const [name, request] of [['iam:GetUser', getUser], ['sts:GetCallerIdentity', callerIdentity]] as const) {
    const r = await load(`${tollgate.url}/`, request);
    if (r.errors > 0) throw new Error(`${name}: ${r.errors} failed requests`);
    rows.push({ name, rps: r.rps, p50_ms: r.p50, p99_ms: r.p99, baseline_rps: base.rps, ratio: Number((r.rps / base.rps).toFixed(3)) });
  }
  if (values.json) for (const row of rows) console.log(JSON.stringify(row));
  else {
    console.log(`concurrency ${connections}, ${seconds} s per workload, keep-alive; bare node:http server: ${base.rps} req/s (p50 ${base.p50} ms, p99 ${base.p99} ms)`);
    console.log('workload                  req/s   p50 ms   p99 ms   ratio to bare node:http');
    for (const r of rows) console.log(`${r.name.padEnd(24)} ${String(r.rps).padStart(7)} ${String(r.p50_ms).padStart(8)} ${String(r.p99_ms).padStart(8)}   ${(r.ratio * 100).toFixed(1)}%`);
    console.log('targets: ratio ≥ 50%, p99 < 5 ms');
  }
} finally {
  tollgate.child.kill('SIGTERM');
  baseline.child.kill('SIGTERM');
  await new Promise((r) => tollgate.child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
