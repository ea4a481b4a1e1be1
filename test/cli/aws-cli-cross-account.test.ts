// The cross-account story with the real AWS CLI (issue #5): user `partner` of 444455556666 assumes
// EKSReadOnly in 111122223333, is seen as the assumed role, may describe the cluster the role's policy
// grants, and is refused ListClusters with AWS's message naming the session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateClusterCommand } from '@aws-sdk/client-eks';
import { runAwsCli } from '../support/aws-cli.ts';
import { requireClient } from '../support/interop.ts';
import type { Credentials } from '../support/tollgate-fixture.ts';
import { createServiceRole, VPC } from '../eks/eks-helpers.ts';
import { ACCOUNT, PARTNER, allow, putUserPolicy, role, startStsWorld, trust, type StsWorld } from '../sts/sts-world.ts';

let w: StsWorld;
before(async () => {
  w = await startStsWorld();
  const clusterRole = await createServiceRole(w.iam(), 'eks-cluster-role', 'eks.amazonaws.com');
  await w.eks().send(new CreateClusterCommand({ name: 'demo', roleArn: clusterRole, resourcesVpcConfig: VPC }));
  await role(w, 'EKSReadOnly', trust({ AWS: PARTNER }), allow('eks:DescribeCluster', `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/demo`));
});
after(() => w.close());

const ROLE = `arn:aws:iam::${ACCOUNT}:role/EKSReadOnly`;
const aws = (credentials: Credentials, ...args: string[]) => runAwsCli(w.f.url, credentials, 'us-west-2', ...args);

test('partner assumes EKSReadOnly across accounts and uses EKS with the role permissions', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const refused = await aws(w.partner, 'sts', 'assume-role', '--role-arn', ROLE, '--role-session-name', 'cli-session');
  assert.notEqual(refused.status, 0);
  assert.equal(refused.stderr,
    `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::${PARTNER}:user/partner is not authorized to perform: sts:AssumeRole on resource: ${ROLE} because no identity-based policy allows the sts:AssumeRole action`);

  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume', allow('sts:AssumeRole', ROLE));
  const assumed = await aws(w.partner, 'sts', 'assume-role', '--role-arn', ROLE, '--role-session-name', 'cli-session');
  assert.equal(assumed.status, 0, assumed.stderr);
  const out = JSON.parse(assumed.stdout) as { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string }; AssumedRoleUser: { Arn: string } };
  assert.equal(out.AssumedRoleUser.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/EKSReadOnly/cli-session`);
  assert.match(out.Credentials.AccessKeyId, /^ASIA/);
  const session: Credentials = { accessKeyId: out.Credentials.AccessKeyId, secretAccessKey: out.Credentials.SecretAccessKey, sessionToken: out.Credentials.SessionToken };

  const identity = await aws(session, 'sts', 'get-caller-identity');
  assert.equal(identity.status, 0, identity.stderr);
  const who = JSON.parse(identity.stdout) as { Arn: string; Account: string; UserId: string };
  assert.equal(who.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/EKSReadOnly/cli-session`);
  assert.equal(who.Account, ACCOUNT);
  assert.match(who.UserId, /^AROA[A-Z0-9]{17}:cli-session$/);

  const described = await aws(session, 'eks', 'describe-cluster', '--name', 'demo');
  assert.equal(described.status, 0, described.stderr);
  assert.equal((JSON.parse(described.stdout) as { cluster: { arn: string } }).cluster.arn, `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/demo`);

  const listed = await aws(session, 'eks', 'list-clusters');
  assert.notEqual(listed.status, 0);
  assert.ok(listed.stderr.startsWith(
    `An error occurred (AccessDeniedException) when calling the ListClusters operation: User: arn:aws:sts::${ACCOUNT}:assumed-role/EKSReadOnly/cli-session is not authorized to perform: eks:ListClusters`,
  ), listed.stderr);
  assert.ok(listed.stderr.endsWith(`on resource: arn:aws:eks:us-west-2:${ACCOUNT}:cluster/* because no identity-based policy allows the eks:ListClusters action`), listed.stderr);
});
