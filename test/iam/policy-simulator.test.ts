// The IAM policy simulator through the SDK v3 IAM client: SimulatePrincipalPolicy over a user's inline,
// group and managed policies and its boundary; SimulateCustomPolicy; the GetContextKeys operations;
// paging, validation errors and authorization; and the simulator's decisions equal to the decisions of
// the same requests made for real (docs/aws-behaviour/policy-simulator.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddUserToGroupCommand, AttachUserPolicyCommand, CreateGroupCommand, CreateUserCommand, GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand, GetUserCommand, ListRolesCommand, ListUsersCommand, PutGroupPolicyCommand, PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand, SimulateCustomPolicyCommand, SimulatePrincipalPolicyCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, assertAwsError, userWithKey } from './identity-assertions.ts';

let f: TollgateFixture;
let iam: IAMClient;
let bob: Credentials;
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;

const aliceInline = [
  '{',
  '  "Version": "2012-10-17",',
  '  "Statement": [',
  '    {',
  '      "Sid": "ReadUsers",',
  '      "Effect": "Allow",',
  '      "Action": ["iam:GetUser", "iam:ListUsers"],',
  '      "Resource": "*"',
  '    },',
  '    {"Sid": "NoRoles", "Effect": "Deny", "Action": "iam:ListRoles", "Resource": "*"}',
  '  ]',
  '}',
].join('\n');

before(async () => {
  f = await startFixture();
  iam = f.iam();
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'AliceInline', PolicyDocument: aliceInline }));
  await iam.send(new CreateGroupCommand({ GroupName: 'eks-readers' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'eks-readers', UserName: 'alice' }));
  await iam.send(new PutGroupPolicyCommand({ GroupName: 'eks-readers', PolicyName: 'EksRead', PolicyDocument: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["eks:List*","eks:Describe*"],"Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-west-2"}}}}' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));

  bob = await userWithKey(iam, 'bob');
  await iam.send(new PutUserPolicyCommand({
    UserName: 'bob', PolicyName: 'SelfAndEks',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` },
      { Effect: 'Allow', Action: ['iam:ListUsers', 'eks:ListClusters', 'iam:ListRoles'], Resource: '*' },
      { Effect: 'Deny', Action: 'iam:ListRoles', Resource: '*' },
    ] }),
  }));
});
after(() => f.close());

test('SimulatePrincipalPolicy: inline, group and AWS managed policies named with their type and the statement positions', async () => {
  const out = await iam.send(new SimulatePrincipalPolicyCommand({
    PolicySourceArn: ALICE, ActionNames: ['iam:GetUser', 'iam:ListRoles', 'eks:ListClusters', 'iam:CreateUser'],
    ContextEntries: [{ ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['us-west-2'], ContextKeyType: 'string' }],
  }));
  const [getUser, listRoles, listClusters, createUser] = out.EvaluationResults!;
  assert.equal(getUser!.EvalDecision, 'allowed');
  assert.equal(getUser!.EvalResourceName, '*');
  assert.deepEqual(getUser!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]), [['AliceInline', 'user'], ['IAMReadOnlyAccess', 'aws-managed']]);
  assert.deepEqual(getUser!.MatchedStatements![0]!.StartPosition, { Line: 4, Column: 6 });
  assert.deepEqual(getUser!.MatchedStatements![0]!.EndPosition, { Line: 9, Column: 6 });
  assert.equal(listRoles!.EvalDecision, 'explicitDeny');
  assert.deepEqual(listRoles!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.StartPosition, s.EndPosition]), [['AliceInline', { Line: 10, Column: 6 }, { Line: 10, Column: 85 }]]);
  assert.equal(listClusters!.EvalDecision, 'allowed');
  assert.deepEqual(listClusters!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]), [['EksRead', 'group']]);
  assert.equal(createUser!.EvalDecision, 'implicitDeny');
  assert.deepEqual(createUser!.MatchedStatements, []);
  assert.equal(out.IsTruncated, false);
});

test('a condition key not given is reported missing; a permissions boundary caps the result and says so', async () => {
  const missing = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ALICE, ActionNames: ['eks:DescribeCluster'] }));
  assert.equal(missing.EvaluationResults![0]!.EvalDecision, 'implicitDeny');
  assert.deepEqual(missing.EvaluationResults![0]!.MissingContextValues, ['aws:RequestedRegion']);

  const boundary = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:List*","Resource":"*"}}';
  const capped = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ALICE, ActionNames: ['iam:GetUser', 'iam:ListUsers'], PermissionsBoundaryPolicyInputList: [boundary] }));
  assert.deepEqual(capped.EvaluationResults!.map((r) => [r.EvalDecision, r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary]), [['implicitDeny', false], ['allowed', true]]);
});

test('the stored permissions boundary is simulated unless one is given', async () => {
  await iam.send(new CreateUserCommand({ UserName: 'bounded' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'bounded', PolicyName: 'All', PolicyDocument: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' }));
  await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
  const out = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/bounded`, ActionNames: ['iam:ListUsers', 'iam:CreateUser'] }));
  assert.deepEqual(out.EvaluationResults!.map((r) => [r.EvalDecision, r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary]), [['allowed', true], ['implicitDeny', false]]);
});

