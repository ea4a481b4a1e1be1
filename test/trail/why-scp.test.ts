// Issue 14: service control policies given to an account with `tollgate accounts scp` decide real
// requests as AWS Organizations' SCPs decide a member account's: an SCP denies a call the identity
// policy allows (AWS's AccessDenied text for an SCP), the account's root user is limited too, a running
// server sees each change at its next request; `tollgate why` names the SCP, its account and the
// deciding statement (or the missing Allow) and prints the `tollgate accounts scp` command that fixes it,
// which, run as printed in a shell, makes the same request allowed. `tollgate diagnose --data-dir` and
// SimulatePrincipalPolicy read the same SCPs. The command's errors are one line and a non-zero exit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CreateAccessKeyCommand, CreateUserCommand, ListGroupsCommand, ListUsersCommand, PutUserPolicyCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { main } from '../../src/cli/main.ts';
import { whyCommand } from '../../src/cli/why-command.ts';
import { diagnoseWithStore } from '../../src/diagnose/store-diagnosis.ts';
import { createAccount } from '../../src/services/iam/create-account.ts';
import type { WhyExplanation } from '../../src/trail/why.ts';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { eventsOf } from './trail-support.ts';

const bin = fileURLToPath(new URL('../../bin/tollgate.cjs', import.meta.url));
let f: TollgateFixture;

before(async () => {
  f = await startFixture();
});
after(async () => {
  await f.close();
});

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** A fresh account (SCPs apply account-wide: each test has its own) and its root credentials. */
async function account(id: string): Promise<Credentials> {
  const made = await createAccount(f.tollgate.runtime, id);
  return { accessKeyId: made.AccessKeyId, secretAccessKey: made.SecretAccessKey };
}

/** A user of the account `root` owns, allowed everything by its identity policy. */
async function admin(root: Credentials, name: string): Promise<Credentials> {
  await f.iam(root).send(new CreateUserCommand({ UserName: name }));
  await f.iam(root).send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'all', PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }));
  const { AccessKey } = await f.iam(root).send(new CreateAccessKeyCommand({ UserName: name }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

/** `tollgate ARGS --data-dir <the server's>` in this process: exit code and output. */
async function tollgate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--data-dir', f.dataDir], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

/** `tollgate why --json ID`. */
async function why(requestId: string | undefined, json = true): Promise<{ json: WhyExplanation | undefined; text: string }> {
  await eventsOf(f, requestId);
  let out = '';
  let err = '';
  const code = await whyCommand({ requestId: requestId!, dataDir: f.dataDir, json }, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  assert.equal(code, 0, err);
  return { json: json ? JSON.parse(out) as WhyExplanation : undefined, text: out };
}

/** Runs a printed command line in a POSIX shell, `tollgate` being this checkout's command on the server's data directory. */
function runPrinted(command: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', TOLLGATE_DATA_DIR: f.dataDir, NODE: process.execPath, TOLLGATE_BIN: bin };
  return new Promise((resolve) => {
    execFile('sh', ['-c', `tollgate() { "$NODE" "$TOLLGATE_BIN" "$@"; }\n${command}`], { encoding: 'utf8', env }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr: stderr.trim() });
    });
  });
}

/** Runs every command of a verified fix as printed. */
async function applyFix(w: WhyExplanation): Promise<void> {
  assert.ok(w.fix, 'a fix');
  assert.equal(w.fix.verified, true);
  assert.equal(w.fix.decisionAfter, 'Allowed');
  for (const change of w.fix.changes) {
    assert.match(change.command, /^tollgate accounts scp (put|delete) /);
    const run = await runPrinted(change.command);
    assert.equal(run.status, 0, `${change.command}\n${run.stderr}`);
  }
}

