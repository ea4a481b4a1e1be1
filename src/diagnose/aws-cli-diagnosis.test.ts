// The AWS CLI's own denial text, diagnosed offline and against the data directory, and the fix applied
// with the very AWS CLI command `diagnose` prints: the person who saw the error can fix it by copying.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';
import { createServiceRole, userWithPolicy, VPC } from '../../test/eks/eks-helpers.ts';
import { runAwsCli } from '../../test/support/aws-cli.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../../test/support/defaults.ts';
import { requireClient } from '../../test/support/interop.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../../test/support/tollgate-fixture.ts';

let fx: TollgateFixture;
before(async () => {
  fx = await startFixture();
  await createServiceRole(fx.iam(), 'eks-cluster-role', 'eks.amazonaws.com');
});
after(() => fx.close());

const aws = (credentials: Credentials, ...args: string[]) => runAwsCli(fx.url, credentials, 'us-west-2', ...args);

async function diagnose(...args: string[]): Promise<{ fixes: { where: string; policy: object }[]; verified: boolean; operation: string | null }> {
  const out: string[] = [];
  assert.equal(await main(['diagnose', '--json', ...args], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) }), 0, out.join(''));
  return JSON.parse(out.join('')) as { fixes: { where: string; policy: object }[]; verified: boolean; operation: string | null };
}

test('aws eks create-cluster without iam:PassRole: diagnosed, fixed with the printed `aws iam put-user-policy`, then created', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const gina = await userWithPolicy(fx.iam(), 'gina', [{ Effect: 'Allow', Action: ['eks:CreateCluster', 'iam:CreateServiceLinkedRole'], Resource: '*' }]);
  const createArgs = ['eks', 'create-cluster', '--name', 'gina-cluster', '--role-arn', `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role`, '--resources-vpc-config', `subnetIds=${VPC.subnetIds.join(',')}`];
  const denied = await aws(gina, ...createArgs);
  assert.notEqual(denied.status, 0);
  assert.ok(denied.stderr.includes(`An error occurred (AccessDeniedException) when calling the CreateCluster operation: User: arn:aws:iam::${ACCOUNT}:user/gina is not authorized to perform: iam:PassRole`), denied.stderr);

  // Offline, the CLI's operation alone gives the service the role is passed to.
  const offline = await diagnose(denied.stderr);
  assert.equal(offline.operation, 'CreateCluster');
  assert.equal(offline.verified, false);
  const online = await diagnose('--data-dir', fx.dataDir, denied.stderr);
  assert.equal(online.verified, true);
  assert.deepEqual(online.fixes, offline.fixes, 'the text alone already gave the verified fix');

  const fix = online.fixes[0]!;
  const command = /(aws iam put-user-policy .*)$/.exec(fix.where)![1]!.split(' ').slice(1);
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-fix-'));
  writeFileSync(join(dir, 'policy.json'), JSON.stringify(fix.policy));
  // IAM is global: its endpoint signs in us-east-1.
  const applied = await runAwsCli(fx.url, fx.root, 'us-east-1', ...command.map((arg) => arg.replace('file://policy.json', `file://${join(dir, 'policy.json')}`)));
  assert.equal(applied.status, 0, applied.stderr);

  const created = await aws(gina, ...createArgs);
  assert.equal(created.status, 0, created.stderr);
  assert.equal((JSON.parse(created.stdout) as { cluster: { status: string } }).cluster.status, 'CREATING');
});
