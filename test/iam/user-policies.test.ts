// Inline policies and managed-policy attachments of users and groups end to end through the AWS SDK:
// validation, aggregate size limits, documents kept verbatim, quotas, and the condition keys.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  AttachGroupPolicyCommand, AttachUserPolicyCommand, CreateGroupCommand, CreateUserCommand, DeleteGroupPolicyCommand, DeleteUserPolicyCommand,
  DetachGroupPolicyCommand, DetachUserPolicyCommand, GetGroupPolicyCommand, GetUserPolicyCommand, ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand, ListGroupPoliciesCommand, ListUserPoliciesCommand, PutGroupPolicyCommand, PutUserPolicyCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ATTACHED_POLICIES_PER_ENTITY, INLINE_POLICY_AGGREGATE_LIMITS } from '../support/defaults.ts';
import { ACCOUNT, allow, assertAwsError, deniedMessage, seedCustomerPolicy, userWithKey } from './identity-assertions.ts';

let f: TollgateFixture;
let root: IAMClient;
let admin: Credentials; // an IAM user whose own policies the authorization tests set
beforeEach(async () => {
  f = await startFixture();
  root = f.iam();
  admin = await userWithKey(root, 'admin');
  await root.send(new CreateUserCommand({ UserName: 'pat' }));
  await root.send(new CreateGroupCommand({ GroupName: 'crew' }));
});
afterEach(() => f.close());

const aws = (name: string) => `arn:aws:iam::aws:policy/${name}`;

/** A compact policy document of exactly `size` characters (IAM's count, whitespace excluded). */
function documentOfSize(size: number): string {
  const make = (sid: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  return make('S'.repeat(size - make('').length));
}

test('PutUserPolicy keeps the document verbatim; GetUserPolicy returns it; ListUserPolicies pages sorted names', async () => {
  const document = '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/a b%2F+c" } ]\n}\n';
  await root.send(new PutUserPolicyCommand({ UserName: 'pat', PolicyName: 'zeta', PolicyDocument: document }));
  const got = await root.send(new GetUserPolicyCommand({ UserName: 'PAT', PolicyName: 'zeta' }));
  assert.deepEqual([got.UserName, got.PolicyName], ['pat', 'zeta']);
  assert.equal(decodeURIComponent(got.PolicyDocument ?? ''), document);
  for (const name of ['alpha', 'mid']) await root.send(new PutUserPolicyCommand({ UserName: 'pat', PolicyName: name, PolicyDocument: allow('s3:ListBucket') }));
  await root.send(new PutUserPolicyCommand({ UserName: 'pat', PolicyName: 'alpha', PolicyDocument: allow('s3:PutObject') })); // replaces
  assert.equal(decodeURIComponent((await root.send(new GetUserPolicyCommand({ UserName: 'pat', PolicyName: 'alpha' }))).PolicyDocument ?? ''), allow('s3:PutObject'));
  const first = await root.send(new ListUserPoliciesCommand({ UserName: 'pat', MaxItems: 2 }));
  assert.deepEqual(first.PolicyNames, ['alpha', 'mid']);
  assert.equal(first.IsTruncated, true);
  assert.deepEqual((await root.send(new ListUserPoliciesCommand({ UserName: 'pat', Marker: first.Marker }))).PolicyNames, ['zeta']);
  await root.send(new DeleteUserPolicyCommand({ UserName: 'pat', PolicyName: 'mid' }));
  const missing = { name: 'NoSuchEntityException', status: 404, message: 'The user policy with name mid cannot be found.' };
  await assertAwsError(root.send(new GetUserPolicyCommand({ UserName: 'pat', PolicyName: 'mid' })), missing);
  await assertAwsError(root.send(new DeleteUserPolicyCommand({ UserName: 'pat', PolicyName: 'mid' })), missing);
  await assertAwsError(root.send(new PutUserPolicyCommand({ UserName: 'ghost', PolicyName: 'p', PolicyDocument: allow('s3:*') })), {
    name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.',
  });
});

test('group inline policies: put, get, list, delete', async () => {
  await root.send(new PutGroupPolicyCommand({ GroupName: 'crew', PolicyName: 'g1', PolicyDocument: allow('ec2:Describe*') }));
  const got = await root.send(new GetGroupPolicyCommand({ GroupName: 'CREW', PolicyName: 'g1' }));
  assert.deepEqual([got.GroupName, got.PolicyName, decodeURIComponent(got.PolicyDocument ?? '')], ['crew', 'g1', allow('ec2:Describe*')]);
  assert.deepEqual((await root.send(new ListGroupPoliciesCommand({ GroupName: 'crew' }))).PolicyNames, ['g1']);
  await root.send(new DeleteGroupPolicyCommand({ GroupName: 'crew', PolicyName: 'g1' }));
  await assertAwsError(root.send(new GetGroupPolicyCommand({ GroupName: 'crew', PolicyName: 'g1' })), {
    name: 'NoSuchEntityException', status: 404, message: 'The group policy with name g1 cannot be found.',
  });
  await assertAwsError(root.send(new ListGroupPoliciesCommand({ GroupName: 'nope' })), { name: 'NoSuchEntityException', status: 404, message: 'The group with name nope cannot be found.' });
});

test('malformed documents get MalformedPolicyDocument with IAM\'s texts', async () => {
  const put = (document: string) => root.send(new PutUserPolicyCommand({ UserName: 'pat', PolicyName: 'bad', PolicyDocument: document }));
  await assertAwsError(put('{not json'), { name: 'MalformedPolicyDocumentException', status: 400, message: 'Syntax errors in policy.' });
  await assertAwsError(put(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] })), {
    name: 'MalformedPolicyDocumentException', status: 400, message: 'Policy statement must contain actions.',
  });
  await assertAwsError(put(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] })), {
    name: 'MalformedPolicyDocumentException', status: 400, message: 'Policy document should not specify a principal.',
  });
  await assertAwsError(root.send(new PutGroupPolicyCommand({ GroupName: 'crew', PolicyName: 'bad', PolicyDocument: '[]' })), {
    name: 'MalformedPolicyDocumentException', status: 400, message: 'Syntax errors in policy.',
  });
});