test('explicit deny in an SCP: AWS\'s message, the root user limited too; why names the SCP, its account and the Deny; the printed command allows the request again', async () => {
  const ACCOUNT = '210987654321';
  const root = await account(ACCOUNT);
  const ivy = await admin(root, 'ivy');
  await f.iam(ivy).send(new ListUsersCommand({})); // allowed, and the caller's decisions are cached now
  const put = await tollgate('accounts', 'scp', 'put', ACCOUNT, 'DenyUserListing', doc(
    { Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' },
    { Sid: 'NoListing', Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' },
  ));
  assert.equal(put.code, 0, put.stderr);
  assert.deepEqual(await tollgate('accounts', 'scp', 'list', ACCOUNT), { code: 0, stdout: 'DenyUserListing\n', stderr: '' });

  const denied = await rejection(f.iam(ivy).send(new ListUsersCommand({})));
  assert.equal(denied.name, 'AccessDenied');
  assert.equal(denied.$metadata.httpStatusCode, 403);
  assert.equal(denied.message, `User: arn:aws:iam::${ACCOUNT}:user/ivy is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ with an explicit deny in a service control policy`);
  const rootDenied = await rejection(f.iam(root).send(new ListUsersCommand({})));
  assert.equal(rootDenied.message, `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ with an explicit deny in a service control policy`);
  await f.iam(ivy).send(new CreateUserCommand({ UserName: 'still-allowed' })); // what the SCP allows stays allowed

  const w = (await why(denied.$metadata.requestId)).json!;
  assert.equal(w.decision, 'ExplicitlyDenied');
  assert.equal(w.message, denied.message);
  assert.deepEqual(w.blockedBy, ['scp']);
  assert.deepEqual(w.statements, [{ policy: { arn: null, name: 'DenyUserListing', kind: 'scp', attachedTo: ACCOUNT }, sid: 'NoListing', index: 1, effect: 'Deny' }]);
  assert.deepEqual(w.serviceControlPolicies, { accountId: ACCOUNT, names: ['DenyUserListing'] });
  assert.deepEqual(w.fix?.changes.map((c) => [c.kind, c.policyKind, c.target.type, c.target.name, c.target.accountId]), [['remove-statement', 'scp', 'scp', 'DenyUserListing', ACCOUNT]]);
  assert.equal(w.fix!.changes[0]!.command, `tollgate accounts scp put ${ACCOUNT} DenyUserListing '${doc({ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' })}'`);
  const text = (await why(denied.$metadata.requestId, false)).text;
  assert.match(text, /Blocked by: service control policy\n/);
  assert.match(text, new RegExp(`Deny statement NoListing \\(#1\\) of service control policy DenyUserListing, in effect for account ${ACCOUNT}\\n`));
  assert.match(text, new RegExp(`remove from the service control policy DenyUserListing of account ${ACCOUNT}:`));

  // diagnose --data-dir decides the denial text again over the same SCPs, and verifies its fix.
  const diagnosis = await diagnoseWithStore(`An error occurred (AccessDenied) when calling the ListUsers operation: ${denied.message}`, { dataDir: f.dataDir });
  assert.ok(diagnosis);
  assert.match(diagnosis.explanation, new RegExp(`Deciding statement: statement NoListing \\(#1\\) of service control policy DenyUserListing of account ${ACCOUNT} \\(Effect Deny\\)`));
  assert.equal(diagnosis.verified, true);
  assert.match(diagnosis.fixes[0]!.where, new RegExp(`tollgate accounts scp put ${ACCOUNT} DenyUserListing file://policy.json$`));

  // The simulator reads the account's SCPs for its principals.
  const simulated = await f.iam(root).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/ivy`, ActionNames: ['iam:ListUsers', 'iam:GetUser'] }));
  assert.deepEqual(simulated.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision, r.OrganizationsDecisionDetail?.AllowedByOrganizations]),
    [['iam:ListUsers', 'explicitDeny', false], ['iam:GetUser', 'allowed', true]]);

  await applyFix(w);
  await f.iam(ivy).send(new ListUsersCommand({}));
  await f.iam(root).send(new ListUsersCommand({}));
  assert.equal((await why(denied.$metadata.requestId)).json!.decisionNow, 'Allowed');
});

test('no SCP allows it: AWS\'s message; why names the SCPs that lack the Allow; the printed command adds it and the request is allowed', async () => {
  const ACCOUNT = '321098765432';
  const root = await account(ACCOUNT);
  const ola = await admin(root, 'ola');
  const put = await tollgate('accounts', 'scp', 'put', ACCOUNT, 'EksOnly', doc({ Effect: 'Allow', Action: ['eks:*', 'iam:CreateUser'], Resource: '*' }));
  assert.equal(put.code, 0, put.stderr);
  const denied = await rejection(f.iam(ola).send(new ListUsersCommand({})));
  assert.equal(denied.message, `User: arn:aws:iam::${ACCOUNT}:user/ola is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ because no service control policy allows the iam:ListUsers action`);

  const w = (await why(denied.$metadata.requestId)).json!;
  assert.equal(w.decision, 'ImplicitlyDenied');
  assert.deepEqual(w.blockedBy, ['scp']);
  assert.deepEqual(w.statements, []);
  assert.deepEqual(w.fix?.changes.map((c) => [c.kind, c.policyKind, c.target.type, c.target.name, c.target.accountId]), [['add-statement', 'scp', 'scp', 'TollgateWhyFix', ACCOUNT]]);
  assert.equal(w.fix!.changes[0]!.command, `tollgate accounts scp put ${ACCOUNT} TollgateWhyFix '${doc({ Sid: 'TollgateSuggested', Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' })}'`);
  const text = (await why(denied.$metadata.requestId, false)).text;
  assert.match(text, new RegExp(`Missing: no statement of the service control policies of account ${ACCOUNT} \\(EksOnly\\) allows iam:ListUsers on \\*\\.`));
  const diagnosis = await diagnoseWithStore(denied.message, { dataDir: f.dataDir }, { operation: 'ListUsers' });
  assert.ok(diagnosis);
  assert.match(diagnosis.explanation, /Missing statement: no statement of the caller's service control policy allows iam:ListUsers/);
  assert.equal(diagnosis.verified, true);
  assert.deepEqual(diagnosis.fixes.map((x) => [x.kind, x.where]), [['scp', `service control policy TollgateDiagnose of account ${ACCOUNT}: tollgate accounts scp put ${ACCOUNT} TollgateDiagnose file://policy.json`]]);

  await applyFix(w);
  assert.equal((await tollgate('accounts', 'scp', 'list', ACCOUNT)).stdout, 'EksOnly\nTollgateWhyFix\n');
  await f.iam(ola).send(new ListUsersCommand({}));

  // Deleting every SCP leaves the account unrestricted, as with FullAWSAccess alone.
  await rejection(f.iam(ola).send(new CreateAccessKeyCommand({ UserName: 'ola' })));
  assert.equal((await tollgate('accounts', 'scp', 'delete', ACCOUNT, 'EksOnly')).code, 0);
  assert.equal((await tollgate('accounts', 'scp', 'delete', ACCOUNT, 'TollgateWhyFix')).code, 0);
  await f.iam(ola).send(new CreateAccessKeyCommand({ UserName: 'ola' }));
});

