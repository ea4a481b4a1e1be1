// Issue #11 item 12: one AWS_DEFAULT_REGION serves IAM, STS and EKS. IAM is global at AWS, where the CLI
// and SDKs send it to the global endpoint signed for us-east-1; pointed at one endpoint they sign it
// for the configured Region, so Tollgate accepts an IAM request signed for any Region (still verifying
// the signature with the scope the client used). `aws:RequestedRegion` of an IAM call stays us-east-1,
// as AWS documents for global services.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { signRequest } from '../../src/sigv4/index.ts';
import { runAwsCli } from '../support/aws-cli.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../support/defaults.ts';
import { requireClient } from '../support/interop.ts';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(() => f.close());

test('the AWS CLI with AWS_DEFAULT_REGION=us-west-2 calls IAM, STS and EKS with no --region', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const created = await runAwsCli(f.url, f.root, 'us-west-2', 'iam', 'create-user', '--user-name', 'west');
  assert.equal(created.status, 0, created.stderr);
  assert.equal(JSON.parse(created.stdout).User.Arn, `arn:aws:iam::${ACCOUNT}:user/west`);
  const users = await runAwsCli(f.url, f.root, 'us-west-2', 'iam', 'list-users');
  assert.equal(users.status, 0, users.stderr);
  assert.deepEqual(JSON.parse(users.stdout).Users.map((u: { UserName: string }) => u.UserName), ['west']);
  const identity = await runAwsCli(f.url, f.root, 'us-west-2', 'sts', 'get-caller-identity');
  assert.equal(identity.status, 0, identity.stderr);
  const clusters = await runAwsCli(f.url, f.root, 'us-west-2', 'eks', 'list-clusters');
  assert.equal(clusters.status, 0, clusters.stderr);
});

test('SDK clients configured for us-west-2 reach IAM, STS and EKS', async () => {
  const iam = new IAMClient({ endpoint: f.url, region: 'us-west-2', credentials: f.root, maxAttempts: 1 });
  await iam.send(new CreateUserCommand({ UserName: 'sdk-west' }));
  assert.equal((await iam.send(new GetUserCommand({ UserName: 'sdk-west' }))).User?.UserName, 'sdk-west');
  assert.equal((await f.sts(f.root, 'us-west-2').send(new GetCallerIdentityCommand({}))).Account, ACCOUNT);
  assert.deepEqual((await f.eks(f.root, 'us-west-2').send(new ListClustersCommand({}))).clusters, []);
});

test('an IAM call signed for another Region is still verified against that scope, and its aws:RequestedRegion is us-east-1', async () => {
  const iam = f.iam();
  await iam.send(new CreateUserCommand({ UserName: 'regional' }));
  await iam.send(new PutUserPolicyCommand({
    UserName: 'regional', PolicyName: 'global-only',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }] }),
  }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'regional' }))).AccessKey!;
  const credentials = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  const west = new IAMClient({ endpoint: f.url, region: 'eu-central-1', credentials, maxAttempts: 1 });
  assert.ok((await west.send(new ListUsersCommand({}))).Users!.length >= 1);

  // A signature made for one Region and presented under another scope fails as a mismatch.
  const host = new URL(f.url).host;
  const body = 'Action=ListUsers&Version=2010-05-08';
  const { request } = signRequest({ method: 'POST', path: '/', body, credentials, region: 'eu-central-1', service: 'iam', time: Date.now(), headers: { host, 'content-type': 'application/x-www-form-urlencoded' } });
  const authorization = String(request.headers['authorization']).replace('/eu-central-1/', '/ap-south-1/');
  const response = await fetch(f.url, { method: 'POST', headers: { ...request.headers as Record<string, string>, authorization }, body });
  assert.equal(response.status, 403);
  assert.match(await response.text(), /<Code>SignatureDoesNotMatch<\/Code>[\s\S]*The request signature we calculated does not match the signature you provided/);
});