test('ResourceArns: one result per action, the ARN template on top, each resource in ResourceSpecificResults', async () => {
  const clusters = [`arn:aws:eks:us-west-2:${ACCOUNT}:cluster/a`, `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/b`];
  const out = await iam.send(new SimulateCustomPolicyCommand({
    PolicyInputList: [`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"eks:DescribeCluster","Resource":"${clusters[0]}"}}`],
    ActionNames: ['eks:DescribeCluster'], ResourceArns: clusters,
  }));
  const [result] = out.EvaluationResults!;
  assert.equal(result!.EvalResourceName, 'arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName}');
  assert.equal(result!.EvalDecision, 'implicitDeny');
  assert.deepEqual(result!.ResourceSpecificResults!.map((r) => [r.EvalResourceName, r.EvalResourceDecision]), [[clusters[0], 'allowed'], [clusters[1], 'implicitDeny']]);
  assert.deepEqual(result!.ResourceSpecificResults![0]!.MatchedStatements!.map((s) => s.SourcePolicyId), ['PolicyInputList.1']);
});

test('SimulateCustomPolicy with a resource policy across accounts: EvalDecisionDetails per policy type', async () => {
  const out = await iam.send(new SimulateCustomPolicyCommand({
    PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}'],
    ResourcePolicy: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"${ALICE}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}}`,
    CallerArn: ALICE, ResourceOwner: 'arn:aws:iam::444455556666:root', ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::shared/report.csv'],
  }));
  const [result] = out.EvaluationResults!;
  assert.equal(result!.EvalDecision, 'allowed');
  assert.deepEqual(result!.EvalDecisionDetails, { 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' });
  assert.deepEqual(result!.MatchedStatements!.map((s) => s.SourcePolicyType).sort(), ['none', 'resource']);
  await assertAwsError(iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}'], ResourcePolicy: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}', ActionNames: ['s3:GetObject'] })),
    { name: 'InvalidInputException', status: 400, message: 'CallerArn is required when a ResourcePolicy is included in the simulation.' });
});

test('paging: MaxItems results per page, Marker to continue', async () => {
  const request = { PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*"}}'], ActionNames: ['iam:GetUser', 'iam:ListUsers', 'eks:ListClusters'] };
  const first = await iam.send(new SimulateCustomPolicyCommand({ ...request, MaxItems: 2 }));
  assert.deepEqual(first.EvaluationResults!.map((r) => r.EvalActionName), ['iam:GetUser', 'iam:ListUsers']);
  assert.equal(first.IsTruncated, true);
  const second = await iam.send(new SimulateCustomPolicyCommand({ ...request, MaxItems: 2, Marker: first.Marker }));
  assert.deepEqual(second.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision]), [['eks:ListClusters', 'implicitDeny']]);
  assert.equal(second.IsTruncated, false);
  await assertAwsError(iam.send(new SimulateCustomPolicyCommand({ ...request, MaxItems: 1001 })), { name: 'ValidationError', status: 400, message: /maxItems.*less than or equal to 1000/ });
});

