// `tollgate diagnose --data-dir` end to end: a real Tollgate, real denials produced with the AWS SDK v3,
// their text diagnosed against the data directory, the printed fix applied through the IAM API, and the
// same request made again, now allowed. One scenario per kind of policy the data directory holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  AttachUserPolicyCommand, CreatePolicyCommand, CreatePolicyVersionCommand, CreateRoleCommand, PutUserPermissionsBoundaryCommand,
  PutRolePolicyCommand, PutUserPolicyCommand, UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateClusterCommand } from '@aws-sdk/client-eks';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { main } from '../cli/main.ts';
import { createServiceRole, userWithPolicy, VPC } from '../../test/eks/eks-helpers.ts';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../../test/support/tollgate-fixture.ts';

let fx: TollgateFixture;
let clusterRole: string;

before(async () => {
  fx = await startFixture();
  clusterRole = await createServiceRole(fx.iam(), 'eks-cluster-role', 'eks.amazonaws.com');
});
after(() => fx.close());

interface JsonDiagnosis {
  principal: string; principalType: string; account: string; action: string; resource: string | null; operation: string | null;
  reason: { effect: string | null; policyType: string | null };
  explanation: string;
  fixes: { where: string; policy: { Version?: string; Statement?: Record<string, unknown>[] } & Record<string, unknown> }[];
  verified: boolean;
}

async function diagnose(text: string, ...flags: string[]): Promise<JsonDiagnosis> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['diagnose', '--json', '--data-dir', fx.dataDir, ...flags, text], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  assert.equal(code, 0, err.join(''));
  return JSON.parse(out.join('')) as JsonDiagnosis;
}

/** The text a JavaScript program prints for a rejected SDK call: `${name}: ${message}`. */
async function denialText(promise: Promise<unknown>): Promise<string> {
  const error = await rejection(promise);
  assert.equal(error.$metadata.httpStatusCode, 403);
  return `${error.name}: ${error.message}`;
}

const createCluster = (credentials: Credentials, name: string) =>
  fx.eks(credentials).send(new CreateClusterCommand({ name, roleArn: clusterRole, resourcesVpcConfig: VPC }));

const CLUSTER_ADMIN = [{ Effect: 'Allow', Action: ['eks:CreateCluster', 'eks:DescribeCluster', 'iam:CreateServiceLinkedRole'], Resource: '*' }];

