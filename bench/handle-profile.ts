/**
 * `node --import tsx bench/handle-profile.ts [N]`: the cost of one signed request inside `app.handle`,
 * without sockets, for profiling (`node --cpu-prof --import tsx bench/handle-profile.ts`). Prints µs per
 * request (best of five rounds) for iam:GetUser and sts:GetCallerIdentity by a user with 10 attached managed policies.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { buildApp, startTollgate } from '../src/main.ts';
import { silentLog } from '../src/server/request-log.ts';
import { signRequest } from '../src/sigv4/index.ts';

const n = Number(process.argv[2] ?? 20000);
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
const app = buildApp(tollgate.runtime, silentLog);
const workloads = [
  ['iam:GetUser', 'iam', 'POST', '/', 'Action=GetUser&Version=2010-05-08&UserName=bench'],
  ['sts:GetCallerIdentity', 'sts', 'POST', '/', 'Action=GetCallerIdentity&Version=2011-06-15'],
  ['eks:DescribeCluster', 'eks', 'GET', '/clusters/team-9-prod', ''],
] as const;
for (const [name, service, method, path, body] of workloads) {
  const region = service === 'eks' ? 'us-west-2' : 'us-east-1';
  const headers: Record<string, string> = method === 'POST' ? { host: '127.0.0.1', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : { host: '127.0.0.1' };
  const { request } = signRequest({ method, path, body, credentials, region, service, time: Date.now(), headers });
  const http = { method, path, query: '', headers: request.headers as Record<string, string>, body: Buffer.from(body), sourceIp: '127.0.0.1', secure: false };
  const first = await app.handle(http);
  if (first.status !== 200) throw new Error(`${name}: ${first.status} ${first.body}`);
  // The best of five rounds: this machine's neighbours add noise, never speed.
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) await app.handle(http);
    best = Math.min(best, ((performance.now() - start) * 1000) / n);
  }
  console.log(`${name}: ${best.toFixed(1)} µs per request (best of 5 rounds of ${n})`);
}
await tollgate.close();
rmSync(dataDir, { recursive: true, force: true });
