// Account-wide IAM end to end: GetAccountSummary, GetAccountAuthorizationDetails, and service-linked
// roles (create, protect, delete, deletion status), through the AWS SDK against a real server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddUserToGroupCommand, AttachRolePolicyCommand, AttachUserPolicyCommand, CreateGroupCommand, CreatePolicyCommand, CreateRoleCommand,
  CreateServiceLinkedRoleCommand, CreateUserCommand, DeleteRoleCommand, DeleteServiceLinkedRoleCommand, GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand, GetRoleCommand, GetServiceLinkedRoleDeletionStatusCommand, ListAttachedRolePoliciesCommand, PutGroupPolicyCommand,
  PutUserPolicyCommand, UpdateAssumeRolePolicyCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCESS_KEYS_PER_USER, ATTACHED_POLICIES_PER_ENTITY, GROUPS_PER_USER, INLINE_POLICY_AGGREGATE_LIMITS, USERS_PER_ACCOUNT, VERSIONS_PER_POLICY } from '../support/defaults.ts';
import { ACCOUNT, allow, assertAwsError, deniedMessage, userWithKey } from './identity-assertions.ts';

let f: TollgateFixture;
let root: IAMClient;
before(async () => {
  f = await startFixture();
  root = f.iam();
});
after(() => f.close());

const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

test('GetAccountSummary counts the account\'s entities and reports IAM\'s quotas', async () => {
  const before = (await root.send(new GetAccountSummaryCommand({}))).SummaryMap!;
  // The quotas reported are the ones enforced.
  assert.equal(before['AccessKeysPerUserQuota'], ACCESS_KEYS_PER_USER);
  assert.equal(before['UsersQuota'], USERS_PER_ACCOUNT);
  assert.equal(before['GroupsPerUserQuota'], GROUPS_PER_USER);
  assert.equal(before['AttachedPoliciesPerUserQuota'], ATTACHED_POLICIES_PER_ENTITY);
  assert.equal(before['VersionsPerPolicyQuota'], VERSIONS_PER_POLICY);
  assert.equal(before['UserPolicySizeQuota'], INLINE_POLICY_AGGREGATE_LIMITS.user.limit);
  assert.equal(before['AccountAccessKeysPresent'], 1, 'the root user has the bootstrap key');

  await root.send(new CreateUserCommand({ UserName: 'summary-user' }));
  await root.send(new CreateGroupCommand({ GroupName: 'summary-group' }));
  await root.send(new CreateRoleCommand({ RoleName: 'summary-role', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }));
  const policy = (await root.send(new CreatePolicyCommand({ PolicyName: 'summary-policy', PolicyDocument: allow('s3:GetObject') }))).Policy!;
  await root.send(new AttachUserPolicyCommand({ UserName: 'summary-user', PolicyArn: policy.Arn! }));
  const after = (await root.send(new GetAccountSummaryCommand({}))).SummaryMap!;
  assert.equal(after['Users'], before['Users']! + 1);
  assert.equal(after['Groups'], before['Groups']! + 1);
  assert.equal(after['Roles'], before['Roles']! + 1);
  assert.equal(after['Policies'], before['Policies']! + 1);
  assert.equal(after['PolicyVersionsInUse'], before['PolicyVersionsInUse']! + 1);
});

test('GetAccountSummary is authorized on *', async () => {
  const clerk = await userWithKey(root, 'summary-clerk');
  await assertAwsError(f.iam(clerk).send(new GetAccountSummaryCommand({})), { name: 'AccessDenied', status: 403, message: deniedMessage('summary-clerk', 'iam:GetAccountSummary', '*') });
});