test('a missing iam:PassRole (SDK v3 EKS CreateCluster): the missing statement named, the fix verified, applied, and the request allowed', async () => {
  const mary = await userWithPolicy(fx.iam(), 'marymajor', CLUSTER_ADMIN);
  const text = await denialText(createCluster(mary, 'prod'));
  assert.match(text, /^AccessDeniedException: User: arn:aws:iam::111122223333:user\/marymajor is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role\/eks-cluster-role because no identity-based policy allows the iam:PassRole action$/);

  const d = await diagnose(text);
  assert.deepEqual(
    { principal: d.principal, principalType: d.principalType, account: d.account, action: d.action, resource: d.resource, operation: d.operation, reason: d.reason },
    { principal: 'arn:aws:iam::111122223333:user/marymajor', principalType: 'IAMUser', account: '111122223333', action: 'iam:PassRole', resource: clusterRole, operation: null, reason: { effect: 'implicit', policyType: 'identity-based policy' } },
  );
  assert.match(d.explanation, /decided again by Tollgate's policy engine over inline policy p of IAM user marymajor/);
  assert.match(d.explanation, /Missing statement: no statement of the caller's identity-based policy allows iam:PassRole on arn:aws:iam::111122223333:role\/eks-cluster-role/);
  assert.match(d.explanation, /The role is passed to eks\.amazonaws\.com: the role's trust policy lets eks\.amazonaws\.com assume it/);
  assert.equal(d.verified, true);
  assert.equal(d.fixes.length, 1);
  const fix = d.fixes[0]!;
  assert.match(fix.where, /^inline policy TollgateDiagnose of IAM user marymajor: aws iam put-user-policy --user-name marymajor --policy-name TollgateDiagnose --policy-document file:\/\/policy\.json$/);
  assert.deepEqual(fix.policy, {
    Version: '2012-10-17',
    Statement: [{ Sid: 'TollgateDiagnose', Effect: 'Allow', Action: 'iam:PassRole', Resource: clusterRole, Condition: { StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } } }],
  });

  await fx.iam().send(new PutUserPolicyCommand({ UserName: 'marymajor', PolicyName: 'TollgateDiagnose', PolicyDocument: JSON.stringify(fix.policy) }));
  const created = await createCluster(mary, 'prod');
  assert.equal(created.cluster?.status, 'CREATING');
});

test('an explicit deny in a customer managed policy: the deciding statement named, taken out by a new default version, the request allowed', async () => {
  const dave = await userWithPolicy(fx.iam(), 'dave', [...CLUSTER_ADMIN, { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]);
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'NoUserDeletion', Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' },
      { Sid: 'NoPassingRoles', Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' },
    ],
  };
  const arn = (await fx.iam().send(new CreatePolicyCommand({ PolicyName: 'Guardrails', PolicyDocument: JSON.stringify(policy) }))).Policy!.Arn!;
  await fx.iam().send(new AttachUserPolicyCommand({ UserName: 'dave', PolicyArn: arn }));
  const text = await denialText(createCluster(dave, 'dave-cluster'));
  assert.match(text, /with an explicit deny in an identity-based policy: arn:aws:iam::111122223333:policy\/Guardrails$/);

  const d = await diagnose(text);
  assert.deepEqual(d.reason, { effect: 'explicit', policyType: 'identity-based policy' });
  assert.match(d.explanation, /Deciding statement: statement NoPassingRoles \(#1\) of customer managed policy arn:aws:iam::111122223333:policy\/Guardrails attached to IAM user dave \(Effect Deny\)/);
  assert.equal(d.verified, true);
  assert.equal(d.fixes.length, 1);
  const fix = d.fixes[0]!;
  assert.match(fix.where, /aws iam create-policy-version --policy-arn arn:aws:iam::111122223333:policy\/Guardrails --policy-document file:\/\/policy\.json --set-as-default$/);
  assert.deepEqual(fix.policy, { Version: '2012-10-17', Statement: [policy.Statement[0]] }, 'the Deny taken out, the rest kept');

  await fx.iam().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: JSON.stringify(fix.policy), SetAsDefault: true }));
  assert.equal((await createCluster(dave, 'dave-cluster')).cluster?.status, 'CREATING');
});

test('a permissions boundary without the action: the statement merged into the boundary\'s new default version, the request allowed', async () => {
  const erin = await userWithPolicy(fx.iam(), 'erin', [...CLUSTER_ADMIN, { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]);
  const boundary = { Version: '2012-10-17', Statement: [{ Sid: 'EksOnly', Effect: 'Allow', Action: ['eks:*', 'iam:CreateServiceLinkedRole'], Resource: '*' }] };
  const arn = (await fx.iam().send(new CreatePolicyCommand({ PolicyName: 'EksBoundary', PolicyDocument: JSON.stringify(boundary) }))).Policy!.Arn!;
  await fx.iam().send(new PutUserPermissionsBoundaryCommand({ UserName: 'erin', PermissionsBoundary: arn }));
  const text = await denialText(createCluster(erin, 'erin-cluster'));
  assert.match(text, /because no permissions boundary allows the iam:PassRole action$/);

  const d = await diagnose(text);
  assert.deepEqual(d.reason, { effect: 'implicit', policyType: 'permissions boundary' });
  assert.equal(d.verified, true);
  const fix = d.fixes[0]!;
  assert.match(fix.where, /^permissions boundary arn:aws:iam::111122223333:policy\/EksBoundary of IAM user erin, with this statement added \(the new version applies wherever the policy is attached or used as a boundary\): aws iam create-policy-version/);
  assert.deepEqual(fix.policy.Statement, [
    boundary.Statement[0],
    { Sid: 'TollgateDiagnose', Effect: 'Allow', Action: 'iam:PassRole', Resource: clusterRole, Condition: { StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } } },
  ]);

  await fx.iam().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: JSON.stringify(fix.policy), SetAsDefault: true }));
  assert.equal((await createCluster(erin, 'erin-cluster')).cluster?.status, 'CREATING');
});

