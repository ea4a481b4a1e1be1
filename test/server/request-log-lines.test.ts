// Issue #11 item 14: what the request log says about a request. The logged action is the operation's
// own (eks:CreateCluster) with the dependent checks beside it; a denial's line carries the reason and
// the deciding statement, or the statement missing when none decided. Real server, real SDK clients,
// the real JSON log written to a file.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateClusterCommand } from '@aws-sdk/client-eks';
import { GetUserCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { pinoLog, type RequestLog } from '../../src/server/request-log.ts';
import { createServiceRole, userWithPolicy, VPC } from '../eks/eks-helpers.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
let logFile: string;
let fd: number;
let log: RequestLog;
beforeEach(async () => {
  logFile = join(process.env['TMPDIR'] ?? '/tmp', `tollgate-log-lines-${process.pid}.log`);
  fd = openSync(logFile, 'w');
  log = pinoLog({ destination: fd });
  f = await startFixture({ log });
});
afterEach(async () => {
  await f.close();
  closeSync(fd);
});

interface Line { requestId: string; operation?: string; action?: string; checks?: string[]; decision?: string; decidedBy?: string; reason?: string; errorCode?: string; status: number; principal?: string }

/** The JSON line of the request whose answer carried `requestId`. */
function lineOf(requestId: string | undefined): Line {
  log.flush();
  const lines = readFileSync(logFile, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
  const line = lines.find((l) => l.requestId === requestId);
  assert.ok(line, `a log line for request ${requestId}`);
  return line;
}

test('an operation with a dependent check logs its own action, with every check beside it', async () => {
  const roleArn = await createServiceRole(f.iam(), 'log-cluster-role', 'eks.amazonaws.com');
  const created = await f.eks().send(new CreateClusterCommand({ name: 'logged', roleArn, resourcesVpcConfig: VPC }));
  const line = lineOf(created.$metadata.requestId);
  assert.equal(line.action, 'eks:CreateCluster');
  assert.deepEqual(line.checks, ['eks:CreateCluster', 'iam:PassRole', 'iam:CreateServiceLinkedRole']); // the first cluster creates EKS's service-linked role
  assert.equal(line.decision, 'Allowed');
  assert.equal(line.reason, undefined);
});

test('an operation with one check or none logs its action and no checks', async () => {
  const identity = await f.sts().send(new GetCallerIdentityCommand({}));
  const line = lineOf(identity.$metadata.requestId);
  assert.equal(line.action, 'sts:GetCallerIdentity');
  assert.equal(line.checks, undefined);
  assert.equal(line.decision, 'Allowed');
});

test('a denial on the dependent check: the operation\'s action, the reason naming the check, the missing statement', async () => {
  const roleArn = await createServiceRole(f.iam(), 'denied-cluster-role', 'eks.amazonaws.com');
  const creds = await userWithPolicy(f.iam(), 'no-pass', [{ Effect: 'Allow', Action: 'eks:CreateCluster', Resource: '*' }]);
  const error = await rejection(f.eks(creds).send(new CreateClusterCommand({ name: 'refused', roleArn, resourcesVpcConfig: VPC })));
  const line = lineOf(error.$metadata.requestId);
  assert.equal(line.action, 'eks:CreateCluster');
  assert.deepEqual(line.checks?.slice(0, 2), ['eks:CreateCluster', 'iam:PassRole']); // and iam:CreateServiceLinkedRole while EKS's role is missing
  assert.equal(line.decision, 'ImplicitlyDenied');
  assert.equal(line.errorCode, 'AccessDeniedException');
  assert.equal(line.reason, 'because no identity-based policy allows the iam:PassRole action');
  assert.equal(line.decidedBy, `missing: Allow iam:PassRole on ${roleArn} in an identity-based policy`);
  assert.ok(error.message.endsWith(line.reason!), 'the reason is how AWS\'s message ends');
});

test('an explicit denial: the reason and the deciding statement', async () => {
  const creds = await userWithPolicy(f.iam(), 'walled', [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }, { Sid: 'NoGetUser', Effect: 'Deny', Action: 'iam:GetUser', Resource: '*' }]);
  const error = await rejection(f.iam(creds).send(new GetUserCommand({})));
  const line = lineOf(error.$metadata.requestId);
  assert.equal(line.action, 'iam:GetUser');
  assert.equal(line.decision, 'ExplicitlyDenied');
  assert.equal(line.reason, 'with an explicit deny in an identity-based policy');
  assert.match(line.decidedBy!, /^identity:[^#]+#NoGetUser$/);
});