test('GetAccountAuthorizationDetails: users with groups and policies, groups, roles with trust, managed policies with versions', async () => {
  await root.send(new CreateUserCommand({ UserName: 'auditor', Path: '/audit/' }));
  await root.send(new CreateGroupCommand({ GroupName: 'auditors' }));
  await root.send(new AddUserToGroupCommand({ GroupName: 'auditors', UserName: 'auditor' }));
  await root.send(new PutUserPolicyCommand({ UserName: 'auditor', PolicyName: 'inline-read', PolicyDocument: allow('eks:DescribeCluster') }));
  await root.send(new PutGroupPolicyCommand({ GroupName: 'auditors', PolicyName: 'group-read', PolicyDocument: allow('eks:ListClusters') }));
  const managed = (await root.send(new CreatePolicyCommand({ PolicyName: 'audit-managed', PolicyDocument: allow('iam:Get*') }))).Policy!;
  await root.send(new AttachUserPolicyCommand({ UserName: 'auditor', PolicyArn: managed.Arn! }));
  await root.send(new CreateRoleCommand({ RoleName: 'audit-role', AssumeRolePolicyDocument: trust('eks.amazonaws.com') }));
  await root.send(new AttachRolePolicyCommand({ RoleName: 'audit-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy' }));

  const all = await root.send(new GetAccountAuthorizationDetailsCommand({}));
  const user = all.UserDetailList!.find((u) => u.UserName === 'auditor')!;
  assert.equal(user.Arn, `arn:aws:iam::${ACCOUNT}:user/audit/auditor`);
  assert.deepEqual(user.GroupList, ['auditors']);
  assert.deepEqual(user.UserPolicyList?.map((p) => p.PolicyName), ['inline-read']);
  assert.deepEqual(JSON.parse(decodeURIComponent(user.UserPolicyList![0]!.PolicyDocument!)), JSON.parse(allow('eks:DescribeCluster')));
  assert.deepEqual(user.AttachedManagedPolicies, [{ PolicyName: 'audit-managed', PolicyArn: managed.Arn }]);
  const group = all.GroupDetailList!.find((g) => g.GroupName === 'auditors')!;
  assert.deepEqual(group.GroupPolicyList?.map((p) => p.PolicyName), ['group-read']);
  const role = all.RoleDetailList!.find((r) => r.RoleName === 'audit-role')!;
  assert.deepEqual(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)), JSON.parse(trust('eks.amazonaws.com')));
  assert.deepEqual(role.AttachedManagedPolicies?.map((p) => p.PolicyName), ['AmazonEKSClusterPolicy']);
  const policy = all.Policies!.find((p) => p.PolicyName === 'audit-managed')!;
  assert.equal(policy.DefaultVersionId, 'v1');
  assert.equal(policy.AttachmentCount, 1);
  assert.equal(policy.PolicyVersionList?.length, 1);
  assert.equal(policy.PolicyVersionList![0]!.IsDefaultVersion, true);
  assert.ok(all.Policies!.some((p) => p.Arn === 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy'), 'AWS managed policies in use are listed');

  const rolesOnly = await root.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
  assert.equal(rolesOnly.UserDetailList?.length ?? 0, 0);
  assert.ok((rolesOnly.RoleDetailList?.length ?? 0) >= 1);

  const seen: string[] = [];
  let marker: string | undefined;
  do {
    const page = await root.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 2, ...(marker ? { Marker: marker } : {}) }));
    const items = [...page.UserDetailList ?? [], ...page.GroupDetailList ?? [], ...page.RoleDetailList ?? [], ...page.Policies ?? []];
    assert.ok(items.length <= 2);
    for (const item of items) seen.push(item.Arn!);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  const everything = [...all.UserDetailList!, ...all.GroupDetailList!, ...all.RoleDetailList!, ...all.Policies!].map((x) => x.Arn!);
  assert.deepEqual(seen, everything, 'pages of two give the same entries in the same order');
});

