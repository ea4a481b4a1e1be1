// Presigned GetCallerIdentity as `aws eks get-token` builds it (issue #5, docs/aws-behaviour/sigv4.md,
// docs/aws-behaviour/eks-kubernetes-authentication.md): the real CLI mints the token with an assumed role's temporary credentials; the URL inside,
// replayed as aws-iam-authenticator replays it, is answered in JSON for 15 minutes after X-Amz-Date
// whatever X-Amz-Expires says, and is bound to the cluster by the signed x-k8s-aws-id header.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { parseAmzDate } from '../../src/sigv4/amz-date.ts';
import { SIGV4_VECTORS, VECTOR_KEY, VECTOR_TIME } from '../../src/sigv4/sigv4-vectors.ts';
import { runAwsCli } from '../support/aws-cli.ts';
import { requireClient } from '../support/interop.ts';
import { ACCOUNT, PARTNER, allow, putUserPolicy, role, startStsWorld, temporary, trust, type StsWorld } from './sts-world.ts';

let w: StsWorld;
beforeEach(async () => {
  w = await startStsWorld();
});
afterEach(() => w.close());

/** GETs the presigned URL with the headers aws-iam-authenticator sends. */
async function replay(url: string, clusterId: string, accept = 'application/json'): Promise<{ status: number; contentType: string; body: string }> {
  const response = await fetch(url, { headers: { 'x-k8s-aws-id': clusterId, accept }, redirect: 'manual' });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

test('a token from `aws eks get-token` with assumed-role credentials is accepted for 15 minutes, in JSON', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const arn = await role(w, 'KubeUser', trust({ AWS: PARTNER }));
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume', allow('sts:AssumeRole', arn));
  const assumed = await w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'kubectl' }));
  const credentials = temporary(assumed.Credentials);

  const minted = await runAwsCli(w.f.url, credentials, 'us-east-1', 'eks', 'get-token', '--cluster-name', 'demo');
  assert.equal(minted.status, 0, minted.stderr);
  const exec = JSON.parse(minted.stdout) as { kind: string; status: { token: string } };
  assert.equal(exec.kind, 'ExecCredential');
  assert.ok(exec.status.token.startsWith('k8s-aws-v1.'));
  const url = Buffer.from(exec.status.token.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8');
  const query = new URL(url).searchParams;
  assert.ok(url.startsWith(`${w.f.url}/?Action=GetCallerIdentity&Version=2011-06-15&`), url);
  assert.equal(query.get('X-Amz-SignedHeaders'), 'host;x-k8s-aws-id');
  assert.equal(query.get('X-Amz-Expires'), '60');
  assert.equal(query.get('X-Amz-Security-Token'), credentials.sessionToken);
  const signedAt = parseAmzDate(query.get('X-Amz-Date')!);
  assert.ok(signedAt !== undefined);

  // Fourteen minutes later, as kubectl's cached token is used, the 60 s of X-Amz-Expires notwithstanding.
  w.clock.set(signedAt + 14 * 60_000);
  const answer = await replay(url, 'demo');
  assert.equal(answer.status, 200, answer.body);
  assert.equal(answer.contentType, 'application/json');
  const body = JSON.parse(answer.body) as { GetCallerIdentityResponse: { GetCallerIdentityResult: Record<string, string>; ResponseMetadata: { RequestId: string } } };
  const result = body.GetCallerIdentityResponse.GetCallerIdentityResult;
  assert.equal(result['Arn'], `arn:aws:sts::${ACCOUNT}:assumed-role/KubeUser/kubectl`);
  assert.equal(result['Account'], ACCOUNT);
  assert.equal(result['UserId'], assumed.AssumedRoleUser?.AssumedRoleId);
  assert.ok(body.GetCallerIdentityResponse.ResponseMetadata.RequestId);

  // Without Accept: application/json the answer is STS's XML.
  const xml = await replay(url, 'demo', '*/*');
  assert.equal(xml.status, 200);
  assert.equal(xml.contentType, 'text/xml');
  assert.ok(xml.body.includes(`<Arn>arn:aws:sts::${ACCOUNT}:assumed-role/KubeUser/kubectl</Arn>`), xml.body);

  // The token is bound to its cluster by the signed header.
  const otherCluster = await replay(url, 'another');
  assert.equal(otherCluster.status, 403);
  assert.equal((JSON.parse(otherCluster.body) as { Error: { Code: string } }).Error.Code, 'SignatureDoesNotMatch');

  // Accepted to the second 15 minutes after X-Amz-Date, refused one second later.
  w.clock.set(signedAt + 15 * 60_000);
  assert.equal((await replay(url, 'demo')).status, 200);
  w.clock.set(signedAt + 15 * 60_000 + 1_000);
  const late = await replay(url, 'demo');
  assert.equal(late.status, 403);
  const error = (JSON.parse(late.body) as { Error: { Code: string; Message: string } }).Error;
  assert.equal(error.Code, 'SignatureDoesNotMatch');
  assert.match(error.Message, /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
});

/** GETs `pathAndQuery` from the server with exactly `headers` (Host included, which fetch may not set). */
function rawGet(pathAndQuery: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(w.f.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: pathAndQuery, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the botocore presigned vector is answered by the server 14 minutes after its X-Amz-Date', async () => {
  // The vector's long-term key, given to the root user of the fixture's account.
  const { runtime } = w.f.tollgate;
  await runtime.store.accessKeys.insert({
    accountId: ACCOUNT, id: VECTOR_KEY.accessKeyId, userId: undefined, secretCiphertext: runtime.secrets.seal(VECTOR_KEY.secretAccessKey),
    status: 'Active', createdAt: new Date(VECTOR_TIME), lastUsed: undefined,
  });
  const vector = SIGV4_VECTORS.find((v) => v.name.startsWith('presigned STS GetCallerIdentity'))!;
  const path = `/?${vector.presignedQuery!}`;
  const headers = { host: 'sts.us-east-1.amazonaws.com', 'x-k8s-aws-id': 'demo', accept: 'application/json' };
  w.clock.set(VECTOR_TIME + 14 * 60_000);
  const answer = await rawGet(path, headers);
  assert.equal(answer.status, 200, answer.body);
  const result = (JSON.parse(answer.body) as { GetCallerIdentityResponse: { GetCallerIdentityResult: Record<string, string> } }).GetCallerIdentityResponse.GetCallerIdentityResult;
  assert.deepEqual(result, { UserId: ACCOUNT, Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
  // Signed for cluster `demo`: another cluster id breaks the signature.
  assert.equal((await rawGet(path, { ...headers, 'x-k8s-aws-id': 'other' })).status, 403);
  w.clock.set(VECTOR_TIME + 15 * 60_000 + 1_000);
  assert.equal((await rawGet(path, headers)).status, 403);
});
