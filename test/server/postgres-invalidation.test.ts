// Exact across processes on PostgreSQL (issue 13, docs/postgresql-store.md): a change made through one
// process is seen by the other on its very next request, through notifications while the listening
// connections listen and through the snapshot check while one does not; a lost notification leaves no
// stale answer; and one EKS update at a time holds across processes. Real `tollgate serve` processes on a
// throwaway cluster, real AWS SDK v3 clients.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, DetachUserPolicyCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { CreateClusterCommand, DescribeClusterCommand, UpdateClusterConfigCommand, UpdateClusterVersionCommand, type LogType } from '@aws-sdk/client-eks';
import { postgresSkipReason, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';
import { rootCredentials, startTollgateProcess, type TollgateProcess } from '../support/tollgate-process.ts';
import type { Credentials } from '../support/tollgate-fixture.ts';
import { createServiceRole, VPC } from '../eks/eks-helpers.ts';

const skip = postgresSkipReason();
const env = { TOLLGATE_MASTER_KEY: 'e'.repeat(64) };
let cluster: PostgresCluster | undefined;
let admin: pg.Client | undefined;

/** The backend pid of `process`'s listening connection, or undefined while it has none. */
async function listenerPid(process: TollgateProcess): Promise<number | undefined> {
  const found = await admin!.query<{ pid: number }>('select pid from pg_stat_activity where application_name like $1', [`tollgate-listener % ${process.child.pid}`]);
  return found.rows[0]?.pid;
}

/** Terminates `process`'s listening connection and waits (up to 5 s) until its backend is gone; answers its pid. */
async function terminateListener(process: TollgateProcess): Promise<number> {
  const pid = await listenerPid(process);
  assert.ok(pid !== undefined, 'the process has a listening connection');
  const ended = await admin!.query<{ ended: boolean }>('select pg_terminate_backend($1, 5000) as ended', [pid]);
  assert.equal(ended.rows[0]?.ended, true);
  return pid;
}

async function listenerHealth(process: TollgateProcess): Promise<unknown> {
  const body = await (await fetch(`${process.url}/_tollgate/health`)).json() as Record<string, unknown>;
  return body['storeListener'];
}

/** Waits (up to 10 s) until `process` listens again on a connection other than `formerPid`'s. */
async function relistened(process: TollgateProcess, formerPid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const pid = await listenerPid(process);
    if (pid !== undefined && pid !== formerPid && await listenerHealth(process) === 'listening') return;
    assert.ok(Date.now() < deadline, 'the listening connection came back by itself');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

before(async () => {
  if (skip) return;
  cluster = await startPostgresCluster();
  admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
});
after(async () => {
  await admin?.end();
  cluster?.destroy();
});

describe('a change through one process, the next request on the other', { skip }, () => {
  let one: TollgateProcess;
  let two: TollgateProcess;
  let root: Credentials;
  let flipper: Credentials;
  let policyArn: string;
  /** The policy is attached through `writer`; `reader`'s very next GetUser is allowed; then detached, and denied. */
  let flip: (writer: TollgateProcess, reader: TollgateProcess) => Promise<string[]>;

  before(async () => {
    if (skip) return;
    const url = await cluster!.freshDatabase('invalidation');
    one = await startTollgateProcess(url, env);
    two = await startTollgateProcess(url, env);
    root = rootCredentials(one);
    await one.iam(root).send(new CreateUserCommand({ UserName: 'flipper' }));
    const key = (await two.iam(root).send(new CreateAccessKeyCommand({ UserName: 'flipper' }))).AccessKey!;
    flipper = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    policyArn = (await one.iam(root).send(new CreatePolicyCommand({
      PolicyName: 'get-user', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] }),
    }))).Policy!.Arn!;
    const writers = new Map<TollgateProcess, ReturnType<TollgateProcess['iam']>>([[one, one.iam(root)], [two, two.iam(root)]]);
    const readers = new Map<TollgateProcess, ReturnType<TollgateProcess['iam']>>([[one, one.iam(flipper)], [two, two.iam(flipper)]]);
    flip = async (writer, reader) => {
      const stale: string[] = [];
      await writers.get(writer)!.send(new AttachUserPolicyCommand({ UserName: 'flipper', PolicyArn: policyArn }));
      const allowed = await readers.get(reader)!.send(new GetUserCommand({})).then(() => 'allowed', (error: Error) => error.name);
      if (allowed !== 'allowed') stale.push(`after the attach: ${allowed}`);
      await writers.get(writer)!.send(new DetachUserPolicyCommand({ UserName: 'flipper', PolicyArn: policyArn }));
      const denied = await readers.get(reader)!.send(new GetUserCommand({})).then(() => 'allowed', (error: Error) => error.name);
      if (denied !== 'AccessDenied') stale.push(`after the detach: ${denied}`);
      return stale;
    };
  });
  after(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
  });

  test('200 alternations: a policy attached or detached on one process is enforced by the other on its very next request, with no stale answer', async () => {
    assert.equal(await listenerHealth(one), 'listening');
    assert.equal(await listenerHealth(two), 'listening');
    const stale: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const [writer, reader] = i % 2 === 0 ? [one, two] : [two, one];
      for (const answer of await flip(writer, reader)) stale.push(`round ${i}: ${answer}`);
    }
    assert.deepEqual(stale, []);
  });

  test('the listening connection terminated: the process stays exact while it has none and listens again by itself', async () => {
    const former = await terminateListener(two);
    const stale: string[] = [];
    // Right after the termination two has no listening connection: its answers must come from the database.
    for (let i = 0; i < 5; i += 1) stale.push(...await flip(one, two));
    await relistened(two, former);
    for (let i = 0; i < 5; i += 1) stale.push(...await flip(one, two), ...await flip(two, one));
    assert.deepEqual(stale, []);
  });

  test('a notification lost (the listener terminated right after a write, or between a write and the next request) leaves no stale answer', async () => {
    const stale: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      // Terminated after the write committed, before the other process's next request.
      await one.iam(root).send(new AttachUserPolicyCommand({ UserName: 'flipper', PolicyArn: policyArn }));
      let former = await terminateListener(two);
      const allowed = await two.iam(flipper).send(new GetUserCommand({})).then(() => 'allowed', (error: Error) => error.name);
      if (allowed !== 'allowed') stale.push(`round ${i}, after the attach: ${allowed}`);
      await relistened(two, former);
      // Terminated before the write: its notification never reaches the process, which learns of it otherwise.
      former = await terminateListener(two);
      await one.iam(root).send(new DetachUserPolicyCommand({ UserName: 'flipper', PolicyArn: policyArn }));
      const denied = await two.iam(flipper).send(new GetUserCommand({})).then(() => 'allowed', (error: Error) => error.name);
      if (denied !== 'AccessDenied') stale.push(`round ${i}, after the detach: ${denied}`);
      await relistened(two, former);
    }
    assert.deepEqual(stale, []);
  });

  test('the writer\'s own listening connection terminated: its writes are still acknowledged, and the other process still sees them', async () => {
    const former = await terminateListener(one);
    const stale = await flip(one, two);
    await relistened(one, former);
    stale.push(...await flip(one, two));
    assert.deepEqual(stale, []);
  });
});