test('inline policies are limited in aggregate: 2,048 characters per user, 5,120 per group (whitespace not counted)', async () => {
  await root.send(new CreateUserCommand({ UserName: 'sizer' }));
  await root.send(new PutUserPolicyCommand({ UserName: 'sizer', PolicyName: 'a', PolicyDocument: documentOfSize(1000) }));
  await root.send(new PutUserPolicyCommand({ UserName: 'sizer', PolicyName: 'b', PolicyDocument: documentOfSize(1048).replace(/,/g, ',\n    ') }));
  await assertAwsError(root.send(new PutUserPolicyCommand({ UserName: 'sizer', PolicyName: 'c', PolicyDocument: documentOfSize(200) })), {
    name: 'LimitExceededException', status: 409, message: INLINE_POLICY_AGGREGATE_LIMITS.user.message('sizer'),
  });
  await root.send(new PutUserPolicyCommand({ UserName: 'sizer', PolicyName: 'b', PolicyDocument: documentOfSize(900) })); // a replacement counts once
  await root.send(new CreateGroupCommand({ GroupName: 'big' }));
  await root.send(new PutGroupPolicyCommand({ GroupName: 'big', PolicyName: 'a', PolicyDocument: documentOfSize(5000) }));
  await assertAwsError(root.send(new PutGroupPolicyCommand({ GroupName: 'big', PolicyName: 'b', PolicyDocument: documentOfSize(121) })), {
    name: 'LimitExceededException', status: 409, message: INLINE_POLICY_AGGREGATE_LIMITS.group.message('big'),
  });
  await root.send(new PutGroupPolicyCommand({ GroupName: 'big', PolicyName: 'b', PolicyDocument: documentOfSize(120) }));
});

