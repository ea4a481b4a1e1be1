// Revocation as AWS does it (issue #5): a live session follows the role's current policies, a deleted
// role's sessions stop working (even when a role of the same name comes back), and the console's
// AWSRevokeOlderSessions Deny on aws:TokenIssueTime refuses sessions issued before a time only.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ACCOUNT, PARTNER, allow, assertAwsError, putUserPolicy, role, startStsWorld, temporary, trust, type StsWorld } from './sts-world.ts';
import type { Credentials } from '../support/tollgate-fixture.ts';

let w: StsWorld;
beforeEach(async () => {
  w = await startStsWorld();
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume', allow('sts:AssumeRole'));
});
afterEach(() => w.close());

const listDenied = (roleName: string, session: string, reason: string) =>
  `User: arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/${session} is not authorized to perform: eks:ListClusters on resource: arn:aws:eks:us-west-2:${ACCOUNT}:cluster/* ${reason}`;
const NO_ALLOW = 'because no identity-based policy allows the eks:ListClusters action';

async function assume(roleArn: string, session: string): Promise<Credentials> {
  return temporary((await w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: session }))).Credentials);
}

test('a live session follows the role current policies', async () => {
  const arn = await role(w, 'Live', trust({ AWS: PARTNER }));
  const session = await assume(arn, 'live');
  await assertAwsError(w.eks(session).send(new ListClustersCommand({})), 'AccessDeniedException', 403, listDenied('Live', 'live', NO_ALLOW));
  await w.iam().send(new PutRolePolicyCommand({ RoleName: 'Live', PolicyName: 'list', PolicyDocument: allow('eks:ListClusters') }));
  assert.deepEqual((await w.eks(session).send(new ListClustersCommand({}))).clusters, []);
  await w.iam().send(new DeleteRolePolicyCommand({ RoleName: 'Live', PolicyName: 'list' }));
  await assertAwsError(w.eks(session).send(new ListClustersCommand({})), 'AccessDeniedException', 403, listDenied('Live', 'live', NO_ALLOW));
});

test('the sessions of a deleted role fail, and a new role of the same name does not revive them', async () => {
  const arn = await role(w, 'Doomed', trust({ AWS: PARTNER }), allow('eks:ListClusters'));
  const session = await assume(arn, 'doomed');
  assert.deepEqual((await w.eks(session).send(new ListClustersCommand({}))).clusters, []);
  await w.iam().send(new DeleteRolePolicyCommand({ RoleName: 'Doomed', PolicyName: 'permissions' }));
  await w.iam().send(new DeleteRoleCommand({ RoleName: 'Doomed' }));
  const invalid = 'The security token included in the request is invalid.';
  await assertAwsError(w.sts(session).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403, invalid);
  await assertAwsError(w.eks(session).send(new ListClustersCommand({})), 'UnrecognizedClientException', 403, invalid);

  await w.iam().send(new CreateRoleCommand({ RoleName: 'Doomed', AssumeRolePolicyDocument: trust({ AWS: PARTNER }) }));
  await w.iam().send(new PutRolePolicyCommand({ RoleName: 'Doomed', PolicyName: 'permissions', PolicyDocument: allow('eks:ListClusters') }));
  await assertAwsError(w.sts(session).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403, invalid);
  // A new session of the new role works.
  assert.deepEqual((await w.eks(await assume(arn, 'reborn')).send(new ListClustersCommand({}))).clusters, []);
});

test('AWSRevokeOlderSessions denies the sessions issued before its time, and only those', async () => {
  const arn = await role(w, 'Revocable', trust({ AWS: PARTNER }), allow('eks:ListClusters'));
  const older = await assume(arn, 'older');
  assert.deepEqual((await w.eks(older).send(new ListClustersCommand({}))).clusters, []);

  w.clock.advance(5_000);
  const revokedAt = new Date(w.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // The policy the console writes (id_roles_use_revoke-sessions.html).
  const revoke = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: ['*'], Resource: ['*'], Condition: { DateLessThan: { 'aws:TokenIssueTime': revokedAt } } }],
  });
  await w.iam().send(new PutRolePolicyCommand({ RoleName: 'Revocable', PolicyName: 'AWSRevokeOlderSessions', PolicyDocument: revoke }));
  await assertAwsError(w.eks(older).send(new ListClustersCommand({})), 'AccessDeniedException', 403,
    listDenied('Revocable', 'older', 'with an explicit deny in an identity-based policy'));

  w.clock.advance(1_000);
  const newer = await assume(arn, 'newer');
  assert.deepEqual((await w.eks(newer).send(new ListClustersCommand({}))).clusters, []);
  // GetCallerIdentity is never denied, revoked or not.
  assert.equal((await w.sts(older).send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/Revocable/older`);
});
