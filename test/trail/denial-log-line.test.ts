// Issue 14 item 4: a denial explains itself where it is seen. The server's JSON log line of a denial
// carries the request id the caller got, the reason and the deciding (or missing) statement, and that
// request id is what `tollgate why` explains; the AWS error itself stays AWS's, byte for byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { whyCommand } from '../../src/cli/why-command.ts';
import { pinoLog, type RequestLog } from '../../src/server/request-log.ts';
import { signRequest } from '../../src/sigv4/index.ts';
import type { WhyExplanation } from '../../src/trail/why.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { eventsOf } from './trail-support.ts';

let f: TollgateFixture;
let logFile: string;
let fd: number;
let log: RequestLog;
let kim: Credentials;

before(async () => {
  logFile = join(process.env['TMPDIR'] ?? '/tmp', `tollgate-denial-lines-${process.pid}.log`);
  fd = openSync(logFile, 'w');
  log = pinoLog({ destination: fd });
  f = await startFixture({ log });
  await f.iam().send(new CreateUserCommand({ UserName: 'kim' }));
  const { AccessKey } = await f.iam().send(new CreateAccessKeyCommand({ UserName: 'kim' }));
  kim = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
});
after(async () => {
  await f.close();
  closeSync(fd);
});

/** A signed ListUsers as raw HTTP: the response's bytes as the client gets them. */
async function listUsers(credentials: Credentials): Promise<{ status: number; requestId: string; body: string }> {
  const url = new URL(f.url);
  const body = 'Action=ListUsers&Version=2010-05-08';
  const { request } = signRequest({ method: 'POST', path: '/', body, credentials, region: 'us-east-1', service: 'iam', time: Date.now(), headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
  const response = await fetch(f.url, { method: 'POST', headers: request.headers, body });
  return { status: response.status, requestId: response.headers.get('x-amzn-requestid') ?? '', body: await response.text() };
}

function lineOf(requestId: string): Record<string, unknown> {
  log.flush();
  const line = readFileSync(logFile, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['requestId'] === requestId);
  assert.ok(line, `a log line for ${requestId}`);
  return line;
}

async function why(requestId: string): Promise<WhyExplanation> {
  await eventsOf(f, requestId);
  let out = '';
  assert.equal(await whyCommand({ requestId, dataDir: f.dataDir, json: true }, { stdout: (t) => { out += t; }, stderr: () => {} }), 0);
  return JSON.parse(out) as WhyExplanation;
}

test('an implicit denial: the log line names the missing statement and the reason; the body is AWS\'s error', async () => {
  const denied = await listUsers(kim);
  assert.equal(denied.status, 403);
  const message = 'User: arn:aws:iam::111122223333:user/kim is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::111122223333:user/ because no identity-based policy allows the iam:ListUsers action';
  assert.equal(denied.body, `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${message}</Message></Error><RequestId>${denied.requestId}</RequestId></ErrorResponse>`);
  const line = lineOf(denied.requestId);
  assert.equal(line['decision'], 'ImplicitlyDenied');
  assert.equal(line['reason'], 'because no identity-based policy allows the iam:ListUsers action');
  assert.equal(line['decidedBy'], 'missing: Allow iam:ListUsers on * in an identity-based policy');
  const w = await why(denied.requestId);
  assert.equal(w.message, message);
  assert.deepEqual(w.blockedBy, ['identity']);
});

test('an explicit denial: the log line names the deciding statement, which `why` names by policy and Sid', async () => {
  await f.iam().send(new PutUserPolicyCommand({ UserName: 'kim', PolicyName: 'guard', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoList', Effect: 'Deny', Action: 'iam:List*', Resource: '*' }] }) }));
  const denied = await listUsers(kim);
  assert.equal(denied.status, 403);
  const line = lineOf(denied.requestId);
  assert.equal(line['decidedBy'], 'identity:guard#NoList');
  assert.equal(line['reason'], 'with an explicit deny in an identity-based policy');
  const w = await why(denied.requestId);
  assert.deepEqual(w.statements.map((s) => [s.policy.name, s.sid, s.effect]), [['guard', 'NoList', 'Deny']]);
});
