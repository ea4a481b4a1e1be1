// Roles end to end through the AWS SDK: create/get/list/update/delete, tags, boundaries, inline
// policies with the 10,240-character aggregate, managed-policy attachments with their quota.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, DeleteRoleCommand, DeleteRolePermissionsBoundaryCommand, DeleteRolePolicyCommand,
  DetachRolePolicyCommand, GetRoleCommand, GetRolePolicyCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand, ListRoleTagsCommand,
  ListRolesCommand, PutRolePermissionsBoundaryCommand, PutRolePolicyCommand, TagRoleCommand, UntagRoleCommand, UpdateRoleCommand,
  UpdateRoleDescriptionCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_MAX_SESSION_DURATION, INLINE_POLICY_AGGREGATE_LIMITS, MAX_TAGS, POLICIES_PER_ROLE } from '../support/defaults.ts';
import { ACCOUNT, allow, assertAwsError, documentOfSize, EKS_TRUST } from './role-policy-assertions.ts';

let f: TollgateFixture;
let iam: IAMClient;
beforeEach(async () => {
  f = await startFixture();
  iam = f.iam();
});
afterEach(() => f.close());

const aws = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const noRole = (name: string) => ({ name: 'NoSuchEntityException', status: 404, message: `The role with name ${name} cannot be found.` });

test('CreateRole answers the role with AROA id, ARN with path, the trust policy and the defaults; GetRole adds RoleLastUsed', async () => {
  const { Role } = await iam.send(new CreateRoleCommand({
    RoleName: 'eksClusterRole', Path: '/eks/', AssumeRolePolicyDocument: EKS_TRUST, Description: 'cluster role',
    Tags: [{ Key: 'team', Value: 'platform' }],
  }));
  assert.match(Role!.RoleId!, /^AROA[A-Z0-9]{17}$/);
  assert.equal(Role!.Arn, `arn:aws:iam::${ACCOUNT}:role/eks/eksClusterRole`);
  assert.equal(Role!.Path, '/eks/');
  assert.equal(decodeURIComponent(Role!.AssumeRolePolicyDocument!), EKS_TRUST);
  assert.equal(Role!.MaxSessionDuration, undefined, 'CreateRole answers no MaxSessionDuration (GetRole does)');
  assert.deepEqual(Role!.Tags, [{ Key: 'team', Value: 'platform' }]);
  assert.ok(Role!.CreateDate instanceof Date);
  const got = (await iam.send(new GetRoleCommand({ RoleName: 'EKSCLUSTERROLE' }))).Role!;
  assert.equal(got.RoleName, 'eksClusterRole');
  assert.equal(got.Description, 'cluster role');
  assert.equal(got.MaxSessionDuration, DEFAULT_MAX_SESSION_DURATION);
  assert.equal(got.RoleId, Role!.RoleId);
  assert.deepEqual(got.RoleLastUsed, {});
});

