// Secrets never reach the request log nor the database in the clear: access-key secrets, session
// credentials and passwords, on success and on failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand, PutUserPolicyCommand, UpdateLoginProfileCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { pinoLog } from '../../src/server/request-log.ts';
import { rejection, startFixture } from '../support/tollgate-fixture.ts';

test('the request log and the database never hold a secret or a password', async () => {
  const logDir = mkdtempSync(join(tmpdir(), 'tollgate-log-'));
  const logFile = join(logDir, 'requests.log');
  const fd = openSync(logFile, 'w');
  const log = pinoLog({ destination: fd });
  const f = await startFixture({ log });
  const secrets: string[] = [f.root.secretAccessKey];
  try {
    const iam = f.iam();
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'all', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey!;
    secrets.push(key.SecretAccessKey!);
    const password = 'Correct-Horse-Battery-Staple-1';
    const newPassword = 'Another-Secret-Password-2';
    secrets.push(password, newPassword);
    await iam.send(new CreateLoginProfileCommand({ UserName: 'carol', Password: password }));
    await iam.send(new UpdateLoginProfileCommand({ UserName: 'carol', Password: newPassword }));
    const carol = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const session = (await f.sts(carol).send(new GetSessionTokenCommand({}))).Credentials!;
    secrets.push(session.SecretAccessKey!, session.SessionToken!);
    await f.sts({ accessKeyId: session.AccessKeyId!, secretAccessKey: session.SecretAccessKey!, sessionToken: session.SessionToken! }).send(new GetCallerIdentityCommand({}));
    const wrong = 'w'.repeat(40);
    secrets.push(wrong);
    assert.equal((await rejection(f.sts({ accessKeyId: key.AccessKeyId!, secretAccessKey: wrong }).send(new GetCallerIdentityCommand({})))).name, 'SignatureDoesNotMatch');
  } finally {
    await f.tollgate.close();
    log.flush();
    closeSync(fd);
  }
  try {
    const logged = readFileSync(logFile, 'utf8');
    const lines = logged.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.ok(lines.some((l) => l['operation'] === 'CreateAccessKey' && l['status'] === 200), 'the log holds the requests');
    assert.ok(lines.some((l) => l['errorCode'] === 'SignatureDoesNotMatch'), 'and the refusals');
    const stored = readdirSync(f.dataDir).filter((name) => name.startsWith('tollgate.db')).map((name) => readFileSync(join(f.dataDir, name)));
    assert.ok(stored.length > 0);
    for (const secret of secrets) {
      assert.ok(!logged.includes(secret), `the log holds a secret (${secret.slice(0, 4)}…)`);
      for (const bytes of stored) assert.ok(!bytes.includes(Buffer.from(secret)), `the database holds a secret in the clear (${secret.slice(0, 4)}…)`);
    }
  } finally {
    rmSync(f.dataDir, { recursive: true, force: true });
    rmSync(logDir, { recursive: true, force: true });
  }
});
