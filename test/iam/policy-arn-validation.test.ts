// A PolicyArn that does not parse as an ARN (a policy name, a path, a truncated ARN) is refused with AWS's
// ValidationError `Invalid ARN:  Could not be parsed!` (two spaces) by every operation that takes one, and
// changes nothing; an ARN that parses but names no policy is NoSuchEntity with the operation's own text;
// a permissions boundary that is not an ARN keeps its InvalidInput `ARN <x> is not valid.`.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  AttachGroupPolicyCommand, AttachRolePolicyCommand, AttachUserPolicyCommand, CreateGroupCommand, CreatePolicyCommand, CreatePolicyVersionCommand,
  CreateRoleCommand, CreateUserCommand, DeletePolicyCommand, DeletePolicyVersionCommand, DetachGroupPolicyCommand, DetachRolePolicyCommand,
  DetachUserPolicyCommand, GetPolicyCommand, GetPolicyVersionCommand, ListAttachedGroupPoliciesCommand, ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand, ListEntitiesForPolicyCommand, ListPolicyTagsCommand, ListPolicyVersionsCommand, PutRolePermissionsBoundaryCommand,
  PutUserPermissionsBoundaryCommand, SetDefaultPolicyVersionCommand, TagPolicyCommand, UntagPolicyCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, allow, assertAwsError } from './identity-assertions.ts';

let f: TollgateFixture;
let iam: IAMClient;
const POLICY_NAME = 'arn-validation-policy';
const policyArn = `arn:aws:iam::${ACCOUNT}:policy/${POLICY_NAME}`;
beforeEach(async () => {
  f = await startFixture();
  iam = f.iam();
  await iam.send(new CreateUserCommand({ UserName: 'arn-user' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'arn-group' }));
  await iam.send(new CreateRoleCommand({
    RoleName: 'arn-role',
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));
  await iam.send(new CreatePolicyCommand({ PolicyName: POLICY_NAME, PolicyDocument: allow('s3:GetObject') }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'arn-user', PolicyArn: policyArn }));
});
afterEach(() => f.close());

/** Strings that do not parse as ARNs, each at least the 20 characters the model requires of a PolicyArn. */
const UNPARSABLE = [
  'longpolicynamebutnoarn', // a name, as recorded against AWS
  POLICY_NAME, // the existing policy's name instead of its ARN, as recorded against AWS
  'service-role/AWSLambdaBasicExecutionRole', // a path and name
  'arn:aws:iam::111122223333', // an ARN cut short
  'arn:aws::us-east-1:111122223333:policy/x', // no service
];

/** Every operation that takes a PolicyArn, called with `arn`. */
const OPERATIONS: ReadonlyArray<readonly [string, (arn: string) => Promise<unknown>]> = [
  ['AttachUserPolicy', (arn) => iam.send(new AttachUserPolicyCommand({ UserName: 'arn-user', PolicyArn: arn }))],
  ['AttachGroupPolicy', (arn) => iam.send(new AttachGroupPolicyCommand({ GroupName: 'arn-group', PolicyArn: arn }))],
  ['AttachRolePolicy', (arn) => iam.send(new AttachRolePolicyCommand({ RoleName: 'arn-role', PolicyArn: arn }))],
  ['DetachUserPolicy', (arn) => iam.send(new DetachUserPolicyCommand({ UserName: 'arn-user', PolicyArn: arn }))],
  ['DetachGroupPolicy', (arn) => iam.send(new DetachGroupPolicyCommand({ GroupName: 'arn-group', PolicyArn: arn }))],
  ['DetachRolePolicy', (arn) => iam.send(new DetachRolePolicyCommand({ RoleName: 'arn-role', PolicyArn: arn }))],
  ['GetPolicy', (arn) => iam.send(new GetPolicyCommand({ PolicyArn: arn }))],
  ['DeletePolicy', (arn) => iam.send(new DeletePolicyCommand({ PolicyArn: arn }))],
  ['GetPolicyVersion', (arn) => iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }))],
  ['CreatePolicyVersion', (arn) => iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:PutObject') }))],
  ['DeletePolicyVersion', (arn) => iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }))],
  ['ListPolicyVersions', (arn) => iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))],
  ['SetDefaultPolicyVersion', (arn) => iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }))],
  ['ListEntitiesForPolicy', (arn) => iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }))],
  ['TagPolicy', (arn) => iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'k', Value: 'v' }] }))],
  ['UntagPolicy', (arn) => iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ['k'] }))],
  ['ListPolicyTags', (arn) => iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))],
];