test('GetContextKeysForPrincipalPolicy and GetContextKeysForCustomPolicy list the keys policies refer to', async () => {
  const principal = await iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: BOB }));
  assert.deepEqual(principal.ContextKeyNames, ['aws:username']);
  const withGroup = await iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: ALICE, PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}}'] }));
  assert.deepEqual(withGroup.ContextKeyNames, ['aws:RequestedRegion', 'aws:SecureTransport']);
  const custom = await iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2015-08-16T12:00:00Z"}}}}'] }));
  assert.deepEqual(custom.ContextKeyNames, ['aws:username', 'aws:CurrentTime']);
});

test('validation: unknown entity, bad ARN, wildcard action, malformed policy', async () => {
  await assertAwsError(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/nobody`, ActionNames: ['iam:GetUser'] })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name nobody cannot be found.' });
  await assertAwsError(iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/missing` })), { name: 'NoSuchEntityException', status: 404, message: 'The role with name missing cannot be found.' });
  await assertAwsError(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:sts::${ACCOUNT}:assumed-role/r/s`, ActionNames: ['iam:GetUser'] })), { name: 'InvalidInputException', status: 400, message: `ARN arn:aws:sts::${ACCOUNT}:assumed-role/r/s is not valid.` });
  await assertAwsError(iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}'], ActionNames: ['iam:*'] })), { name: 'InvalidInputException', status: 400, message: /^Invalid action name iam:\*/ });
  await assertAwsError(iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*"}}'], ActionNames: ['iam:GetUser'] })), { name: 'MalformedPolicyDocumentException', status: 400, message: 'Policy statement must contain resources.' });
  await assertAwsError(iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: ['not json'] })), { name: 'MalformedPolicyDocumentException', status: 400, message: 'Syntax errors in policy.' });
});

test('authorized as AWS does: the principal operations on the entity, the custom ones on *', async () => {
  const clerk = bob; // bob's policies allow neither
  const bobIam = f.iam(clerk);
  await assertAwsError(bobIam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ALICE, ActionNames: ['iam:GetUser'] })), {
    name: 'AccessDenied', status: 403,
    message: `User: ${BOB} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${ALICE} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`,
  });
  await assertAwsError(bobIam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: ALICE })), {
    name: 'AccessDenied', status: 403,
    message: `User: ${BOB} is not authorized to perform: iam:GetContextKeysForPrincipalPolicy on resource: ${ALICE} because no identity-based policy allows the iam:GetContextKeysForPrincipalPolicy action`,
  });
  await assertAwsError(bobIam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}'], ActionNames: ['iam:GetUser'] })), {
    name: 'AccessDenied', status: 403,
    message: `User: ${BOB} is not authorized to perform: iam:SimulateCustomPolicy on resource: * because no identity-based policy allows the iam:SimulateCustomPolicy action`,
  });
  // Allowed on alice only: simulating alice works, simulating bob does not.
  await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'SimulateAlice', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:SimulatePrincipalPolicy', Resource: ALICE }] }) }));
  const allowed = await bobIam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ALICE, ActionNames: ['iam:GetUser'] }));
  assert.equal(allowed.EvaluationResults![0]!.EvalDecision, 'allowed');
  await assertAwsError(bobIam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: BOB, ActionNames: ['iam:GetUser'] })), { name: 'AccessDenied', status: 403, message: /iam:SimulatePrincipalPolicy on resource: arn:aws:iam::111122223333:user\/bob/ });
});

test('the simulator decides as the same requests made for real are decided', async () => {
  const bobIam = f.iam(bob);
  const eks = f.eks(bob);
  const cases: { action: string; resource?: string; call: () => Promise<unknown> }[] = [
    { action: 'iam:GetUser', resource: BOB, call: () => bobIam.send(new GetUserCommand({ UserName: 'bob' })) },
    { action: 'iam:GetUser', resource: ALICE, call: () => bobIam.send(new GetUserCommand({ UserName: 'alice' })) },
    { action: 'iam:ListUsers', call: () => bobIam.send(new ListUsersCommand({})) },
    { action: 'iam:ListRoles', call: () => bobIam.send(new ListRolesCommand({})) },
    { action: 'eks:ListClusters', call: () => eks.send(new ListClustersCommand({})) },
    { action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/carol`, call: () => bobIam.send(new CreateUserCommand({ UserName: 'carol' })) },
  ];
  const seen = new Set<string>();
  for (const c of cases) {
    const real = await c.call().then(() => 'allowed', (error: { name?: string; message?: string }) => {
      assert.equal(error.name, 'AccessDenied', `${c.action}: ${error.message}`);
      return /explicit deny/.test(error.message ?? '') ? 'explicitDeny' : 'implicitDeny';
    });
    // The keys the real request carried that bob's policies read are given as ContextEntries.
    const simulated = await iam.send(new SimulatePrincipalPolicyCommand({
      PolicySourceArn: BOB, ActionNames: [c.action], ...(c.resource ? { ResourceArns: [c.resource] } : {}),
      ContextEntries: [{ ContextKeyName: 'aws:username', ContextKeyValues: ['bob'], ContextKeyType: 'string' }],
    }));
    assert.equal(simulated.EvaluationResults![0]!.EvalDecision, real, `${c.action} on ${c.resource ?? '*'}`);
    seen.add(real);
  }
  assert.deepEqual([...seen].sort(), ['allowed', 'explicitDeny', 'implicitDeny'], 'the cases cover every decision');
});