test('CreateRole refuses a taken name (any case), bad MaxSessionDuration, duplicate tag keys, a missing boundary', async () => {
  await iam.send(new CreateRoleCommand({ RoleName: 'dup', AssumeRolePolicyDocument: EKS_TRUST }));
  await assertAwsError(iam.send(new CreateRoleCommand({ RoleName: 'DUP', AssumeRolePolicyDocument: EKS_TRUST })), {
    name: 'EntityAlreadyExistsException', status: 409, message: 'Role with name DUP already exists.',
  });
  await assertAwsError(iam.send(new CreateRoleCommand({ RoleName: 'long', AssumeRolePolicyDocument: EKS_TRUST, MaxSessionDuration: 43201 })), {
    name: 'ValidationError', status: 400,
    message: '1 validation error detected: Value at \'maxSessionDuration\' failed to satisfy constraint: Member must have value less than or equal to 43200',
  });
  await iam.send(new CreateRoleCommand({ RoleName: 'long', AssumeRolePolicyDocument: EKS_TRUST, MaxSessionDuration: 43200 }));
  assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'long' }))).Role!.MaxSessionDuration, 43200);
  await assertAwsError(iam.send(new CreateRoleCommand({ RoleName: 'tags', AssumeRolePolicyDocument: EKS_TRUST, Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] })), {
    name: 'InvalidInputException', status: 400, message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
  });
  await assertAwsError(iam.send(new CreateRoleCommand({ RoleName: 'bounded', AssumeRolePolicyDocument: EKS_TRUST, PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/nope` })), {
    name: 'NoSuchEntityException', status: 404, message: `Scope ARN: arn:aws:iam::${ACCOUNT}:policy/nope does not exist or is not attachable.`,
  });
  await assertAwsError(iam.send(new CreateRoleCommand({ RoleName: 'bounded', AssumeRolePolicyDocument: EKS_TRUST, PermissionsBoundary: 'not-an-arn-at-all-xx' })), {
    name: 'InvalidInputException', status: 400, message: 'ARN not-an-arn-at-all-xx is not valid.',
  });
  await assertAwsError(iam.send(new GetRoleCommand({ RoleName: 'bounded' })), noRole('bounded'));
});

test('ListRoles pages by name with Marker/MaxItems and filters by PathPrefix, without tags or last use', async () => {
  await iam.send(new CreateRoleCommand({ RoleName: 'elsewhere', AssumeRolePolicyDocument: EKS_TRUST }));
  for (const name of ['lr-c', 'lr-a', 'lr-b']) await iam.send(new CreateRoleCommand({ RoleName: name, Path: '/list/', AssumeRolePolicyDocument: EKS_TRUST, Tags: [{ Key: 'k', Value: 'v' }] }));
  const first = await iam.send(new ListRolesCommand({ PathPrefix: '/list/', MaxItems: 2 }));
  assert.deepEqual(first.Roles!.map((r) => r.RoleName), ['lr-a', 'lr-b']);
  assert.equal(first.IsTruncated, true);
  assert.equal(first.Roles![0]!.Tags, undefined);
  assert.equal(first.Roles![0]!.RoleLastUsed, undefined);
  assert.equal(decodeURIComponent(first.Roles![0]!.AssumeRolePolicyDocument!), EKS_TRUST);
  const second = await iam.send(new ListRolesCommand({ PathPrefix: '/list/', MaxItems: 2, Marker: first.Marker }));
  assert.deepEqual(second.Roles!.map((r) => r.RoleName), ['lr-c']);
  assert.equal(second.IsTruncated, false);
  assert.equal(second.Marker, undefined);
  const all = await iam.send(new ListRolesCommand({}));
  assert.deepEqual(all.Roles!.map((r) => r.RoleName), ['elsewhere', 'lr-a', 'lr-b', 'lr-c']);
  assert.deepEqual((await iam.send(new ListRolesCommand({ PathPrefix: '/nothing/' }))).Roles, []);
  await assertAwsError(iam.send(new ListRolesCommand({ Marker: 'garbage' })), { name: 'ValidationError', status: 400, message: 'Invalid Marker.' });
});

test('UpdateRole and UpdateRoleDescription change description and session duration', async () => {
  await iam.send(new CreateRoleCommand({ RoleName: 'upd', AssumeRolePolicyDocument: EKS_TRUST, Description: 'old' }));
  await iam.send(new UpdateRoleCommand({ RoleName: 'upd', MaxSessionDuration: 7200 }));
  let role = (await iam.send(new GetRoleCommand({ RoleName: 'upd' }))).Role!;
  assert.deepEqual([role.Description, role.MaxSessionDuration], ['old', 7200]);
  await iam.send(new UpdateRoleCommand({ RoleName: 'upd', Description: 'new' }));
  role = (await iam.send(new GetRoleCommand({ RoleName: 'upd' }))).Role!;
  assert.deepEqual([role.Description, role.MaxSessionDuration], ['new', 7200]);
  const answered = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'upd', Description: 'newest' }));
  assert.equal(answered.Role!.Description, 'newest');
  await assertAwsError(iam.send(new UpdateRoleCommand({ RoleName: 'ghost', Description: 'x' })), noRole('ghost'));
  await assertAwsError(iam.send(new UpdateRoleCommand({ RoleName: 'upd', MaxSessionDuration: 3599 })), {
    name: 'ValidationError', status: 400,
    message: '1 validation error detected: Value at \'maxSessionDuration\' failed to satisfy constraint: Member must have value greater than or equal to 3600',
  });
});

test('TagRole merges case-insensitively, UntagRole removes, ListRoleTags pages; 50 tags at most', async () => {
  await iam.send(new CreateRoleCommand({ RoleName: 'tagged', AssumeRolePolicyDocument: EKS_TRUST, Tags: [{ Key: 'Env', Value: 'dev' }] }));
  await iam.send(new TagRoleCommand({ RoleName: 'tagged', Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'x' }] }));
  const page = await iam.send(new ListRoleTagsCommand({ RoleName: 'tagged', MaxItems: 1 }));
  assert.deepEqual(page.Tags, [{ Key: 'env', Value: 'prod' }]);
  assert.equal(page.IsTruncated, true);
  assert.deepEqual((await iam.send(new ListRoleTagsCommand({ RoleName: 'tagged', Marker: page.Marker }))).Tags, [{ Key: 'team', Value: 'x' }]);
  await iam.send(new UntagRoleCommand({ RoleName: 'tagged', TagKeys: ['ENV', 'absent'] }));
  assert.deepEqual((await iam.send(new ListRoleTagsCommand({ RoleName: 'tagged' }))).Tags, [{ Key: 'team', Value: 'x' }]);
  await assertAwsError(iam.send(new TagRoleCommand({ RoleName: 'tagged', Tags: [{ Key: 'q', Value: '1' }, { Key: 'Q', Value: '2' }] })), {
    name: 'InvalidInputException', status: 400, message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
  });
  const tooMany = Array.from({ length: MAX_TAGS }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  await assertAwsError(iam.send(new TagRoleCommand({ RoleName: 'tagged', Tags: tooMany })), {
    name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for TagsPerResource: ${MAX_TAGS}`,
  });
  await assertAwsError(iam.send(new ListRoleTagsCommand({ RoleName: 'ghost' })), noRole('ghost'));
});