test('AttachUserPolicy / ListAttachedUserPolicies / DetachUserPolicy with AWS and customer managed policies', async () => {
  const customer = await seedCustomerPolicy(f, 'TeamAccess', allow('s3:*'), '/team/');
  await root.send(new AttachUserPolicyCommand({ UserName: 'pat', PolicyArn: aws('ReadOnlyAccess') }));
  await root.send(new AttachUserPolicyCommand({ UserName: 'pat', PolicyArn: customer }));
  await root.send(new AttachUserPolicyCommand({ UserName: 'pat', PolicyArn: aws('ReadOnlyAccess') })); // idempotent
  const first = await root.send(new ListAttachedUserPoliciesCommand({ UserName: 'pat', MaxItems: 1 }));
  assert.deepEqual(first.AttachedPolicies, [{ PolicyName: 'ReadOnlyAccess', PolicyArn: aws('ReadOnlyAccess') }]);
  assert.equal(first.IsTruncated, true);
  assert.deepEqual((await root.send(new ListAttachedUserPoliciesCommand({ UserName: 'pat', Marker: first.Marker }))).AttachedPolicies, [{ PolicyName: 'TeamAccess', PolicyArn: customer }]);
  assert.deepEqual((await root.send(new ListAttachedUserPoliciesCommand({ UserName: 'pat', PathPrefix: '/team/' }))).AttachedPolicies?.map((p) => p.PolicyName), ['TeamAccess']);
  await root.send(new DetachUserPolicyCommand({ UserName: 'pat', PolicyArn: customer }));
  await assertAwsError(root.send(new DetachUserPolicyCommand({ UserName: 'pat', PolicyArn: customer })), { name: 'NoSuchEntityException', status: 404, message: `Policy ${customer} was not found.` });
  assert.equal((await root.send(new ListAttachedUserPoliciesCommand({ UserName: 'pat' }))).AttachedPolicies?.length, 1);
});

test('attachment errors: not an ARN, unknown policy, service-role policy, missing user or group', async () => {
  for (const attach of [
    (arn: string) => root.send(new AttachUserPolicyCommand({ UserName: 'pat', PolicyArn: arn })),
    (arn: string) => root.send(new AttachGroupPolicyCommand({ GroupName: 'crew', PolicyArn: arn })),
  ]) {
    await assertAwsError(attach('ReadOnlyAccess-not-an-arn'), { name: 'ValidationError', status: 400, message: 'Invalid ARN:  Could not be parsed!' });
    await assertAwsError(attach(aws('NoSuchPolicyHere')), { name: 'NoSuchEntityException', status: 404, message: `Policy ${aws('NoSuchPolicyHere')} does not exist or is not attachable.` });
    await assertAwsError(attach(aws('aws-service-role/AmazonEKSServiceRolePolicy')), {
      name: 'PolicyNotAttachableException', status: 400, message: 'Cannot attach a Service Role Policy to a Customer Role.',
    });
  }
  await assertAwsError(root.send(new AttachUserPolicyCommand({ UserName: 'ghost', PolicyArn: aws('ReadOnlyAccess') })), { name: 'NoSuchEntityException', status: 404, message: 'The user with name ghost cannot be found.' });
  await assertAwsError(root.send(new DetachGroupPolicyCommand({ GroupName: 'ghosts', PolicyArn: aws('ReadOnlyAccess') })), { name: 'NoSuchEntityException', status: 404, message: 'The group with name ghosts cannot be found.' });
  await assertAwsError(root.send(new DetachUserPolicyCommand({ UserName: 'pat', PolicyArn: 'x'.repeat(20) })), { name: 'ValidationError', status: 400, message: 'Invalid ARN:  Could not be parsed!' });
});

