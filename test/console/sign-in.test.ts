// The console's sign-in and sign-out against a real server: session credentials that act as the IAM
// user (or root user) through the normal signed AWS APIs, one answer for every wrong name or password,
// the bounds on failures, the forced password change, and revocation at sign-out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  AttachUserPolicyCommand, ChangePasswordCommand, CreateLoginProfileCommand, CreateUserCommand, ListUsersCommand, PutUserPolicyCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { setRootPasswordCommand } from '../../src/cli/set-root-password-command.ts';
import { AUTHENTICATION_FAILED } from '../../src/server/console-sign-in.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, allow } from '../iam/identity-assertions.ts';
import { credentialsOf, signIn, signOut } from './console-client.ts';

let f: TollgateFixture;
let root: IAMClient;
before(async () => {
  f = await startFixture();
  root = f.iam();
  await root.send(new CreateUserCommand({ UserName: 'alice' }));
  await root.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Alice-Pass-1' }));
  await root.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'list', PolicyDocument: allow('iam:ListUsers') }));
});
after(() => f.close());

const failed = { error: 'AuthenticationFailed', message: AUTHENTICATION_FAILED };

test('an IAM user signs in: short-lived credentials that act as the user through the signed AWS APIs', async () => {
  const answer = await signIn(f.url, { account: ACCOUNT, userName: 'alice', password: 'Alice-Pass-1' });
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  assert.deepEqual(answer.body['identity'], { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice`, type: 'IAMUser', userName: 'alice' });
  assert.equal(answer.body['passwordResetRequired'], false);
  const credentials = credentialsOf(answer);
  assert.match(credentials.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
  const expiration = Date.parse((answer.body['credentials'] as { expiration: string }).expiration);
  assert.ok(Math.abs(expiration - Date.now() - 3_600_000) < 5_000, 'an hour');
  const identity = await f.sts(credentials).send(new GetCallerIdentityCommand({}));
  assert.equal(identity.Arn, `arn:aws:iam::${ACCOUNT}:user/alice`);
  // Unlike GetSessionToken's credentials without MFA, a console session calls IAM, with the user's own permissions.
  const users = await f.iam(credentials).send(new ListUsersCommand({}));
  assert.ok(users.Users?.some((u) => u.UserName === 'alice'));
  const denied = await rejection(f.iam(credentials).send(new CreateUserCommand({ UserName: 'intruder' })));
  assert.equal(denied.message, `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/intruder because no identity-based policy allows the iam:CreateUser action`);
});

test('unknown accounts, users and login profiles and wrong passwords all get the same answer', async () => {
  await root.send(new CreateUserCommand({ UserName: 'no-console' }));
  const answers = await Promise.all([
    signIn(f.url, { account: ACCOUNT, userName: 'alice', password: 'Wrong-Pass-1' }),
    signIn(f.url, { account: ACCOUNT, userName: 'nobody', password: 'Alice-Pass-1' }),
    signIn(f.url, { account: ACCOUNT, userName: 'no-console', password: 'Alice-Pass-1' }),
    signIn(f.url, { account: '999988887777', userName: 'alice', password: 'Alice-Pass-1' }),
    signIn(f.url, { account: 'my-alias', userName: 'alice', password: 'Alice-Pass-1' }),
    signIn(f.url, { account: ACCOUNT, rootUser: true, password: 'Alice-Pass-1' }),
  ]);
  for (const answer of answers) {
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, failed);
  }
  const malformed = await signIn(f.url, { account: ACCOUNT, userName: 'alice' });
  assert.deepEqual({ status: malformed.status, body: malformed.body }, { status: 400, body: { error: 'InvalidInput', message: 'Enter a password.' } });
  const notJson = await fetch(`${f.url}/_tollgate/console/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'account=1' });
  assert.equal(notJson.status, 400);
  const form = await fetch(`${f.url}/_tollgate/console/sign-in`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ account: ACCOUNT, userName: 'alice', password: 'Alice-Pass-1' }) });
  assert.equal(form.status, 415, 'a cross-site form post (text/plain) is refused');
  assert.equal((await fetch(`${f.url}/_tollgate/console/sign-in`)).status, 405);
});

test('five failures for a user lock that user out for the window, even with the right password; others are not affected', async () => {
  await root.send(new CreateUserCommand({ UserName: 'bob' }));
  await root.send(new CreateLoginProfileCommand({ UserName: 'bob', Password: 'Bob-Pass-1' }));
  for (let i = 0; i < 5; i++) assert.equal((await signIn(f.url, { account: ACCOUNT, userName: 'BOB', password: `Guess-${i}` })).status, 401);
  const locked = await signIn(f.url, { account: ACCOUNT, userName: 'bob', password: 'Bob-Pass-1' });
  assert.equal(locked.status, 429);
  assert.equal(locked.body['error'], 'TooManyAttempts');
  assert.match(String(locked.body['message']), /^Too many failed sign-in attempts\. Wait 1[45] minutes and try again\.$/);
  assert.ok(Number(locked.headers.get('retry-after')) > 800);
  // The same bound holds for a name that does not exist: the answer does not tell them apart.
  for (let i = 0; i < 5; i++) await signIn(f.url, { account: ACCOUNT, userName: 'ghost', password: `Guess-${i}` });
  assert.equal((await signIn(f.url, { account: ACCOUNT, userName: 'ghost', password: 'x' })).status, 429);
  assert.equal((await signIn(f.url, { account: ACCOUNT, userName: 'alice', password: 'Alice-Pass-1' })).status, 200);
});

