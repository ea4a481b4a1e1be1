// The members each IAM answer carries, as AWS answers them (the IAM API reference's and the AWS CLI's
// response examples, and answers recorded against AWS): CreateRole and CreateServiceLinkedRole carry no
// MaxSessionDuration, description or last use, GetRole and ListRoles do; UpdateRoleDescription carries the
// description but no MaxSessionDuration or last use; CreatePolicy does not echo its description; GetPolicy
// carries `Tags` always, an empty `<Tags/>` on the wire when the policy has none.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreatePolicyCommand, CreateRoleCommand, CreateServiceLinkedRoleCommand, GetPolicyCommand, GetRoleCommand, ListRolesCommand,
  UpdateRoleDescriptionCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { runAwsCli } from '../support/aws-cli.ts';
import { requireClient } from '../support/interop.ts';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, allow } from './identity-assertions.ts';

let f: TollgateFixture;
let iam: IAMClient;
beforeEach(async () => {
  f = await startFixture();
  iam = f.iam();
});
afterEach(() => f.close());

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
const BOUNDARY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const ROLE_CORE = ['Arn', 'AssumeRolePolicyDocument', 'CreateDate', 'Path', 'RoleId', 'RoleName'];

/** The members of an SDK answer's structure, sorted. */
const members = (value: object | undefined) => Object.keys(value ?? {}).sort();

test('CreateRole answers no MaxSessionDuration, Description or RoleLastUsed, even when the request set them; GetRole and ListRoles do', async () => {
  const plain = await iam.send(new CreateRoleCommand({ RoleName: 'shape-plain', AssumeRolePolicyDocument: TRUST }));
  assert.deepEqual(members(plain.Role), ROLE_CORE);
  const full = await iam.send(new CreateRoleCommand({
    RoleName: 'shape-full', AssumeRolePolicyDocument: TRUST, Description: 'a role', MaxSessionDuration: 7200,
    PermissionsBoundary: BOUNDARY, Tags: [{ Key: 'team', Value: 'a' }],
  }));
  assert.deepEqual(members(full.Role), [...ROLE_CORE, 'PermissionsBoundary', 'Tags'].sort());
  assert.deepEqual(full.Role?.Tags, [{ Key: 'team', Value: 'a' }]);

  const got = (await iam.send(new GetRoleCommand({ RoleName: 'shape-full' }))).Role!;
  assert.deepEqual(members(got), [...ROLE_CORE, 'Description', 'MaxSessionDuration', 'PermissionsBoundary', 'RoleLastUsed', 'Tags'].sort());
  assert.equal(got.Description, 'a role');
  assert.equal(got.MaxSessionDuration, 7200);
  assert.deepEqual(members((await iam.send(new GetRoleCommand({ RoleName: 'shape-plain' }))).Role), [...ROLE_CORE, 'MaxSessionDuration', 'RoleLastUsed'].sort());

  const listed = (await iam.send(new ListRolesCommand({}))).Roles!.find((r) => r.RoleName === 'shape-full');
  assert.deepEqual(members(listed), [...ROLE_CORE, 'Description', 'MaxSessionDuration'].sort());
});

test('CreateServiceLinkedRole answers the role as CreateRole does: no MaxSessionDuration', async () => {
  const { Role } = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'batch.amazonaws.com' }));
  assert.deepEqual(members(Role), ROLE_CORE);
});

test('UpdateRoleDescription answers the description, without MaxSessionDuration or RoleLastUsed', async () => {
  await iam.send(new CreateRoleCommand({ RoleName: 'shape-described', AssumeRolePolicyDocument: TRUST }));
  const { Role } = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'shape-described', Description: 'Main production role' }));
  assert.deepEqual(members(Role), [...ROLE_CORE, 'Description'].sort());
  assert.equal(Role?.Description, 'Main production role');
});

test('CreatePolicy does not echo the description (GetPolicy does); GetPolicy answers Tags: [] when there are none', async () => {
  const policyCore = ['Arn', 'AttachmentCount', 'CreateDate', 'DefaultVersionId', 'IsAttachable', 'Path', 'PermissionsBoundaryUsageCount', 'PolicyId', 'PolicyName', 'UpdateDate'];
  const created = await iam.send(new CreatePolicyCommand({ PolicyName: 'shape-policy', PolicyDocument: allow('s3:GetObject'), Description: 'reads objects' }));
  assert.deepEqual(members(created.Policy), policyCore);
  const tagged = await iam.send(new CreatePolicyCommand({ PolicyName: 'shape-tagged', PolicyDocument: allow('s3:GetObject'), Tags: [{ Key: 'k', Value: 'v' }] }));
  assert.deepEqual(members(tagged.Policy), [...policyCore, 'Tags'].sort());

  const got = (await iam.send(new GetPolicyCommand({ PolicyArn: created.Policy!.Arn }))).Policy!;
  assert.deepEqual(members(got), [...policyCore, 'Description', 'Tags'].sort());
  assert.equal(got.Description, 'reads objects');
  assert.deepEqual(got.Tags, []);
  assert.deepEqual((await iam.send(new GetPolicyCommand({ PolicyArn: tagged.Policy!.Arn }))).Policy?.Tags, [{ Key: 'k', Value: 'v' }]);
  assert.deepEqual((await iam.send(new GetPolicyCommand({ PolicyArn: BOUNDARY }))).Policy?.Tags, [], 'an AWS managed policy too');
});

test('GetPolicy without tags: an empty <Tags/> element on the wire, which boto3 (the AWS CLI) reads as []', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const arn = `arn:aws:iam::${ACCOUNT}:policy/shape-wire`;
  await iam.send(new CreatePolicyCommand({ PolicyName: 'shape-wire', PolicyDocument: allow('s3:GetObject') }));
  const cli = await runAwsCli(f.url, f.root, 'us-east-1', '--debug', 'iam', 'get-policy', '--policy-arn', arn);
  assert.equal(cli.status, 0, cli.stderr.slice(-2000));
  assert.deepEqual(JSON.parse(cli.stdout).Policy.Tags, []);
  const body = /Response body:\s*\n?b'(<GetPolicyResponse[\s\S]*?<\/GetPolicyResponse>)/.exec(cli.stderr)?.[1];
  assert.ok(body, 'the CLI logged the raw answer');
  assert.match(body, /<Tags\s*\/>|<Tags><\/Tags>/);
  assert.doesNotMatch(body, /<Tags>\s*<member>/);
});
