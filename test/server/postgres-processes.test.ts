// Several Tollgate processes on one PostgreSQL database (issue 13): one state, exact on every process.
// Real `tollgate serve` processes on a throwaway cluster, real AWS SDK v3 clients alternating between them.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  AttachRolePolicyCommand, AttachUserPolicyCommand, ListAttachedUserPoliciesCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, DeleteAccessKeyCommand, DetachRolePolicyCommand,
  CreatePolicyVersionCommand, GetUserCommand, ListAccessKeysCommand, ListPolicyVersionsCommand, PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CreateClusterCommand, DescribeClusterCommand } from '@aws-sdk/client-eks';
import { postgresSkipReason, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';
import { rootCredentials, runTollgate, startTollgateProcess, type TollgateProcess } from '../support/tollgate-process.ts';
import { rejection, type Credentials } from '../support/tollgate-fixture.ts';
import { createServiceRole, VPC } from '../eks/eks-helpers.ts';

const skip = postgresSkipReason();
const MASTER_KEY = 'a'.repeat(64);
const env = { TOLLGATE_MASTER_KEY: MASTER_KEY };
let cluster: PostgresCluster | undefined;

before(async () => {
  if (!skip) cluster = await startPostgresCluster();
});
after(() => cluster?.destroy());

describe('two processes on one PostgreSQL database', { skip }, () => {
  let url: string;
  let one: TollgateProcess;
  let two: TollgateProcess;
  let root: Credentials;
  /** Process one, then two, then one… for each call. */
  let turn = 0;
  const next = (): TollgateProcess => ((turn += 1) % 2 === 1 ? one : two);

  before(async () => {
    if (skip) return;
    url = await cluster!.freshDatabase('processes');
    // Started together: migrations run once, under the advisory lock; one of them creates the default account.
    [one, two] = await Promise.all([startTollgateProcess(url, env), startTollgateProcess(url, env)]);
    const writers = [one, two].filter((p) => existsSync(join(p.dataDir, 'root-credentials')));
    assert.equal(writers.length, 1, 'exactly one process initialised the database and wrote the root credentials');
    root = rootCredentials(writers[0]!);
  });
  after(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
  });

  test('the EKS troubleshooting story, request by request on alternating processes', async () => {
    const roleArn = await createServiceRole(next().iam(root), 'eks-cluster-role', 'eks.amazonaws.com');
    await next().eks(root).send(new CreateClusterCommand({ name: 'cluster_name', roleArn, resourcesVpcConfig: VPC }));
    await next().iam(root).send(new CreateUserCommand({ UserName: 'user_name' }));
    const key = (await next().iam(root).send(new CreateAccessKeyCommand({ UserName: 'user_name' }))).AccessKey!;
    const user = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const denied = await rejection(next().eks(user).send(new DescribeClusterCommand({ name: 'cluster_name' })));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.match(denied.message, /^User: arn:aws:iam::111122223333:user\/user_name is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster\/cluster_name/);
    await next().iam(root).send(new PutUserPolicyCommand({
      UserName: 'user_name', PolicyName: 'describe',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: '*' }] }),
    }));
    // The grant made through one process is enforced by the other on its very next request, and by both after.
    for (let i = 0; i < 4; i += 1) {
      const described = await next().eks(user).send(new DescribeClusterCommand({ name: 'cluster_name' }));
      assert.equal(described.cluster?.name, 'cluster_name');
    }
  });

  test('a key deleted on one process is refused on the other at once', async () => {
    await one.iam(root).send(new CreateUserCommand({ UserName: 'leaver' }));
    const key = (await two.iam(root).send(new CreateAccessKeyCommand({ UserName: 'leaver' }))).AccessKey!;
    const leaver = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    // Both processes have verified (and cached) the key.
    assert.equal((await one.sts(leaver).send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::111122223333:user/leaver');
    assert.equal((await two.sts(leaver).send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::111122223333:user/leaver');
    await one.iam(root).send(new DeleteAccessKeyCommand({ UserName: 'leaver', AccessKeyId: key.AccessKeyId! }));
    const refused = await rejection(two.sts(leaver).send(new GetCallerIdentityCommand({})));
    assert.equal(refused.name, 'InvalidClientTokenId');
    assert.equal(refused.$metadata.httpStatusCode, 403);
  });

  test('cross-account AssumeRole across processes, and revocation of the role\'s permissions', async () => {
    const created = await runTollgate(['accounts', 'create', '--id', '444455556666', '--database', url, '--data-dir', one.dataDir], env);
    assert.equal(created.code, 0, created.stderr);
    const other = JSON.parse(created.stdout) as { AccessKeyId: string; SecretAccessKey: string };
    const otherRoot = { accessKeyId: other.AccessKeyId, secretAccessKey: other.SecretAccessKey };
    const listed = await runTollgate(['accounts', 'list', '--database', url, '--data-dir', two.dataDir], env);
    assert.deepEqual(listed.stdout.trim().split('\n'), ['111122223333', '444455556666']);
    // Account 444455556666 trusts account 111122223333 to read IAM users.
    await one.iam(otherRoot).send(new CreateUserCommand({ UserName: 'target' }));
    await two.iam(otherRoot).send(new CreateRoleCommand({
      RoleName: 'auditor',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] }),
    }));
    const policy = await one.iam(otherRoot).send(new CreatePolicyCommand({
      PolicyName: 'read-users', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] }),
    }));
    await two.iam(otherRoot).send(new AttachRolePolicyCommand({ RoleName: 'auditor', PolicyArn: policy.Policy!.Arn! }));
    await two.iam(root).send(new CreateUserCommand({ UserName: 'caller' }));
    await one.iam(root).send(new PutUserPolicyCommand({
      UserName: 'caller', PolicyName: 'assume',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::444455556666:role/auditor' }] }),
    }));
    const callerKey = (await two.iam(root).send(new CreateAccessKeyCommand({ UserName: 'caller' }))).AccessKey!;
    const caller = { accessKeyId: callerKey.AccessKeyId!, secretAccessKey: callerKey.SecretAccessKey! };
    const assumed = await one.sts(caller).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::444455556666:role/auditor', RoleSessionName: 'audit' }));
    const session = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
    assert.equal((await two.sts(session).send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::444455556666:assumed-role/auditor/audit');
    assert.equal((await one.iam(session).send(new GetUserCommand({ UserName: 'target' }))).User?.Arn, 'arn:aws:iam::444455556666:user/target');
    // Revoked on process two (the role's only policy detached): process one refuses the session's next call.
    await two.iam(otherRoot).send(new DetachRolePolicyCommand({ RoleName: 'auditor', PolicyArn: policy.Policy!.Arn! }));
    const refused = await rejection(one.iam(session).send(new GetUserCommand({ UserName: 'target' })));
    assert.equal(refused.name, 'AccessDenied');
    assert.match(refused.message, /assumed-role\/auditor\/audit is not authorized to perform: iam:GetUser/);
  });

  test('quotas hold under races across processes: 100 parallel CreateAccessKey for one user, exactly 2 succeed', async () => {
    await one.iam(root).send(new CreateUserCommand({ UserName: 'racer' }));
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => next().iam(root).send(new CreateAccessKeyCommand({ UserName: 'racer' }))));
    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).name] : []));
    assert.equal(succeeded.length, 2);
    assert.deepEqual(new Set(refused), new Set(['LimitExceededException']));
    assert.equal((await two.iam(root).send(new ListAccessKeysCommand({ UserName: 'racer' }))).AccessKeyMetadata?.length, 2);
  });

  test('quotas hold under races across processes: 20 parallel CreatePolicyVersion, the policy ends with exactly 5 versions', async () => {
    const document = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::111122223333:user/u${n}` }] });
    const policy = await two.iam(root).send(new CreatePolicyCommand({ PolicyName: 'raced', PolicyDocument: document(0) }));
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => next().iam(root).send(new CreatePolicyVersionCommand({ PolicyArn: policy.Policy!.Arn!, PolicyDocument: document(n + 1) }))));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 4);
    assert.equal((await one.iam(root).send(new ListPolicyVersionsCommand({ PolicyArn: policy.Policy!.Arn! }))).Versions?.length, 5);
  });

  test('quotas hold under races across processes: 15 parallel AttachUserPolicy of different policies, exactly 10 attached', async () => {
    await one.iam(root).send(new CreateUserCommand({ UserName: 'collector' }));
    const arns: string[] = [];
    for (let i = 0; i < 15; i += 1) {
      const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::111122223333:user/p${i}` }] });
      arns.push((await next().iam(root).send(new CreatePolicyCommand({ PolicyName: `collected-${i}`, PolicyDocument: document }))).Policy!.Arn!);
    }
    const results = await Promise.allSettled(arns.map((arn) => next().iam(root).send(new AttachUserPolicyCommand({ UserName: 'collector', PolicyArn: arn }))));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
    assert.deepEqual(new Set(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).name] : []))), new Set(['LimitExceededException']));
    assert.equal((await two.iam(root).send(new ListAttachedUserPoliciesCommand({ UserName: 'collector' }))).AttachedPolicies?.length, 10);
  });

  test('a process whose master key does not open the database\'s secrets refuses to start, saying why', async () => {
    await assert.rejects(startTollgateProcess(url, { TOLLGATE_MASTER_KEY: 'c'.repeat(64) }),
      /tollgate serve: the master key does not open the secrets of postgres:\/\/tollgate@127\.0\.0\.1:\d+\/processes_\d+ \(they were sealed with another key\): give every process the same key/);
    // Nor does a command given the wrong key write anything.
    const listed = await runTollgate(['accounts', 'list', '--database', url, '--data-dir', one.dataDir], { TOLLGATE_MASTER_KEY: 'c'.repeat(64) });
    assert.equal(listed.code, 1);
    assert.match(listed.stderr, /the master key does not open the secrets/);
  });

  test('tollgate reset --database: every process goes to the fresh state at once; old keys refused, the new root key works on both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-reset-'));
    try {
      const reset = await runTollgate(['reset', '--yes', '--database', url, '--data-dir', dir], env);
      assert.equal(reset.code, 0, reset.stderr);
      assert.match(reset.stdout, /^reset postgres:\/\/tollgate@127\.0\.0\.1:\d+\/processes_\d+: every account erased; account 111122223333 created anew/);
      const refused = await rejection(one.sts(root).send(new GetCallerIdentityCommand({})));
      assert.equal(refused.name, 'InvalidClientTokenId');
      const file = readFileSync(join(dir, 'root-credentials'), 'utf8');
      const fresh = { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
      assert.equal((await two.sts(fresh).send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::111122223333:root');
      assert.equal((await one.sts(fresh).send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::111122223333:root');
      root = fresh;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