test('a client address is bounded too, and the window passes', async () => {
  const clock = new ManualClock(Date.now());
  const g = await startFixture({ clock });
  try {
    await g.iam().send(new CreateUserCommand({ UserName: 'carl' }));
    await g.iam().send(new CreateLoginProfileCommand({ UserName: 'carl', Password: 'Carl-Pass-1' }));
    for (let i = 0; i < 20; i++) assert.equal((await signIn(g.url, { account: ACCOUNT, userName: `spray${i}`, password: 'Summer-2024!' })).status, 401);
    assert.equal((await signIn(g.url, { account: ACCOUNT, userName: 'carl', password: 'Carl-Pass-1' })).status, 429, 'the client is refused for every user');
    clock.advance(15 * 60_000 + 1);
    assert.equal((await signIn(g.url, { account: ACCOUNT, userName: 'carl', password: 'Carl-Pass-1' })).status, 200);
  } finally {
    await g.close();
  }
});

test('PasswordResetRequired: the session may only change the password (ChangePassword through the SDK); then a normal sign-in', async () => {
  await root.send(new CreateUserCommand({ UserName: 'dana' }));
  await root.send(new CreateLoginProfileCommand({ UserName: 'dana', Password: 'Dana-Pass-1', PasswordResetRequired: true }));
  await root.send(new AttachUserPolicyCommand({ UserName: 'dana', PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' }));
  const first = await signIn(f.url, { account: ACCOUNT, userName: 'dana', password: 'Dana-Pass-1' });
  assert.equal(first.body['passwordResetRequired'], true);
  const limited = credentialsOf(first);
  const expiration = Date.parse((first.body['credentials'] as { expiration: string }).expiration);
  assert.ok(Math.abs(expiration - Date.now() - 900_000) < 5_000, 'fifteen minutes');
  const denied = await rejection(f.iam(limited).send(new ListUsersCommand({})));
  assert.equal(denied.message, `User: arn:aws:iam::${ACCOUNT}:user/dana is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ because no session policy allows the iam:ListUsers action`);
  await f.iam(limited).send(new ChangePasswordCommand({ OldPassword: 'Dana-Pass-1', NewPassword: 'Dana-Pass-New-2' }));
  assert.equal((await signIn(f.url, { account: ACCOUNT, userName: 'dana', password: 'Dana-Pass-1' })).status, 401);
  const second = await signIn(f.url, { account: ACCOUNT, userName: 'dana', password: 'Dana-Pass-New-2' });
  assert.equal(second.body['passwordResetRequired'], false);
  await f.iam(credentialsOf(second)).send(new ListUsersCommand({}));
});

test('sign-out revokes the session at once; only a console session signs out, and only with a valid signature', async () => {
  const credentials = credentialsOf(await signIn(f.url, { account: ACCOUNT, userName: 'alice', password: 'Alice-Pass-1' }));
  await f.iam(credentials).send(new ListUsersCommand({}));
  assert.deepEqual(await signOut(f.url, credentials), { status: 200, body: { signedOut: true } });
  const refused = await rejection(f.iam(credentials).send(new ListUsersCommand({})));
  assert.equal(refused.name, 'InvalidClientTokenId');
  assert.equal(refused.$metadata.httpStatusCode, 403);
  assert.equal((await signOut(f.url, credentials)).status, 403, 'a revoked session cannot sign out again');
  assert.deepEqual(await signOut(f.url, f.root), { status: 400, body: { error: 'InvalidInput', message: 'Only a console session signs out.' } });
  const forged = await signOut(f.url, { ...credentialsOf(await signIn(f.url, { account: ACCOUNT, userName: 'alice', password: 'Alice-Pass-1' })), secretAccessKey: 'x'.repeat(40) });
  assert.equal(forged.status, 403);
  assert.equal(forged.body['error'], 'InvalidSignatureException');
});

test('the root user signs in with the account id and the password set by `tollgate accounts set-root-password`', async () => {
  const out: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t) };
  assert.equal(await setRootPasswordCommand(['--id', ACCOUNT, '--data-dir', f.dataDir], io, () => 'weak\n'), 1);
  assert.equal(await setRootPasswordCommand(['--id', '000000000000', '--data-dir', f.dataDir], io, () => 'Root-Pass-1\n'), 1);
  assert.equal(await setRootPasswordCommand(['--id', ACCOUNT, '--data-dir', f.dataDir], io, () => 'Root-Pass-1\n'), 0);
  assert.ok(!out.join('').includes('Root-Pass-1'), 'the password is never printed');
  const answer = await signIn(f.url, { account: ACCOUNT, rootUser: true, password: 'Root-Pass-1' });
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.body['identity'], { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, type: 'Root' });
  const identity = await f.sts(credentialsOf(answer)).send(new GetCallerIdentityCommand({}));
  assert.equal(identity.Arn, `arn:aws:iam::${ACCOUNT}:root`);
  await f.iam(credentialsOf(answer)).send(new CreateUserCommand({ UserName: 'made-by-root-console' }));
  assert.equal((await signIn(f.url, { account: ACCOUNT, userName: 'root', password: 'Root-Pass-1' })).status, 401, 'root is not an IAM user name');
});