test('a role whose trust policy does not name the caller (sts:AssumeRole): the trust policy fixed, the role then assumed', async () => {
  const frank = await userWithPolicy(fx.iam(), 'frank', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/Deployer' }]);
  await fx.iam().send(new CreateRoleCommand({ RoleName: 'Deployer', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
  const assume = () => fx.sts(frank).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/Deployer', RoleSessionName: 'deploy' }));
  const text = await denialText(assume());

  const d = await diagnose(text);
  assert.deepEqual(d.reason, { effect: 'implicit', policyType: 'role trust policy' });
  assert.match(d.explanation, /trust policy of role arn:aws:iam::111122223333:role\/Deployer/);
  assert.equal(d.verified, true);
  const fix = d.fixes[0]!;
  assert.match(fix.where, /aws iam update-assume-role-policy --role-name Deployer --policy-document file:\/\/policy\.json$/);
  assert.deepEqual(fix.policy.Statement?.at(-1), { Sid: 'TollgateDiagnose', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/frank' }, Action: 'sts:AssumeRole' });

  await fx.iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Deployer', PolicyDocument: JSON.stringify(fix.policy) }));
  const assumed = await assume();
  assert.match(assumed.AssumedRoleUser?.Arn ?? '', /assumed-role\/Deployer\/deploy$/);
});

test('a role session: the role\'s policies decide, the fix goes on the role, and the same session is then allowed', async () => {
  const hank = await userWithPolicy(fx.iam(), 'hank', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/Builder' }]);
  await fx.iam().send(new CreateRoleCommand({ RoleName: 'Builder', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] }) }));
  await fx.iam().send(new PutRolePolicyCommand({ RoleName: 'Builder', PolicyName: 'build', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: CLUSTER_ADMIN }) }));
  const c = (await fx.sts(hank).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/Builder', RoleSessionName: 'ci-42' }))).Credentials!;
  const session: Credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
  const text = await denialText(createCluster(session, 'builder-cluster'));
  assert.match(text, /User: arn:aws:sts::111122223333:assumed-role\/Builder\/ci-42 is not authorized to perform: iam:PassRole/);

  const d = await diagnose(text, '--operation', 'CreateCluster');
  assert.equal(d.principalType, 'AssumedRole');
  assert.equal(d.operation, 'CreateCluster');
  assert.match(d.explanation, /over inline policy build of IAM role Builder/);
  assert.equal(d.verified, true);
  const fix = d.fixes[0]!;
  assert.match(fix.where, /^inline policy TollgateDiagnose of IAM role Builder: aws iam put-role-policy --role-name Builder --policy-name TollgateDiagnose/);
  await fx.iam().send(new PutRolePolicyCommand({ RoleName: 'Builder', PolicyName: 'TollgateDiagnose', PolicyDocument: JSON.stringify(fix.policy) }));
  assert.equal((await createCluster(session, 'builder-cluster')).cluster?.status, 'CREATING');
});

test('a caller the data directory does not hold: the text is still explained, nothing is verified', async () => {
  const d = await diagnose('User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster/prod because no identity-based policy allows the eks:DescribeCluster action');
  assert.match(d.explanation, /the data directory holds no IAM user nobody in account 111122223333, so nothing was decided again/);
  assert.equal(d.verified, false);
  assert.equal(d.fixes.length, 1);
});

test('a request the current policies allow: said so, with nothing to fix', async () => {
  const d = await diagnose('User: arn:aws:iam::111122223333:user/marymajor is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster/prod because no identity-based policy allows the eks:DescribeCluster action');
  assert.match(d.explanation, /: Allowed\. That differs from the text/);
  assert.deepEqual(d.fixes, []);
  assert.equal(d.verified, false);
});

test('an SCP denial for an account the data directory gives no SCPs: explained, fixes offered, nothing verified', async () => {
  const d = await diagnose('User: arn:aws:iam::111122223333:user/marymajor is not authorized to perform: eks:DeleteCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster/prod with an explicit deny in a service control policy');
  assert.match(d.explanation, /the data directory gives account 111122223333 no service control policies \(tollgate accounts scp put\), so the denial was not decided again/);
  assert.equal(d.verified, false);
  assert.equal(d.fixes.length, 2);
});
