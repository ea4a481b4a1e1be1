// Faults of several processes on PostgreSQL (issue 13): the database stopped under load answers 503
// ServiceUnavailable, keeps nothing half-written, and the processes recover by themselves when it is
// back; a process killed with SIGKILL loses no acknowledged write.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateUserCommand, GetUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { postgresSkipReason, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';
import { rootCredentials, startTollgateProcess, type TollgateProcess } from '../support/tollgate-process.ts';
import { rejection, type Credentials } from '../support/tollgate-fixture.ts';

const skip = postgresSkipReason();
const env = { TOLLGATE_MASTER_KEY: 'b'.repeat(64) };
let cluster: PostgresCluster | undefined;

async function health(process: TollgateProcess): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${process.url}/_tollgate/health`);
  return { status: response.status, body: await response.json() as Record<string, unknown> };
}

/** Every user name of the account, through `process`. */
async function userNames(process: TollgateProcess, root: Credentials): Promise<Set<string>> {
  const out = await process.iam(root).send(new ListUsersCommand({ MaxItems: 1000 }));
  return new Set((out.Users ?? []).map((u) => u.UserName!));
}

before(async () => {
  if (!skip) cluster = await startPostgresCluster();
});
after(() => cluster?.destroy());

describe('faults of processes on PostgreSQL', { skip }, () => {
  test('PostgreSQL stopped under load: 503 ServiceUnavailable, nothing half-written, recovery by itself when it returns', async () => {
    const url = await cluster!.freshDatabase('faults');
    const one = await startTollgateProcess(url, env);
    const two = await startTollgateProcess(url, env);
    try {
      const root = rootCredentials(one);
      const health0 = await health(two);
      assert.equal(health0.status, 200);
      assert.equal(health0.body['storeKind'], 'postgres');
      assert.equal(health0.body['storeReachable'], true);
      assert.equal(health0.body['storeListener'], 'listening');

      // Load: writers on both processes, each write a new user; outcomes noted by name.
      const acknowledged = new Set<string>();
      const unavailable = new Set<string>();
      const other: string[] = [];
      let stop = false;
      let n = 0;
      const writer = async (process: TollgateProcess) => {
        while (!stop) {
          const name = `load-${++n}`;
          try {
            await process.iam(root).send(new CreateUserCommand({ UserName: name }));
            acknowledged.add(name);
          } catch (error) {
            if ((error as Error).name === 'ServiceUnavailable' && (error as { $metadata: { httpStatusCode?: number } }).$metadata.httpStatusCode === 503) unavailable.add(name);
            else other.push(`${(error as Error).name}: ${(error as Error).message}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }
      };
      const writers = [writer(one), writer(two), writer(one), writer(two)];
      while (acknowledged.size < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      cluster!.stop();
      const before = unavailable.size;
      while (unavailable.size < before + 4) await new Promise((resolve) => setTimeout(resolve, 20));

      // While it is away: reads are refused the same way, EKS with its own code, and health says so.
      const read = await rejection(two.iam(root).send(new GetUserCommand({ UserName: 'load-1' })));
      assert.equal(read.name, 'ServiceUnavailable');
      assert.equal(read.message, 'The request has failed due to a temporary failure of the server.');
      assert.equal(read.$metadata.httpStatusCode, 503);
      const eks = await rejection(one.eks(root).send(new DescribeClusterCommand({ name: 'absent' })));
      assert.equal(eks.name, 'ServiceUnavailableException');
      assert.equal(eks.$metadata.httpStatusCode, 503);
      const down = await health(one);
      assert.equal(down.status, 503);
      assert.equal(down.body['storeReachable'], false);
      // Its listening connection is gone too: the process trusts no memo until it listens again.
      assert.equal(down.body['storeListener'], 'reconnecting');

      cluster!.start();
      const acknowledgedBefore = acknowledged.size;
      // Recovery by itself: the same processes, no restart; writes are acknowledged again on both.
      const deadline = Date.now() + 20_000;
      while (acknowledged.size < acknowledgedBefore + 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      stop = true;
      await Promise.all(writers);
      assert.ok(acknowledged.size >= acknowledgedBefore + 20, 'writes are acknowledged again after PostgreSQL returned');
      assert.deepEqual(other, [], 'every failure was a 503 ServiceUnavailable');
      assert.equal((await health(one)).status, 200);
      assert.equal((await health(two)).status, 200);
      // And the listening connections came back by themselves (their pause grows to 2 s at most).
      for (const process of [one, two]) {
        const until = Date.now() + 10_000;
        while ((await health(process)).body['storeListener'] !== 'listening') {
          assert.ok(Date.now() < until, 'the listening connection came back');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }

      // The metrics of a process on PostgreSQL: its 503s counted as store errors, its pool's connections.
      const metrics = await (await fetch(`${one.url}/_tollgate/metrics`)).text();
      const value = (line: string) => Number(metrics.split('\n').find((l) => l.startsWith(`${line} `))?.slice(line.length + 1));
      assert.ok(value('tollgate_store_errors_total') > 0, 'the 503s are counted as store errors');
      assert.ok(value('tollgate_store_pool_connections{state="total"}') >= 1, 'the pool is reported');

      // Nothing lost, nothing half-written: every acknowledged user exists, and each listed one is whole and readable on both processes.
      const names = await userNames(two, root);
      for (const name of acknowledged) assert.ok(names.has(name), `acknowledged ${name} exists`);
      for (const name of names) assert.ok(acknowledged.has(name) || unavailable.has(name), `${name} was written by this test`);
      for (const name of [...names].slice(0, 5)) {
        assert.equal((await one.iam(root).send(new GetUserCommand({ UserName: name }))).User?.UserName, name);
      }
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  test('a process killed with SIGKILL mid-write loses no acknowledged write', async () => {
    const url = await cluster!.freshDatabase('faults');
    const one = await startTollgateProcess(url, env);
    const two = await startTollgateProcess(url, env);
    try {
      const root = rootCredentials(one);
      const acknowledged = new Set<string>();
      let n = 0;
      let killed = false;
      const writer = async () => {
        while (!killed) {
          const name = `kill-${++n}`;
          try {
            await one.iam(root).send(new CreateUserCommand({ UserName: name }));
            acknowledged.add(name);
          } catch {
            return; // the process is gone
          }
        }
      };
      const writers = [writer(), writer(), writer(), writer()];
      while (acknowledged.size < 30) await new Promise((resolve) => setTimeout(resolve, 5));
      killed = true;
      await one.kill();
      await Promise.all(writers);
      const names = await userNames(two, root);
      for (const name of acknowledged) assert.ok(names.has(name), `acknowledged ${name} survived the SIGKILL`);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });
});
