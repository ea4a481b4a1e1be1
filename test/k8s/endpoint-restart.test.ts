// A cluster's Kubernetes endpoint outlives a restart (issue #15): same URL, same CA, TLS verified
// against certificateAuthority.data, a token accepted; a deleted cluster's endpoint stops answering.
// Plain node:https with Tollgate's own SigV4 signer for the token: no outside client needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateClusterCommand, DeleteClusterCommand, DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { startTollgate, type Tollgate } from '../../src/main.ts';
import { createAccount } from '../../src/services/iam/create-account.ts';
import { silentLog } from '../../src/server/request-log.ts';
import { signRequest } from '../../src/sigv4/index.ts';
import { createServiceRole, VPC } from '../eks/eks-helpers.ts';
import { freePortRange } from '../support/free-ports.ts';

type Credentials = { accessKeyId: string; secretAccessKey: string };

function whoami(endpoint: string, ca: string, token: string): Promise<{ status: number; body: string }> {
  const url = new URL(endpoint);
  const body = JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: '/apis/authentication.k8s.io/v1/selfsubjectreviews', method: 'POST', ca, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.once('error', reject);
    req.end(body);
  });
}

function token(awsUrl: string, credentials: Credentials, cluster: string): string {
  const { request: signed } = signRequest({
    method: 'GET', path: '/', query: 'Action=GetCallerIdentity&Version=2011-06-15', headers: { host: new URL(awsUrl).host, 'x-k8s-aws-id': cluster },
    credentials, region: 'us-east-1', service: 'sts', time: Date.now(), presign: { expiresIn: 60 },
  });
  return `k8s-aws-v1.${Buffer.from(`${awsUrl}/?${signed.query}`).toString('base64url')}`;
}

test('clusters of the same name in other Regions and accounts get their own endpoints and CAs; all survive a restart; a deleted cluster stops being served', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-restart-'));
  const k8sPorts = await freePortRange(4);
  let running: Tollgate | undefined;
  try {
    let tollgate = await startTollgate({ host: '127.0.0.1', port: 0, dataDir, log: silentLog, eksDelaySeconds: 0.05, k8sPorts });
    running = tollgate;
    const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
    const root = { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
    const client = (url: string, region = 'us-west-2', credentials: Credentials = root) => new EKSClient({ endpoint: url, region, credentials, maxAttempts: 1 });
    const roleArn = await createServiceRole(new IAMClient({ endpoint: tollgate.server.url, region: 'us-east-1', credentials: root }), 'eks-cluster-role', 'eks.amazonaws.com');
    const partner = await createAccount(tollgate.runtime, '444455556666');
    const partnerRoot = { accessKeyId: partner.AccessKeyId, secretAccessKey: partner.SecretAccessKey };
    const partnerRole = await createServiceRole(new IAMClient({ endpoint: tollgate.server.url, region: 'us-east-1', credentials: partnerRoot }), 'eks-cluster-role', 'eks.amazonaws.com');
    const others: [string, Credentials, string][] = [['us-east-1', root, roleArn], ['us-west-2', partnerRoot, partnerRole]];
    for (const [region, credentials, role] of [['us-west-2', root, roleArn] as const, ...others]) {
      await client(tollgate.server.url, region, credentials).send(new CreateClusterCommand({ name: 'kept', roleArn: role, resourcesVpcConfig: VPC, accessConfig: { authenticationMode: 'API' } }));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    await tollgate.kubernetes.endpoints.sync(); // rather than wait for the next look at the claims
    const elsewhere = await Promise.all(others.map(([region, credentials]) => client(tollgate.server.url, region, credentials).send(new DescribeClusterCommand({ name: 'kept' }))));
    assert.deepEqual(elsewhere.map((d) => d.cluster!.endpoint), [`https://127.0.0.1:${k8sPorts.first + 1}`, `https://127.0.0.1:${k8sPorts.first + 2}`]);
    for (const [i, [, credentials]] of others.entries()) {
      const described = elsewhere[i]!.cluster!;
      const answer = await whoami(described.endpoint!, Buffer.from(described.certificateAuthority!.data!, 'base64').toString('utf8'), token(tollgate.server.url, credentials, 'kept'));
      assert.equal(answer.status, 201, answer.body);
    }
    const before = (await client(tollgate.server.url).send(new DescribeClusterCommand({ name: 'kept' }))).cluster!;
    assert.equal(before.endpoint, `https://127.0.0.1:${k8sPorts.first}`);
    const ca = Buffer.from(before.certificateAuthority!.data!, 'base64').toString('utf8');
    const first = await whoami(before.endpoint!, ca, token(tollgate.server.url, root, 'kept'));
    assert.equal(first.status, 201, first.body);
    await tollgate.close();
    running = undefined;

    tollgate = await startTollgate({ host: '127.0.0.1', port: 0, dataDir, log: silentLog, eksDelaySeconds: 0.05, k8sPorts });
    running = tollgate;
    const after = (await client(tollgate.server.url).send(new DescribeClusterCommand({ name: 'kept' }))).cluster!;
    assert.equal(after.endpoint, before.endpoint);
    assert.equal(after.certificateAuthority!.data, before.certificateAuthority!.data);
    const again = await whoami(after.endpoint!, ca, token(tollgate.server.url, root, 'kept'));
    assert.equal(again.status, 201, again.body);
    assert.equal((JSON.parse(again.body) as { status: { userInfo: { username: string } } }).status.userInfo.username, 'arn:aws:iam::111122223333:root');

    await client(tollgate.server.url).send(new DeleteClusterCommand({ name: 'kept' }));
    await tollgate.kubernetes.endpoints.sync();
    const gone = await whoami(after.endpoint!, ca, token(tollgate.server.url, root, 'kept')).then((r) => r.status, (error: NodeJS.ErrnoException) => error.code);
    assert.ok(gone === 503 || gone === 'ECONNREFUSED', String(gone));
  } finally {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
