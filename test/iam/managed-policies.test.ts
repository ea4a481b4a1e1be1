// Customer managed policies end to end: create/get/delete, versions (five at most, the default),
// tags, ListPolicies filters and pages, ListEntitiesForPolicy; AWS managed policies readable,
// attachable and immutable (docs/aws-behaviour/iam-identities-and-quotas.md).
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  AttachGroupPolicyCommand, AttachRolePolicyCommand, AttachUserPolicyCommand, CreateGroupCommand, CreatePolicyCommand, CreatePolicyVersionCommand,
  CreateRoleCommand, CreateUserCommand, DeletePolicyCommand, DeletePolicyVersionCommand, DetachGroupPolicyCommand, DetachRolePolicyCommand,
  DetachUserPolicyCommand, GetPolicyCommand, GetPolicyVersionCommand, ListEntitiesForPolicyCommand, ListPoliciesCommand, ListPolicyTagsCommand,
  ListPolicyVersionsCommand, PutRolePermissionsBoundaryCommand, DeleteRolePermissionsBoundaryCommand, SetDefaultPolicyVersionCommand,
  TagPolicyCommand, UntagPolicyCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, allow, assertAwsError, documentOfSize, EKS_TRUST } from './role-policy-assertions.ts';

let f: TollgateFixture;
let iam: IAMClient;
beforeEach(async () => {
  f = await startFixture();
  iam = f.iam();
  await iam.send(new CreateRoleCommand({ RoleName: 'r1', Path: '/svc/', AssumeRolePolicyDocument: EKS_TRUST }));
  await iam.send(new CreateUserCommand({ UserName: 'u1' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'g1' }));
});
afterEach(() => f.close());