test('PolicyExclusionList leaves the principal\'s policies out by type, ARN or inline identifier', async () => {
  const run = async (exclusions: NonNullable<ConstructorParameters<typeof SimulatePrincipalPolicyCommand>[0]['PolicyExclusionList']>) =>
    (await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ALICE, ActionNames: ['iam:GetUser', 'iam:ListRoles'], PolicyExclusionList: exclusions }))).EvaluationResults!
      .map((r) => [r.EvalDecision, r.MatchedStatements!.map((s) => s.SourcePolicyId)]);
  assert.deepEqual(await run([{ PolicyType: 'inline' }]), [['allowed', ['IAMReadOnlyAccess']], ['allowed', ['IAMReadOnlyAccess']]]);
  assert.deepEqual(await run([{ PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }]), [['allowed', ['AliceInline']], ['explicitDeny', ['AliceInline']]]);
  assert.deepEqual(await run([{ InlinePolicyIdentifier: { PolicyName: 'AliceInline', AttachmentType: 'user', AttachmentName: 'alice' } }, { PolicyType: 'aws-managed' }]), [['implicitDeny', []], ['implicitDeny', []]]);
  await assertAwsError(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ALICE, ActionNames: ['iam:GetUser'], PolicyExclusionList: [{ PolicyArn: 'arn:aws:iam::111122223333:policy/*' }] })), { name: 'InvalidInputException', status: 400, message: 'Invalid PolicyArn: arn:aws:iam::111122223333:policy/*.' });
});

test('SimulateCustomPolicy with an organization\'s SCPs: every level must allow', async () => {
  const scp = (action: string) => `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"${action}","Resource":"*"}}`;
  const out = await iam.send(new SimulateCustomPolicyCommand({
    PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}'],
    OrderedOrganizationPolicyInputList: [{ ServiceControlPolicyInputList: [scp('*')] }, { ServiceControlPolicyInputList: [scp('eks:*')] }],
    ActionNames: ['eks:ListClusters', 'iam:ListUsers'],
  }));
  assert.deepEqual(out.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision, r.OrganizationsDecisionDetail?.AllowedByOrganizations]), [
    ['eks:ListClusters', 'allowed', true], ['iam:ListUsers', 'implicitDeny', false],
  ]);
});