test('every operation taking a PolicyArn answers ValidationError `Invalid ARN:  Could not be parsed!` for a string that is not an ARN', async () => {
  for (const [operation, call] of OPERATIONS) {
    for (const arn of UNPARSABLE) {
      await assertAwsError(call(arn), { name: 'ValidationError', status: 400, message: 'Invalid ARN:  Could not be parsed!' }).catch((error: Error) => {
        throw new Error(`${operation}(${arn}): ${error.message}`);
      });
    }
  }
  const attached = async () => [
    (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'arn-user' }))).AttachedPolicies?.map((p) => p.PolicyArn),
    (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'arn-group' }))).AttachedPolicies?.map((p) => p.PolicyArn),
    (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'arn-role' }))).AttachedPolicies?.map((p) => p.PolicyArn),
  ];
  assert.deepEqual(await attached(), [[policyArn], [], []], 'nothing attached or detached');
  const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
  assert.equal(Policy?.DefaultVersionId, 'v1', 'no version created');
  assert.deepEqual((await iam.send(new ListPolicyTagsCommand({ PolicyArn: policyArn }))).Tags, [], 'no tag added');
});

test('an ARN that parses but names no policy is NoSuchEntity, with each operation\'s text', async () => {
  const missing = `arn:aws:iam::${ACCOUNT}:policy/${POLICY_NAME}123`;
  const notAttachable = { name: 'NoSuchEntityException', code: 'NoSuchEntity', status: 404, message: `Policy ${missing} does not exist or is not attachable.` };
  const notFound = { name: 'NoSuchEntityException', code: 'NoSuchEntity', status: 404, message: `Policy ${missing} was not found.` };
  await assertAwsError(iam.send(new AttachUserPolicyCommand({ UserName: 'arn-user', PolicyArn: missing })), notAttachable);
  await assertAwsError(iam.send(new AttachGroupPolicyCommand({ GroupName: 'arn-group', PolicyArn: missing })), notAttachable);
  await assertAwsError(iam.send(new AttachRolePolicyCommand({ RoleName: 'arn-role', PolicyArn: missing })), notAttachable);
  await assertAwsError(iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: missing })), notAttachable);
  await assertAwsError(iam.send(new GetPolicyCommand({ PolicyArn: missing })), notFound);
  await assertAwsError(iam.send(new DeletePolicyCommand({ PolicyArn: missing })), notFound);
  await assertAwsError(iam.send(new DetachUserPolicyCommand({ UserName: 'arn-user', PolicyArn: missing })), notFound);
  // Another service's ARN parses too: it names no IAM policy.
  const bucket = 'arn:aws:s3:::a-bucket-name-here';
  await assertAwsError(iam.send(new AttachRolePolicyCommand({ RoleName: 'arn-role', PolicyArn: bucket })), { ...notAttachable, message: `Policy ${bucket} does not exist or is not attachable.` });
});

test('a permissions boundary that is not an ARN stays InvalidInput `ARN <x> is not valid.`', async () => {
  await assertAwsError(iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'arn-user', PermissionsBoundary: 'longpolicynamebutnoarn' })), {
    name: 'InvalidInputException', code: 'InvalidInput', status: 400, message: 'ARN longpolicynamebutnoarn is not valid.',
  });
  await assertAwsError(iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'arn-role', PermissionsBoundary: 'longpolicynamebutnoarn' })), {
    name: 'InvalidInputException', code: 'InvalidInput', status: 400, message: 'ARN longpolicynamebutnoarn is not valid.',
  });
});