const aws = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const local = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:policy${path}${name}`;
const notFound = (arn: string) => ({ name: 'NoSuchEntityException', status: 404, message: `Policy ${arn} was not found.` });
const denied = (message: string) => ({ name: 'AccessDenied', code: 'AccessDenied', status: 403, message });

test('CreatePolicy answers the policy (ANPA id, v1, counts, tags); GetPolicy adds description; the document is kept verbatim', async () => {
  const text = '{\n "Version": "2012-10-17",\n "Statement": [{"Effect": "Allow", "Action": "eks:Describe*", "Resource": "*"}]\n}';
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'describe', Path: '/eks/', PolicyDocument: text, Description: 'read clusters', Tags: [{ Key: 't', Value: '1' }] }));
  assert.match(Policy!.PolicyId!, /^ANPA[A-Z0-9]{17}$/);
  assert.deepEqual(
    [Policy!.Arn, Policy!.Path, Policy!.DefaultVersionId, Policy!.AttachmentCount, Policy!.PermissionsBoundaryUsageCount, Policy!.IsAttachable],
    [local('describe', '/eks/'), '/eks/', 'v1', 0, 0, true],
  );
  assert.deepEqual(Policy!.Tags, [{ Key: 't', Value: '1' }]);
  const got = (await iam.send(new GetPolicyCommand({ PolicyArn: Policy!.Arn }))).Policy!;
  assert.equal(got.Description, 'read clusters');
  assert.ok(got.CreateDate instanceof Date && got.UpdateDate instanceof Date);
  const version = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: 'v1' }))).PolicyVersion!;
  assert.deepEqual([decodeURIComponent(version.Document!), version.IsDefaultVersion, version.VersionId], [text, true, 'v1']);
});

test('CreatePolicy refuses taken names, old versions, oversize documents, principals, duplicate tags', async () => {
  await iam.send(new CreatePolicyCommand({ PolicyName: 'taken', PolicyDocument: allow('s3:*') }));
  await assertAwsError(iam.send(new CreatePolicyCommand({ PolicyName: 'TAKEN', Path: '/other/', PolicyDocument: allow('s3:*') })), {
    name: 'EntityAlreadyExistsException', status: 409, message: 'A policy called TAKEN already exists. Duplicate names are not allowed.',
  });
  const malformed = (message: string) => ({ name: 'MalformedPolicyDocumentException', code: 'MalformedPolicyDocument', status: 400, message });
  await assertAwsError(iam.send(new CreatePolicyCommand({ PolicyName: 'old', PolicyDocument: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' })),
    malformed('Policy document must be version 2012-10-17 or greater.'));
  await assertAwsError(iam.send(new CreatePolicyCommand({ PolicyName: 'old', PolicyDocument: 'not json' })), malformed('Syntax errors in policy.'));
  await assertAwsError(iam.send(new CreatePolicyCommand({ PolicyName: 'old', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] }) })),
    malformed('Policy document should not specify a principal.'));
  await iam.send(new CreatePolicyCommand({ PolicyName: 'exact', PolicyDocument: documentOfSize(6144) }));
  await assertAwsError(iam.send(new CreatePolicyCommand({ PolicyName: 'big', PolicyDocument: documentOfSize(6145) })), {
    name: 'LimitExceededException', status: 409, message: 'Cannot exceed quota for PolicySize: 6144',
  });
  await assertAwsError(iam.send(new CreatePolicyCommand({ PolicyName: 'tags', PolicyDocument: allow('s3:*'), Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '1' }] })), {
    name: 'InvalidInputException', status: 400, message: 'Duplicate tag keys found.',
  });
  await assertAwsError(iam.send(new GetPolicyCommand({ PolicyArn: local('tags') })), notFound(local('tags')));
  await assertAwsError(iam.send(new GetPolicyCommand({ PolicyArn: 'not-an-arn-at-all-xx' })), { name: 'ValidationError', status: 400, message: 'Invalid ARN:  Could not be parsed!' });
});

test('versions: five at most, SetAsDefault and SetDefaultPolicyVersion, the default cannot be deleted, ids are not reused', async () => {
  const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'versioned', PolicyDocument: allow('s3:GetObject') }))).Policy!.Arn!;
  const v2 = (await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:PutObject') }))).PolicyVersion!;
  assert.deepEqual([v2.VersionId, v2.IsDefaultVersion, v2.Document], ['v2', false, undefined]);
  const v3 = (await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:*'), SetAsDefault: true }))).PolicyVersion!;
  assert.deepEqual([v3.VersionId, v3.IsDefaultVersion], ['v3', true]);
  assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId, 'v3');
  await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:ListBucket') }));
  await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:ListAllMyBuckets') }));
  await assertAwsError(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:GetBucketPolicy') })), {
    name: 'LimitExceededException', status: 409,
    message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
  });
  const listed = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
  assert.deepEqual(listed.Versions!.map((v) => [v.VersionId, v.IsDefaultVersion]), [['v5', false], ['v4', false], ['v3', true], ['v2', false], ['v1', false]]);
  const paged = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 2 }));
  assert.deepEqual([paged.Versions!.length, paged.IsTruncated], [2, true]);

  await assertAwsError(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' })), {
    name: 'DeleteConflictException', status: 409, message: 'Cannot delete the default version of a policy.',
  });
  await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
  await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' }));
  const missing = { name: 'NoSuchEntityException', status: 404, message: `Policy ${arn} version v3 does not exist or is not attachable.` };
  await assertAwsError(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' })), missing);
  await assertAwsError(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' })), missing);
  await assertAwsError(iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' })), missing);
  const v6 = (await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:GetBucketPolicy') }))).PolicyVersion!;
  assert.equal(v6.VersionId, 'v6');
  await assertAwsError(iam.send(new CreatePolicyVersionCommand({ PolicyArn: local('ghost'), PolicyDocument: allow('s3:*') })), notFound(local('ghost')));

  await assertAwsError(iam.send(new DeletePolicyCommand({ PolicyArn: arn })), {
    name: 'DeleteConflictException', status: 409,
    message: "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
  });
  for (const v of ['v2', 'v4', 'v5', 'v6']) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v }));
  await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
  await assertAwsError(iam.send(new GetPolicyCommand({ PolicyArn: arn })), notFound(arn));
  await assertAwsError(iam.send(new DeletePolicyCommand({ PolicyArn: arn })), notFound(arn));
});

test('DeletePolicy refuses a policy attached to entities or used as a boundary', async () => {
  const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'in-use', PolicyDocument: allow('s3:*') }))).Policy!.Arn!;
  const conflict = { name: 'DeleteConflictException', status: 409, message: 'Cannot delete a policy attached to entities.' };
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'r1', PolicyArn: arn }));
  await assertAwsError(iam.send(new DeletePolicyCommand({ PolicyArn: arn })), conflict);
  await iam.send(new DetachRolePolicyCommand({ RoleName: 'r1', PolicyArn: arn }));
  await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'r1', PermissionsBoundary: arn }));
  await assertAwsError(iam.send(new DeletePolicyCommand({ PolicyArn: arn })), conflict);
  await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'r1' }));
  await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
});

test('TagPolicy / UntagPolicy / ListPolicyTags', async () => {
  const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'tagged', PolicyDocument: allow('s3:*') }))).Policy!.Arn!;
  await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }));
  await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'A', Value: '3' }] }));
  const page = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 1 }));
  assert.deepEqual([page.Tags, page.IsTruncated], [[{ Key: 'A', Value: '3' }], true]);
  await iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ['a'] }));
  assert.deepEqual((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags, [{ Key: 'b', Value: '2' }]);
  await assertAwsError(iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'x', Value: '1' }, { Key: 'X', Value: '1' }] })), {
    name: 'InvalidInputException', status: 400, message: 'Duplicate tag keys found.',
  });
  await assertAwsError(iam.send(new TagPolicyCommand({ PolicyArn: local('ghost'), Tags: [{ Key: 'x', Value: '1' }] })), notFound(local('ghost')));
  assert.deepEqual((await iam.send(new ListPolicyTagsCommand({ PolicyArn: aws('ReadOnlyAccess') }))).Tags, []);
});

test('AWS managed policies: readable, attachable with per-account counts, immutable with AWS\'s texts', async () => {
  const eks = aws('AmazonEKSClusterPolicy');
  const before = (await iam.send(new GetPolicyCommand({ PolicyArn: eks }))).Policy!;
  assert.deepEqual([before.PolicyName, before.Path, before.DefaultVersionId, before.IsAttachable, before.AttachmentCount], ['AmazonEKSClusterPolicy', '/', 'v10', true, 0]);
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'r1', PolicyArn: eks }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'u1', PolicyArn: eks }));
  assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: eks }))).Policy!.AttachmentCount, 2);
  const version = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: aws('AdministratorAccess'), VersionId: 'v1' }))).PolicyVersion!;
  assert.deepEqual(JSON.parse(decodeURIComponent(version.Document!)), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  assert.deepEqual((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: eks }))).Versions!.map((v) => [v.VersionId, v.IsDefaultVersion]), [['v10', true]]);
  await assertAwsError(iam.send(new GetPolicyVersionCommand({ PolicyArn: eks, VersionId: 'v1' })), {
    name: 'NoSuchEntityException', status: 404, message: `Policy ${eks} version v1 does not exist or is not attachable.`,
  });
  await assertAwsError(iam.send(new DeletePolicyCommand({ PolicyArn: eks })), denied('Cannot delete policies outside your own account.'));
  await assertAwsError(iam.send(new DeletePolicyVersionCommand({ PolicyArn: eks, VersionId: 'v10' })), denied('Cannot delete policy versions for policies outside your own account.'));
  await assertAwsError(iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: eks, VersionId: 'v10' })), denied('Cannot update policies outside your own account.'));
  await assertAwsError(iam.send(new CreatePolicyVersionCommand({ PolicyArn: eks, PolicyDocument: allow('s3:*') })), denied('Cannot update policies outside your own account.'));
  await assertAwsError(iam.send(new TagPolicyCommand({ PolicyArn: eks, Tags: [{ Key: 'a', Value: 'b' }] })), denied('Cannot update policies outside your own account.'));
  await assertAwsError(iam.send(new GetPolicyCommand({ PolicyArn: aws('NoSuchPolicyAnywhere') })), notFound(aws('NoSuchPolicyAnywhere')));
  await iam.send(new DetachRolePolicyCommand({ RoleName: 'r1', PolicyArn: eks }));
  await iam.send(new DetachUserPolicyCommand({ UserName: 'u1', PolicyArn: eks }));
});

test('ListPolicies: Scope, PathPrefix, OnlyAttached, PolicyUsageFilter and pages', async () => {
  const all = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 1000 }));
  assert.equal(all.Policies!.length, 1000);
  assert.equal(all.IsTruncated, true);
  const rest = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 1000, Marker: all.Marker }));
  assert.equal(all.Policies!.length + rest.Policies!.length, 1485);
  assert.equal(rest.IsTruncated, false);
  const names = [...all.Policies!, ...rest.Policies!].map((p) => p.PolicyName!.toLowerCase());
  assert.deepEqual(names, [...names].sort());

  const serviceRole = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', PathPrefix: '/aws-service-role/', MaxItems: 1000 }));
  assert.ok(serviceRole.Policies!.every((p) => p.Path === '/aws-service-role/') && serviceRole.Policies!.some((p) => p.PolicyName === 'AmazonEKSServiceRolePolicy'));

  const mine = (await iam.send(new CreatePolicyCommand({ PolicyName: 'listed', Path: '/lp/', PolicyDocument: allow('s3:*') }))).Policy!.Arn!;
  const boundary = (await iam.send(new CreatePolicyCommand({ PolicyName: 'boundary', Path: '/lp/', PolicyDocument: allow('s3:*') }))).Policy!.Arn!;
  const localOnly = await iam.send(new ListPoliciesCommand({ Scope: 'Local', PathPrefix: '/lp/' }));
  assert.deepEqual(localOnly.Policies!.map((p) => p.PolicyName), ['boundary', 'listed']);
  assert.equal(localOnly.Policies![0]!.Tags, undefined);

  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'g1', PolicyArn: mine }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'r1', PolicyArn: aws('AmazonEKSWorkerNodePolicy') }));
  await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'r1', PermissionsBoundary: boundary }));
  const attached = await iam.send(new ListPoliciesCommand({ OnlyAttached: true }));
  assert.deepEqual(attached.Policies!.map((p) => [p.PolicyName, p.AttachmentCount]), [['AmazonEKSWorkerNodePolicy', 1], ['listed', 1]]);
  const boundaries = await iam.send(new ListPoliciesCommand({ PolicyUsageFilter: 'PermissionsBoundary' }));
  assert.deepEqual(boundaries.Policies!.map((p) => [p.PolicyName, p.PermissionsBoundaryUsageCount]), [['boundary', 1]]);
  const permissions = await iam.send(new ListPoliciesCommand({ Scope: 'Local', PolicyUsageFilter: 'PermissionsPolicy' }));
  assert.deepEqual(permissions.Policies!.map((p) => p.PolicyName), ['listed']);
  await iam.send(new DetachGroupPolicyCommand({ GroupName: 'g1', PolicyArn: mine }));
  await iam.send(new DetachRolePolicyCommand({ RoleName: 'r1', PolicyArn: aws('AmazonEKSWorkerNodePolicy') }));
  await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'r1' }));
});

test('ListEntitiesForPolicy: groups, users and roles by attachment and boundary, with filters and pages', async () => {
  const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'shared', PolicyDocument: allow('s3:*') }))).Policy!.Arn!;
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'r1', PolicyArn: arn }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'u1', PolicyArn: arn }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'g1', PolicyArn: arn }));
  await iam.send(new CreateRoleCommand({ RoleName: 'r2', AssumeRolePolicyDocument: EKS_TRUST, PermissionsBoundary: arn }));
  const all = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
  assert.deepEqual(all.PolicyGroups!.map((g) => g.GroupName), ['g1']);
  assert.deepEqual(all.PolicyUsers!.map((u) => u.UserName), ['u1']);
  assert.deepEqual(all.PolicyRoles!.map((r) => r.RoleName), ['r1', 'r2']);
  assert.match(all.PolicyRoles![0]!.RoleId!, /^AROA/);
  const roles = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, EntityFilter: 'Role', PolicyUsageFilter: 'PermissionsPolicy' }));
  assert.deepEqual([roles.PolicyRoles!.map((r) => r.RoleName), roles.PolicyUsers, roles.PolicyGroups], [['r1'], [], []]);
  const bounded = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, PolicyUsageFilter: 'PermissionsBoundary' }));
  assert.deepEqual(bounded.PolicyRoles!.map((r) => r.RoleName), ['r2']);
  assert.deepEqual((await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, PathPrefix: '/svc/' }))).PolicyRoles!.map((r) => r.RoleName), ['r1']);
  const first = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, MaxItems: 2 }));
  assert.deepEqual([first.PolicyGroups!.length, first.PolicyUsers!.length, first.PolicyRoles!.length, first.IsTruncated], [1, 1, 0, true]);
  const second = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, MaxItems: 2, Marker: first.Marker }));
  assert.deepEqual([second.PolicyRoles!.map((r) => r.RoleName), second.IsTruncated], [['r1', 'r2'], false]);
  await assertAwsError(iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: local('ghost') })), {
    name: 'NoSuchEntityException', status: 404, message: `Policy ${local('ghost')} does not exist or is not attachable.`,
  });
  assert.deepEqual((await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: aws('AmazonEKSWorkerNodePolicy') }))).PolicyRoles, []);
});