test('PutRolePermissionsBoundary sets a boundary GetRole shows; DeleteRolePermissionsBoundary removes it', async () => {
  await iam.send(new CreateRoleCommand({ RoleName: 'bounded2', AssumeRolePolicyDocument: EKS_TRUST, PermissionsBoundary: aws('PowerUserAccess') }));
  assert.deepEqual((await iam.send(new GetRoleCommand({ RoleName: 'bounded2' }))).Role!.PermissionsBoundary, {
    PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: aws('PowerUserAccess'),
  });
  await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'bounded2', PermissionsBoundary: aws('ReadOnlyAccess') }));
  assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'bounded2' }))).Role!.PermissionsBoundary!.PermissionsBoundaryArn, aws('ReadOnlyAccess'));
  await assertAwsError(iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'bounded2', PermissionsBoundary: aws('aws-service-role/AmazonEKSServiceRolePolicy') })), {
    name: 'PolicyNotAttachableException', status: 400, message: 'Cannot attach a Service Role Policy to a Customer Role.',
  });
  await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'bounded2' }));
  assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'bounded2' }))).Role!.PermissionsBoundary, undefined);
});

test('Inline role policies: verbatim documents, sorted pages, validation, the 10,240-character aggregate', async () => {
  await iam.send(new CreateRoleCommand({ RoleName: 'inline', AssumeRolePolicyDocument: EKS_TRUST }));
  const document = '{ "Version": "2012-10-17",\n "Statement": [{"Effect": "Allow", "Action": "eks:Describe*", "Resource": "*"}] }';
  await iam.send(new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'zed', PolicyDocument: document }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'abc', PolicyDocument: allow('s3:GetObject') }));
  const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'INLINE', PolicyName: 'zed' }));
  assert.deepEqual([got.RoleName, got.PolicyName, decodeURIComponent(got.PolicyDocument!)], ['inline', 'zed', document]);
  const page = await iam.send(new ListRolePoliciesCommand({ RoleName: 'inline', MaxItems: 1 }));
  assert.deepEqual([page.PolicyNames, page.IsTruncated], [['abc'], true]);
  assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: 'inline', Marker: page.Marker }))).PolicyNames, ['zed']);
  await assertAwsError(iam.send(new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'bad', PolicyDocument: '{"Statement":[{"Effect":"Allow","Action":"s3:*"}]}' })), {
    name: 'MalformedPolicyDocumentException', code: 'MalformedPolicyDocument', status: 400, message: 'Policy statement must contain resources.',
  });
  const used = allow('s3:GetObject').length + JSON.stringify(JSON.parse(document)).length;
  await iam.send(new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'big', PolicyDocument: documentOfSize(10_240 - used) }));
  await assertAwsError(iam.send(new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'more', PolicyDocument: allow('s3:*') })), {
    name: 'LimitExceededException', status: 409, message: INLINE_POLICY_AGGREGATE_LIMITS.role.message('inline'),
  });
  await iam.send(new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'big', PolicyDocument: allow('s3:*') })); // replacing frees room
  await iam.send(new DeleteRolePolicyCommand({ RoleName: 'inline', PolicyName: 'big' }));
  const missing = { name: 'NoSuchEntityException', status: 404, message: 'The role policy with name big cannot be found.' };
  await assertAwsError(iam.send(new GetRolePolicyCommand({ RoleName: 'inline', PolicyName: 'big' })), missing);
  await assertAwsError(iam.send(new DeleteRolePolicyCommand({ RoleName: 'inline', PolicyName: 'big' })), missing);
  await assertAwsError(iam.send(new PutRolePolicyCommand({ RoleName: 'ghost', PolicyName: 'p', PolicyDocument: allow('s3:*') })), noRole('ghost'));
});

