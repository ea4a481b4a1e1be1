// GetFederationToken end to end (issue #5, docs/aws-behaviour/iam-identities-and-quotas.md, docs/aws-behaviour/sts-sessions.md): a federated-user principal whose
// permissions are the calling user's policies intersected with the session policies passed (none
// passed: none at all), and which may call no IAM or STS operation but GetCallerIdentity.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-eks';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetFederationTokenCommand } from '@aws-sdk/client-sts';
import { ACCOUNT, allow, assertAwsError, role, startStsWorld, temporary, trust, userWithKey, type StsWorld } from './sts-world.ts';
import type { Credentials } from '../support/tollgate-fixture.ts';

let w: StsWorld;
let broker: Credentials;
beforeEach(async () => {
  w = await startStsWorld();
  broker = await userWithKey(w, w.f.root, 'broker', allow(['sts:GetFederationToken', 'eks:ListClusters', 'iam:ListUsers', 'sts:AssumeRole']));
});
afterEach(() => w.close());

const FED = `arn:aws:sts::${ACCOUNT}:federated-user/Bob`;
const denied = (action: string, resource: string, reason: string) => `User: ${FED} is not authorized to perform: ${action} on resource: ${resource} ${reason}`;
const seconds = (date: Date | undefined) => Math.round(((date?.getTime() ?? 0) - w.clock.now()) / 1000);

test('the federated user is arn:aws:sts::ACCOUNT:federated-user/NAME, for 12 hours by default', async () => {
  const out = await w.sts(broker).send(new GetFederationTokenCommand({ Name: 'Bob', Policy: allow('eks:ListClusters') }));
  assert.deepEqual(out.FederatedUser, { FederatedUserId: `${ACCOUNT}:Bob`, Arn: FED });
  assert.ok((out.PackedPolicySize ?? 0) > 0);
  assert.equal(seconds(out.Credentials?.Expiration), 43_200);
  const credentials = temporary(out.Credentials);
  assert.match(credentials.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
  const identity = await w.sts(credentials).send(new GetCallerIdentityCommand({}));
  assert.deepEqual({ UserId: identity.UserId, Account: identity.Account, Arn: identity.Arn }, { UserId: `${ACCOUNT}:Bob`, Account: ACCOUNT, Arn: FED });
});

test('permissions are the user policies intersected with the session policy', async () => {
  const out = await w.sts(broker).send(new GetFederationTokenCommand({ Name: 'Bob', Policy: allow(['eks:ListClusters', 'eks:DescribeCluster']) }));
  const eks = w.eks(temporary(out.Credentials));
  assert.deepEqual((await eks.send(new ListClustersCommand({}))).clusters, []);
  await assertAwsError(eks.send(new DescribeClusterCommand({ name: 'absent' })), 'AccessDeniedException', 403,
    denied('eks:DescribeCluster', `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/absent`, 'because no identity-based policy allows the eks:DescribeCluster action'));
});

test('without a session policy the federated user has no permissions, and PackedPolicySize is 0 (AWS answers it always)', async () => {
  const out = await w.sts(broker).send(new GetFederationTokenCommand({ Name: 'Bob' }));
  assert.equal(out.PackedPolicySize, 0);
  await assertAwsError(w.eks(temporary(out.Credentials)).send(new ListClustersCommand({})), 'AccessDeniedException', 403,
    denied('eks:ListClusters', `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/*`, 'because no session policy allows the eks:ListClusters action'));
});

test('federated users call no IAM or STS operation but GetCallerIdentity', async () => {
  const arn = await role(w, 'ForFederated', trust({ AWS: ACCOUNT }));
  const credentials = temporary((await w.sts(broker).send(new GetFederationTokenCommand({ Name: 'Bob', Policy: allow('*') }))).Credentials);
  await assertAwsError(w.iam(credentials).send(new ListUsersCommand({})), 'AccessDenied', 403,
    denied('iam:ListUsers', `arn:aws:iam::${ACCOUNT}:user/`, 'because no identity-based policy allows the iam:ListUsers action'));
  await assertAwsError(w.sts(credentials).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'fed' })), 'AccessDenied', 403,
    denied('sts:AssumeRole', arn, 'because no identity-based policy allows the sts:AssumeRole action'));
  await assertAwsError(w.sts(credentials).send(new GetFederationTokenCommand({ Name: 'Again' })), 'AccessDenied', 403, 'Cannot call GetFederationToken with session credentials');
});

test('GetFederationToken needs an Allow; the root user gets at most an hour', async () => {
  const plain = await userWithKey(w, w.f.root, 'plain');
  await assertAwsError(w.sts(plain).send(new GetFederationTokenCommand({ Name: 'Bob' })), 'AccessDenied', 403,
    `User: arn:aws:iam::${ACCOUNT}:user/plain is not authorized to perform: sts:GetFederationToken on resource: ${FED} because no identity-based policy allows the sts:GetFederationToken action`);
  const root = await w.sts(w.f.root).send(new GetFederationTokenCommand({ Name: 'Bob', DurationSeconds: 7200, Policy: allow('eks:ListClusters') }));
  assert.equal(seconds(root.Credentials?.Expiration), 3600);
  assert.deepEqual((await w.eks(temporary(root.Credentials)).send(new ListClustersCommand({}))).clusters, []);
  await assertAwsError(w.sts(plain).send(new GetFederationTokenCommand({ Name: 'B' })), 'ValidationError', 400,
    "1 validation error detected: Value 'B' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2");
});