test('an SCP holding nothing but the Deny is deleted by the fix, the missing Allow goes to TollgateWhyFix; a second fix adds to it under a fresh Sid', async () => {
  const ACCOUNT = '543210987654';
  const root = await account(ACCOUNT);
  const uma = await admin(root, 'uma');
  assert.equal((await tollgate('accounts', 'scp', 'put', ACCOUNT, 'Base', doc({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' }))).code, 0);
  assert.equal((await tollgate('accounts', 'scp', 'put', ACCOUNT, 'DenyOnly', doc({ Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' }))).code, 0);
  const denied = await rejection(f.iam(uma).send(new ListUsersCommand({})));
  assert.match(denied.message, / with an explicit deny in a service control policy$/);
  const w = (await why(denied.$metadata.requestId)).json!;
  assert.deepEqual(w.fix?.changes.map((c) => c.command), [
    `tollgate accounts scp delete ${ACCOUNT} DenyOnly`,
    `tollgate accounts scp put ${ACCOUNT} TollgateWhyFix '${doc({ Sid: 'TollgateSuggested', Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' })}'`,
  ]);
  await applyFix(w);
  await f.iam(uma).send(new ListUsersCommand({}));

  const again = await rejection(f.iam(uma).send(new ListGroupsCommand({})));
  assert.match(again.message, / because no service control policy allows the iam:ListGroups action$/);
  const second = (await why(again.$metadata.requestId)).json!;
  assert.deepEqual(second.fix?.changes.map((c) => c.command), [`tollgate accounts scp put ${ACCOUNT} TollgateWhyFix '${doc(
    { Sid: 'TollgateSuggested', Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' },
    { Sid: 'TollgateSuggested2', Effect: 'Allow', Action: 'iam:ListGroups', Resource: '*' },
  )}'`]);
  await applyFix(second);
  await f.iam(uma).send(new ListGroupsCommand({}));
  await f.iam(uma).send(new ListUsersCommand({}));
});

test('accounts scp: an unknown account, a bad account id, an invalid or oversized document, a missing file or SCP are one line and exit 1, and change nothing', async () => {
  const ACCOUNT = '432109876543';
  await account(ACCOUNT);
  const oneLine = (r: { code: number; stdout: string; stderr: string }, pattern: RegExp) => {
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.split('\n').length, 2, `one line: ${r.stderr}`);
  };
  const allow = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
  oneLine(await tollgate('accounts', 'scp', 'put', '999988887777', 'All', allow), /^tollgate accounts scp put: no account 999988887777 in this Tollgate/);
  oneLine(await tollgate('accounts', 'scp', 'list', '999988887777'), /^tollgate accounts scp list: no account 999988887777 in this Tollgate/);
  oneLine(await tollgate('accounts', 'scp', 'list', '1234'), /^tollgate accounts scp list: account id `1234` is not 12 digits/);
  oneLine(await tollgate('accounts', 'scp', 'put', ACCOUNT, 'WithPrincipal', doc({ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' })),
    /^tollgate accounts scp put: not a valid service control policy: Policy document should not specify a principal\.$/m);
  oneLine(await tollgate('accounts', 'scp', 'put', ACCOUNT, 'NotJson', '{"Statement": ['), /^tollgate accounts scp put: not a valid service control policy: Syntax errors in policy\.$/m);
  const big = doc(...Array.from({ length: 80 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Deny', Action: `iam:Action${i}`, Resource: '*' })));
  assert.ok(big.length > 5120);
  oneLine(await tollgate('accounts', 'scp', 'put', ACCOUNT, 'Big', big), new RegExp(`^tollgate accounts scp put: the document has ${big.length} characters; an SCP holds at most 5,120`));
  oneLine(await tollgate('accounts', 'scp', 'put', ACCOUNT, 'FromFile', 'file:///nonexistent/scp.json'), /^tollgate accounts scp put: cannot read the document from `\/nonexistent\/scp\.json` \(ENOENT\)/);
  oneLine(await tollgate('accounts', 'scp', 'put', ACCOUNT, 'x'.repeat(129), allow), /^tollgate accounts scp put: an SCP name has 1 to 128 characters/);
  oneLine(await tollgate('accounts', 'scp', 'delete', ACCOUNT, 'Absent'), new RegExp(`^tollgate accounts scp delete: account ${ACCOUNT} has no service control policy Absent`));
  assert.deepEqual(await tollgate('accounts', 'scp', 'list', ACCOUNT, '--json'), { code: 0, stdout: '[]\n', stderr: '' });
  assert.equal((await tollgate('accounts', 'scp', 'put', ACCOUNT)).code, 2, 'a missing argument is a usage error');
});