describe('one EKS update at a time, across processes', { skip }, () => {
  test('20 parallel UpdateClusterVersion and UpdateClusterConfig for one cluster over both processes: exactly one succeeds, the others get ResourceInUseException naming it', async () => {
    const url = await cluster!.freshDatabase('invalidation');
    // Updates stay InProgress for 5 s, longer than the race takes.
    const one = await startTollgateProcess(url, env, ['--eks-delay-seconds', '5']);
    const other = await startTollgateProcess(url, env, ['--eks-delay-seconds', '5']);
    try {
      const root = rootCredentials(one);
      const roleArn = await createServiceRole(one.iam(root), 'eks-cluster-role', 'eks.amazonaws.com');
      await other.eks(root).send(new CreateClusterCommand({ name: 'raced', roleArn, resourcesVpcConfig: VPC, version: '1.33' }));
      const deadline = Date.now() + 20_000;
      while ((await one.eks(root).send(new DescribeClusterCommand({ name: 'raced' }))).cluster?.status !== 'ACTIVE') {
        assert.ok(Date.now() < deadline, 'the cluster became ACTIVE');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const logTypes: LogType[] = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];
      const calls = Array.from({ length: 20 }, (_, n) => {
        const process = n % 2 === 0 ? one : other;
        // Each logging change differs from the others, so that none is refused as "no change" whichever wins.
        return n < 5
          ? process.eks(root).send(new UpdateClusterConfigCommand({ name: 'raced', logging: { clusterLogging: [{ types: [logTypes[n]!], enabled: true }] } })).then((out) => ({ type: 'LoggingUpdate', id: out.update?.id }))
          : process.eks(root).send(new UpdateClusterVersionCommand({ name: 'raced', version: '1.34' })).then((out) => ({ type: 'VersionUpdate', id: out.update?.id }));
      });
      const results = await Promise.allSettled(calls);
      const succeeded = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      assert.equal(succeeded.length, 1, 'exactly one update succeeded');
      const winner = succeeded[0]!.id;
      results.forEach((r, n) => {
        if (r.status === 'fulfilled') return;
        const error = r.reason as Error & { $metadata: { httpStatusCode?: number } };
        assert.equal(error.name, 'ResourceInUseException');
        assert.equal(error.$metadata.httpStatusCode, 409);
        assert.equal(error.message, `Cannot ${n < 5 ? 'LoggingUpdate' : 'VersionUpdate'} because cluster raced currently has update ${winner} in progress`);
      });
    } finally {
      await Promise.all([one.stop(), other.stop()]);
    }
  });
});
