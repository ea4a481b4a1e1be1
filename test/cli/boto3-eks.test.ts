// boto3 against Tollgate (issue #4): one DescribeCluster allowed and one denied, with the error's Code,
// Message and HTTP status as boto3 parses them. Skipped loudly when no Python has boto3, failed instead
// under TOLLGATE_REQUIRE_INTEROP=1 (CI installs Debian's python3-boto3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CreateClusterCommand } from '@aws-sdk/client-eks';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { ManualClock } from '../../src/kernel/clock.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../support/defaults.ts';
import { requireClient } from '../support/interop.ts';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { createServiceRole, VPC } from '../eks/eks-helpers.ts';

const script = fileURLToPath(new URL('./boto3-eks.py', import.meta.url));

function run(file: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let f: TollgateFixture;
before(async () => {
  // A clock that stands still: the cluster stays CREATING whatever the EKS delay and however slow the run.
  f = await startFixture({ clock: new ManualClock(Date.now()) });
});
after(() => f.close());

test('boto3: describe_cluster allowed on one cluster, AccessDeniedException with AWS\'s message on another', async (t) => {
  const python = await requireClient(t, 'boto3');
  if (python === undefined) return;
  const roleArn = await createServiceRole(f.iam(), 'eks-cluster-role', 'eks.amazonaws.com');
  for (const name of ['allowed', 'forbidden']) await f.eks().send(new CreateClusterCommand({ name, roleArn, resourcesVpcConfig: VPC }));
  const iam = f.iam();
  await iam.send(new CreateUserCommand({ UserName: 'py' }));
  await iam.send(new PutUserPolicyCommand({
    UserName: 'py', PolicyName: 'one-cluster',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/allowed` }] }),
  }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'py' }))).AccessKey!;

  const result = await run(python, [script, 'allowed', 'forbidden'], { TOLLGATE_URL: f.url, AWS_ACCESS_KEY_ID: key.AccessKeyId!, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey! });
  assert.equal(result.code, 0, result.stderr);
  const [allowed, forbidden] = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(allowed, { cluster: 'allowed', ok: true, arn: `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/allowed`, status: 'CREATING' });
  assert.deepEqual(forbidden, {
    cluster: 'forbidden', ok: false, code: 'AccessDeniedException', status: 403,
    message: `User: arn:aws:iam::${ACCOUNT}:user/py is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-west-2:${ACCOUNT}:cluster/forbidden because no identity-based policy allows the eks:DescribeCluster action`,
  });
});