test('CreateServiceLinkedRole for eks.amazonaws.com: the protected role with its policy; taken, unknown and denied requests', async () => {
  const { Role } = await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'eks.amazonaws.com' }));
  assert.equal(Role?.RoleName, 'AWSServiceRoleForAmazonEKS');
  assert.equal(Role?.Path, '/aws-service-role/eks.amazonaws.com/');
  assert.equal(Role?.Arn, `arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`);
  assert.deepEqual(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)), JSON.parse(trust('eks.amazonaws.com')));
  const attached = await root.send(new ListAttachedRolePoliciesCommand({ RoleName: 'AWSServiceRoleForAmazonEKS' }));
  assert.deepEqual(attached.AttachedPolicies?.map((p) => p.PolicyArn), ['arn:aws:iam::aws:policy/aws-service-role/AmazonEKSServiceRolePolicy']);

  await assertAwsError(root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'eks.amazonaws.com' })), {
    name: 'InvalidInputException', code: 'InvalidInput', status: 400,
    message: 'Service role name AWSServiceRoleForAmazonEKS has been taken in this account, please try a different suffix.',
  });
  await assertAwsError(root.send(new DeleteRoleCommand({ RoleName: 'AWSServiceRoleForAmazonEKS' })), {
    name: 'UnmodifiableEntityException', code: 'UnmodifiableEntity', status: 400,
    message: 'Cannot perform the operation on the protected role \'AWSServiceRoleForAmazonEKS\' - this role is only modifiable by AWS',
  });
  await assertAwsError(root.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'AWSServiceRoleForAmazonEKS', PolicyDocument: trust('ec2.amazonaws.com') })), {
    name: 'UnmodifiableEntityException', code: 'UnmodifiableEntity', status: 400,
    message: 'Cannot perform the operation on the protected role \'AWSServiceRoleForAmazonEKS\' - this role is only modifiable by AWS',
  });

  const builder = await userWithKey(root, 'slr-builder');
  const slrArn = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks-nodegroup.amazonaws.com/AWSServiceRoleForAmazonEKSNodegroup`;
  await assertAwsError(f.iam(builder).send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'eks-nodegroup.amazonaws.com' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('slr-builder', 'iam:CreateServiceLinkedRole', slrArn),
  });
  // iam:AWSServiceName decides: allowed for the node-group service only.
  await root.send(new PutUserPolicyCommand({
    UserName: 'slr-builder', PolicyName: 'slr',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*', Condition: { StringEquals: { 'iam:AWSServiceName': 'eks-nodegroup.amazonaws.com' } } }] }),
  }));
  const created = await f.iam(builder).send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'eks-nodegroup.amazonaws.com' }));
  assert.equal(created.Role?.Arn, slrArn);
  const fargateArn = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks-fargate.amazonaws.com/AWSServiceRoleForAmazonEKSForFargate`;
  const otherService = await f.iam(builder).send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'eks-fargate.amazonaws.com' })).then(() => undefined, (e: { message: string }) => e.message);
  assert.equal(otherService, deniedMessage('slr-builder', 'iam:CreateServiceLinkedRole', fargateArn));
});

test('DeleteServiceLinkedRole answers a deletion task that has SUCCEEDED; ordinary roles are refused', async () => {
  await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticloadbalancing.amazonaws.com' }));
  const { DeletionTaskId } = await root.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForElasticLoadBalancing' }));
  assert.match(DeletionTaskId ?? '', /^task\/aws-service-role\/elasticloadbalancing\.amazonaws\.com\/AWSServiceRoleForElasticLoadBalancing\/[0-9a-f-]{36}$/);
  const status = await root.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
  assert.equal(status.Status, 'SUCCEEDED');
  await assertAwsError(root.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForElasticLoadBalancing' })), {
    name: 'NoSuchEntityException', code: 'NoSuchEntity', status: 404, message: 'The role with name AWSServiceRoleForElasticLoadBalancing cannot be found.',
  });
  await root.send(new CreateRoleCommand({ RoleName: 'plain-role', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }));
  await assertAwsError(root.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'plain-role' })), { name: 'InvalidInputException', code: 'InvalidInput', status: 400, message: /plain-role/ });
});