test(`at most ${ATTACHED_POLICIES_PER_ENTITY} managed policies per user and per group`, async () => {
  const names = ['ReadOnlyAccess', 'IAMReadOnlyAccess', 'AmazonS3ReadOnlyAccess', 'AmazonEC2ReadOnlyAccess', 'AmazonSQSReadOnlyAccess', 'AmazonSNSReadOnlyAccess',
    'AmazonDynamoDBReadOnlyAccess', 'AmazonRDSReadOnlyAccess', 'CloudWatchReadOnlyAccess', 'AmazonVPCReadOnlyAccess', 'AWSLambda_ReadOnlyAccess'];
  await root.send(new CreateUserCommand({ UserName: 'hoarder' }));
  await root.send(new CreateGroupCommand({ GroupName: 'hoarders' }));
  assert.equal(names.length, ATTACHED_POLICIES_PER_ENTITY + 1);
  for (const name of names.slice(0, ATTACHED_POLICIES_PER_ENTITY)) {
    await root.send(new AttachUserPolicyCommand({ UserName: 'hoarder', PolicyArn: aws(name) }));
    await root.send(new AttachGroupPolicyCommand({ GroupName: 'hoarders', PolicyArn: aws(name) }));
  }
  await assertAwsError(root.send(new AttachUserPolicyCommand({ UserName: 'hoarder', PolicyArn: aws(names[ATTACHED_POLICIES_PER_ENTITY]!) })), { name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for PoliciesPerUser: ${ATTACHED_POLICIES_PER_ENTITY}` });
  await assertAwsError(root.send(new AttachGroupPolicyCommand({ GroupName: 'hoarders', PolicyArn: aws(names[ATTACHED_POLICIES_PER_ENTITY]!) })), { name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for PoliciesPerGroup: ${ATTACHED_POLICIES_PER_ENTITY}` });
  await root.send(new AttachUserPolicyCommand({ UserName: 'hoarder', PolicyArn: aws(names[0]!) })); // already attached: no quota change
  assert.equal((await root.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'hoarders', MaxItems: 1000 }))).AttachedPolicies?.length, ATTACHED_POLICIES_PER_ENTITY);
});

test('authorization: iam:PolicyARN on Attach/Detach; Get/ListUserPolicies name `user <UserName>`; group policies on the group ARN', async () => {
  const iam = f.iam(admin);
  await root.send(new PutUserPolicyCommand({
    UserName: 'admin', PolicyName: 'attach-read-only',
    PolicyDocument: allow(['iam:AttachUserPolicy', 'iam:DetachUserPolicy'], '*', { ArnEquals: { 'iam:PolicyARN': aws('ReadOnlyAccess') } }),
  }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'pat', PolicyArn: aws('ReadOnlyAccess') }));
  await assertAwsError(iam.send(new AttachUserPolicyCommand({ UserName: 'pat', PolicyArn: aws('AdministratorAccess') })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('admin', 'iam:AttachUserPolicy', `arn:aws:iam::${ACCOUNT}:user/pat`),
  });
  await iam.send(new DetachUserPolicyCommand({ UserName: 'pat', PolicyArn: aws('ReadOnlyAccess') }));
  await assertAwsError(iam.send(new GetUserPolicyCommand({ UserName: 'pat', PolicyName: 'zeta' })), { name: 'AccessDenied', status: 403, message: deniedMessage('admin', 'iam:GetUserPolicy', 'user pat') });
  await assertAwsError(iam.send(new ListUserPoliciesCommand({ UserName: 'pat' })), { name: 'AccessDenied', status: 403, message: deniedMessage('admin', 'iam:ListUserPolicies', 'user pat') });
  await assertAwsError(iam.send(new PutUserPolicyCommand({ UserName: 'pat', PolicyName: 'x', PolicyDocument: allow('s3:*') })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('admin', 'iam:PutUserPolicy', `arn:aws:iam::${ACCOUNT}:user/pat`),
  });
  await assertAwsError(iam.send(new AttachGroupPolicyCommand({ GroupName: 'crew', PolicyArn: aws('ReadOnlyAccess') })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('admin', 'iam:AttachGroupPolicy', `arn:aws:iam::${ACCOUNT}:group/crew`),
  });
  await assertAwsError(iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'crew' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('admin', 'iam:ListAttachedGroupPolicies', `arn:aws:iam::${ACCOUNT}:group/crew`),
  });
  // Missing entities are NoSuchEntity only after authorization: an unauthorized caller gets AccessDenied.
  await assertAwsError(iam.send(new GetGroupPolicyCommand({ GroupName: 'nope', PolicyName: 'p' })), {
    name: 'AccessDenied', status: 403, message: deniedMessage('admin', 'iam:GetGroupPolicy', `arn:aws:iam::${ACCOUNT}:group/nope`),
  });
});
