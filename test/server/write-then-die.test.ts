// A write and its invalidation are one atomic fact (issue 11, item 1): another process on the same data
// directory commits a write through the Store and dies by SIGKILL the moment the write resolves. The
// running server, which has the credential and the caller's policies cached, must refuse the deleted key
// and the removed policy on the very next request: there is no later invalidation step to lose.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateAccessKeyCommand, CreateUserCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../support/defaults.ts';

const child = fileURLToPath(new URL('../support/write-then-die.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let f: TollgateFixture;
beforeEach(async () => { f = await startFixture(); });
afterEach(() => f.close());

/** Runs the write in another process and waits for it to die by its own SIGKILL. */
async function writeThenDie(...args: string[]): Promise<void> {
  const writer = spawn(process.execPath, ['--import', 'tsx', child, join(f.dataDir, 'tollgate.db'), ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  writer.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => writer.on('close', (c, s) => resolve([c, s])));
  assert.equal(signal, 'SIGKILL', `the writer should have killed itself after its write (exit ${code}): ${stderr}`);
}

async function userWithKey(name: string): Promise<{ id: string; credentials: Credentials }> {
  const user = (await f.iam().send(new CreateUserCommand({ UserName: name }))).User!;
  const key = (await f.iam().send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  return { id: user.UserId!, credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } };
}

test('a key deleted by a process that dies right after the commit is refused at once by the server that cached it', async () => {
  const { credentials } = await userWithKey('doomed-key');
  const sts = f.sts(credentials);
  for (let i = 0; i < 3; i++) assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:user/doomed-key`);
  await writeThenDie('delete-key', credentials.accessKeyId);
  const refused = await rejection(sts.send(new GetCallerIdentityCommand({})));
  assert.equal(refused.name, 'InvalidClientTokenId');
  assert.equal(refused.$metadata.httpStatusCode, 403);
});

test('a policy removed by a process that dies right after the commit stops allowing at once', async () => {
  const { id, credentials } = await userWithKey('doomed-policy');
  await f.iam().send(new PutUserPolicyCommand({
    UserName: 'doomed-policy', PolicyName: 'read',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] }),
  }));
  const iam = f.iam(credentials);
  for (let i = 0; i < 3; i++) assert.ok((await iam.send(new ListUsersCommand({}))).Users!.length >= 1);
  await writeThenDie('delete-user-policy', ACCOUNT, id, 'read');
  const refused = await rejection(iam.send(new ListUsersCommand({})));
  assert.equal(refused.name, 'AccessDenied');
  assert.match(refused.message, new RegExp(`^User: arn:aws:iam::${ACCOUNT}:user/doomed-policy is not authorized to perform: iam:ListUsers on resource: .* because no identity-based policy allows the iam:ListUsers action$`));
});