test('AttachRolePolicy: AWS and customer policies, idempotent, ten at most, service-role policies refused, bad ARNs', async () => {
  await iam.send(new CreateRoleCommand({ RoleName: 'attached', AssumeRolePolicyDocument: EKS_TRUST }));
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'mine', Path: '/team/', PolicyDocument: allow('eks:*') }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'attached', PolicyArn: aws('AmazonEKSClusterPolicy') }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'attached', PolicyArn: Policy!.Arn }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'attached', PolicyArn: aws('AmazonEKSClusterPolicy') })); // again: no change
  assert.deepEqual((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'attached' }))).AttachedPolicies, [
    { PolicyName: 'AmazonEKSClusterPolicy', PolicyArn: aws('AmazonEKSClusterPolicy') },
    { PolicyName: 'mine', PolicyArn: Policy!.Arn },
  ]);
  assert.deepEqual((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'attached', PathPrefix: '/team/' }))).AttachedPolicies!.map((p) => p.PolicyName), ['mine']);
  const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'attached', MaxItems: 1 }));
  assert.deepEqual([page.AttachedPolicies!.length, page.IsTruncated], [1, true]);

  await assertAwsError(iam.send(new AttachRolePolicyCommand({ RoleName: 'attached', PolicyArn: aws('aws-service-role/AmazonEKSServiceRolePolicy') })), {
    name: 'PolicyNotAttachableException', status: 400, message: 'Cannot attach a Service Role Policy to a Customer Role.',
  });
  await assertAwsError(iam.send(new AttachRolePolicyCommand({ RoleName: 'attached', PolicyArn: aws('NoSuchPolicyAnywhere') })), {
    name: 'NoSuchEntityException', status: 404, message: `Policy ${aws('NoSuchPolicyAnywhere')} does not exist or is not attachable.`,
  });
  await assertAwsError(iam.send(new AttachRolePolicyCommand({ RoleName: 'attached', PolicyArn: 'AmazonEKSClusterPolicyX' })), {
    name: 'ValidationError', status: 400, message: 'Invalid ARN:  Could not be parsed!',
  });
  await assertAwsError(iam.send(new AttachRolePolicyCommand({ RoleName: 'ghost', PolicyArn: aws('AmazonEKSClusterPolicy') })), noRole('ghost'));

  const eight = ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly', 'ReadOnlyAccess', 'IAMReadOnlyAccess',
    'AmazonEKSServicePolicy', 'AmazonEKSVPCResourceController', 'AmazonSSMManagedInstanceCore'];
  for (const name of eight) await iam.send(new AttachRolePolicyCommand({ RoleName: 'attached', PolicyArn: aws(name) }));
  await assertAwsError(iam.send(new AttachRolePolicyCommand({ RoleName: 'attached', PolicyArn: aws('PowerUserAccess') })), {
    name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for PoliciesPerRole: ${POLICIES_PER_ROLE}`,
  });
  await iam.send(new DetachRolePolicyCommand({ RoleName: 'attached', PolicyArn: aws('ReadOnlyAccess') }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'attached', PolicyArn: aws('PowerUserAccess') }));
  await assertAwsError(iam.send(new DetachRolePolicyCommand({ RoleName: 'attached', PolicyArn: aws('ReadOnlyAccess') })), {
    name: 'NoSuchEntityException', status: 404, message: `Policy ${aws('ReadOnlyAccess')} was not found.`,
  });
});

test('DeleteRole refuses while policies are attached or inline ones exist, then deletes', async () => {
  await iam.send(new CreateRoleCommand({ RoleName: 'doomed', AssumeRolePolicyDocument: EKS_TRUST }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'doomed', PolicyArn: aws('AmazonEKSClusterPolicy') }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'doomed', PolicyName: 'p', PolicyDocument: allow('s3:*') }));
  await assertAwsError(iam.send(new DeleteRoleCommand({ RoleName: 'doomed' })), {
    name: 'DeleteConflictException', status: 409, message: 'Cannot delete entity, must detach all policies first.',
  });
  await iam.send(new DetachRolePolicyCommand({ RoleName: 'doomed', PolicyArn: aws('AmazonEKSClusterPolicy') }));
  await assertAwsError(iam.send(new DeleteRoleCommand({ RoleName: 'doomed' })), {
    name: 'DeleteConflictException', status: 409, message: 'Cannot delete entity, must delete policies first.',
  });
  await iam.send(new DeleteRolePolicyCommand({ RoleName: 'doomed', PolicyName: 'p' }));
  await iam.send(new DeleteRoleCommand({ RoleName: 'doomed' }));
  await assertAwsError(iam.send(new GetRoleCommand({ RoleName: 'doomed' })), noRole('doomed'));
  await assertAwsError(iam.send(new DeleteRoleCommand({ RoleName: 'doomed' })), noRole('doomed'));
  // The name is free again, with a new id.
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'doomed', AssumeRolePolicyDocument: EKS_TRUST }));
  assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: Role!.RoleName }))).PolicyNames, []);
});
