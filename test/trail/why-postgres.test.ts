// `tollgate why` and `tollgate diagnose` read a PostgreSQL database several processes share
// (`--database`), as they read a data directory: the denial a server on that database recorded is
// explained, its fix verified, without the server's data directory and without the master key.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CreateAccessKeyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { postgresSkipReason, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';
import { rootCredentials, runTollgate, startTollgateProcess, type TollgateProcess } from '../support/tollgate-process.ts';
import { rejection } from '../support/tollgate-fixture.ts';

const skip = postgresSkipReason();
let cluster: PostgresCluster | undefined;
let server: TollgateProcess | undefined;

before(async () => {
  if (skip) return;
  cluster = await startPostgresCluster();
  server = await startTollgateProcess(cluster.url, { TOLLGATE_MASTER_KEY: 'b'.repeat(64) });
});
after(async () => {
  await server?.stop();
  await cluster?.destroy();
});

/** `why ID --database URL --json` once the trail holds ID (the server writes it within a tenth of a second). */
async function whyOnDatabase(requestId: string, url: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt += 1) {
    const run = await runTollgate(['why', requestId, '--database', url, '--json'], {});
    if (run.code === 0) return JSON.parse(run.stdout) as Record<string, unknown>;
    assert.ok(attempt < 20 && /holds no request/.test(run.stderr), `why exited ${run.code}: ${run.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('why and diagnose explain a denial recorded on a shared PostgreSQL database, given --database', { skip }, async () => {
  const url = cluster!.url;
  const root = rootCredentials(server!);
  await server!.iam(root).send(new CreateUserCommand({ UserName: 'pg-why' }));
  const key = (await server!.iam(root).send(new CreateAccessKeyCommand({ UserName: 'pg-why' }))).AccessKey!;
  const denied = await rejection(server!.eks({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }).send(new DescribeClusterCommand({ name: 'pg-cluster' })));
  const requestId = denied.$metadata.requestId!;

  // No TOLLGATE_MASTER_KEY here: reading and deciding needs no secret.
  const explained = await whyOnDatabase(requestId, url);
  assert.equal(explained['principal'], 'arn:aws:iam::111122223333:user/pg-why');
  assert.equal(explained['action'], 'eks:DescribeCluster');
  assert.equal(explained['decision'], 'ImplicitlyDenied');
  assert.deepEqual(explained['blockedBy'], ['identity']);
  const fix = explained['fix'] as { verified: boolean; decisionAfter: string; changes: { command: string }[] };
  assert.equal(fix.verified, true);
  assert.equal(fix.decisionAfter, 'Allowed');
  assert.match(fix.changes[0]!.command, /^aws iam put-user-policy --user-name pg-why /);

  const diagnosed = await runTollgate(['diagnose', '--database', url, '--json', `An error occurred (AccessDeniedException) when calling the DescribeCluster operation: ${denied.message}`], {});
  assert.equal(diagnosed.code, 0, diagnosed.stderr);
  const diagnosis = JSON.parse(diagnosed.stdout) as { verified: boolean; explanation: string };
  assert.equal(diagnosis.verified, true);
  assert.match(diagnosis.explanation, /Against the database postgres:\/\/[^ ]*\/tollgate, the request was decided again/);
  assert.doesNotMatch(diagnosis.explanation + diagnosed.stderr, /:[^:@/ ]+@/, 'the URL is told without its password');

  const unknown = await runTollgate(['why', 'no-such-request', '--database', url], {});
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /^tollgate why: the audit trail of the database postgres:\/\/\S+\/tollgate holds no request no-such-request\n$/);
});
