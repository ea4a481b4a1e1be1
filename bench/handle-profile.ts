/**
 * `node --import tsx bench/handle-profile.ts [N]`: the cost of one signed request inside `app.handle`,
 * without sockets, for profiling (`node --cpu-prof --import tsx bench/handle-profile.ts`). Prints µs per
 * request (best of five rounds) for iam:GetUser, sts:GetCallerIdentity and eks:DescribeCluster by a user with 10
 * attached managed policies, and eks:DescribeCluster with an assumed role's temporary credentials;
 * `[N] [REGEX]` runs only the workloads whose names match.
 */
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { buildApp, startTollgate } from '../src/main.ts';
import { pinoLog, silentLog } from '../src/server/request-log.ts';
import { readRequestHead } from '../src/server/http1-request-head.ts';
import { splitTarget, type HttpRequest } from '../src/server/http-exchange.ts';
import { signRequest } from '../src/sigv4/index.ts';

const n = Number(process.argv[2] ?? 20000);
/** Requests per turn of the event loop (about what the endpoint sees at concurrency 16). */
const TURN = 10;
const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-profile-'));
const tollgate = await startTollgate({ host: '127.0.0.1', port: 0, dataDir, log: silentLog });
const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
const root = { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
const iam = new IAMClient({ endpoint: tollgate.server.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
await iam.send(new CreateUserCommand({ UserName: 'bench' }));
for (let i = 0; i < 10; i++) {
  const document = JSON.stringify({ Version: '2012-10-17', Statement: [
    { Effect: 'Allow', Action: ['iam:Get*'], Resource: i === 9 ? 'arn:aws:iam::111122223333:user/*' : `arn:aws:iam::111122223333:role/team-${i}/*` },
    { Effect: 'Allow', Action: ['eks:Describe*'], Resource: `arn:aws:eks:*:111122223333:cluster/team-${i}-*` },
  ] });
  const policy = await iam.send(new CreatePolicyCommand({ PolicyName: `Team${i}`, PolicyDocument: document }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'bench', PolicyArn: policy.Policy!.Arn! }));
}
const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bench' }))).AccessKey!;
const credentials = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
const role = await iam.send(new CreateRoleCommand({ RoleName: 'eks-cluster-role', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
await new EKSClient({ endpoint: tollgate.server.url, region: 'us-west-2', credentials: root, maxAttempts: 1 }).send(new CreateClusterCommand({ name: 'team-9-prod', roleArn: role.Role!.Arn!, resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] } }));
await iam.send(new PutUserPolicyCommand({ UserName: 'bench', PolicyName: 'AssumeEKSReadOnly', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/EKSReadOnly' }] }) }));
await iam.send(new CreateRoleCommand({ RoleName: 'EKSReadOnly', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bench' }, Action: 'sts:AssumeRole' }] }) }));
await iam.send(new PutRolePolicyCommand({ RoleName: 'EKSReadOnly', PolicyName: 'Describe', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: 'arn:aws:eks:us-west-2:111122223333:cluster/*' }] }) }));
const assumed = (await new STSClient({ endpoint: tollgate.server.url, region: 'us-east-1', credentials, maxAttempts: 1 }).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/EKSReadOnly', RoleSessionName: 'bench', DurationSeconds: 3600 }))).Credentials!;
const session = { accessKeyId: assumed.AccessKeyId!, secretAccessKey: assumed.SecretAccessKey!, sessionToken: assumed.SessionToken! };
// `TOLLGATE_PROFILE_LOG=1`: log each request as `npm start` does, into /dev/null.
const app = buildApp(tollgate.runtime, process.env['TOLLGATE_PROFILE_LOG'] ? pinoLog({ destination: openSync('/dev/null', 'w') }) : silentLog);
const workloads = [
  ['iam:GetUser', 'iam', 'POST', '/', 'Action=GetUser&Version=2010-05-08&UserName=bench', credentials],
  ['sts:GetCallerIdentity', 'sts', 'POST', '/', 'Action=GetCallerIdentity&Version=2011-06-15', credentials],
  ['eks:DescribeCluster', 'eks', 'GET', '/clusters/team-9-prod', '', credentials],
  ['eks:DescribeCluster (role)', 'eks', 'GET', '/clusters/team-9-prod', '', session],
] as const;
const only = process.argv[3] === undefined ? undefined : new RegExp(process.argv[3]);
const prepared = workloads.map(([name, service, method, path, body, credentials]) => {
  const region = service === 'eks' ? 'us-west-2' : 'us-east-1';
  const headers: Record<string, string> = method === 'POST' ? { host: '127.0.0.1', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : { host: '127.0.0.1' };
  const { request } = signRequest({ method, path, body, credentials, region, service, time: Date.now(), headers });
  // The request as bytes, read anew each time as the endpoint reads it: every request brings fresh
  // strings, as on a socket, so no cache keyed by a string object's identity flatters the figure.
  const wire = Buffer.from(`${method} ${path} HTTP/1.1\r\n${Object.entries(request.headers).map(([k, v]) => `${k}: ${String(v)}\r\n`).join('')}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const fresh = (): HttpRequest => {
    const head = readRequestHead(Buffer.from(wire), 0, 1 << 20);
    if (typeof head !== 'object') throw new Error(`${name}: unreadable head`);
    return { method: head.method, ...splitTarget(head.target), headers: head.headers, body: wire.subarray(head.headBytes), sourceIp: '127.0.0.1', secure: false };
  };
  return { name, fresh };
});

/** `count` requests of `fresh`, in turns of the event loop of TURN requests each, as under load. */
async function run(fresh: () => HttpRequest, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    if (i % TURN === 0) await new Promise(setImmediate);
    const response = await app.handle(fresh());
    if (response.status !== 200) throw new Error(`${response.status} ${response.body}`);
  }
}

// Every workload first, in turn, as a server meeting all four sees them: code that has met only one
// kind of request is faster than it will be in service, and would flatter the figures.
for (let round = 0; round < 5; round++) for (const { fresh } of prepared) await run(fresh, 2000);

for (const { name, fresh } of prepared) {
  if (only !== undefined && !only.test(name)) continue;
  // The best of five rounds: this machine's neighbours add noise, never speed.
  let best = Infinity;
  let bestCpu = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await run(fresh, n);
    best = Math.min(best, ((performance.now() - start) * 1000) / n);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / n);
  }
  // CPU time leaves out what the hypervisor stole; it still includes GC helper threads.
  console.log(`${name}: ${best.toFixed(1)} µs per request, ${bestCpu.toFixed(1)} µs of CPU (best of 5 rounds of ${n})`);
}
await tollgate.close();
rmSync(dataDir, { recursive: true, force: true });
