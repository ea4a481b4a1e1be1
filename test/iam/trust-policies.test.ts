// Role trust policies end to end: validation (docs/aws-behaviour/iam-policy-language.md), the 2,048-character quota, and principal
// resolution: user and role ARNs are stored as unique ids, shown as ARNs, and shown as the raw id
// once the entity is deleted, so a recreated namesake is not trusted.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateRoleCommand, CreateUserCommand, DeleteRoleCommand, DeleteUserCommand, GetAccountAuthorizationDetailsCommand, GetRoleCommand,
  ListRolesCommand, UpdateAssumeRolePolicyCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, assertAwsError, EKS_TRUST, trust } from './role-policy-assertions.ts';

let f: TollgateFixture;
let iam: IAMClient;
beforeEach(async () => {
  f = await startFixture();
  iam = f.iam();
});
afterEach(() => f.close());

const malformed = (message: string) => ({ name: 'MalformedPolicyDocumentException', code: 'MalformedPolicyDocument', status: 400, message });
const document = async (name: string) => JSON.parse(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: name }))).Role!.AssumeRolePolicyDocument!)) as {
  Statement: { Principal: { AWS: string | string[] } }[];
};

test('a trust policy without user or role ARNs is kept verbatim', async () => {
  const text = '{\n  "Version": "2008-10-17",\n  "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com", "AWS": "111122223333" }, "Action": "sts:AssumeRole" }]\n}';
  await iam.send(new CreateRoleCommand({ RoleName: 'verbatim', AssumeRolePolicyDocument: text }));
  assert.equal(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: 'verbatim' }))).Role!.AssumeRolePolicyDocument!), text);
});

test('CreateRole validates the trust policy with IAM\'s messages', async () => {
  const cases: [string, string][] = [
    ['{"Version":"2012-10-17",', 'This policy contains invalid Json'],
    [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }] }), 'Has prohibited field Resource'],
    [trust({ Service: 'eks.amazonaws.com' }).replace('sts:AssumeRole', 's3:GetObject'), 'AssumeRole policy may only specify STS AssumeRole actions.'],
    [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }), 'Missing required field Principal'],
    [trust({ AWS: `arn:aws:iam::${ACCOUNT}:role/*` }), `Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:role/*"`],
    [trust({ AWS: `arn:aws:iam::${ACCOUNT}:role/nobody` }), `Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:role/nobody"`],
    [trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/ghost` }), `Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:user/ghost"`],
  ];
  for (const [text, message] of cases) {
    await assertAwsError(iam.send(new CreateRoleCommand({ RoleName: 'invalid', AssumeRolePolicyDocument: text })), malformed(message));
  }
  await assertAwsError(iam.send(new GetRoleCommand({ RoleName: 'invalid' })), { name: 'NoSuchEntityException', status: 404, message: 'The role with name invalid cannot be found.' });
});

test('the trust policy is limited to 2,048 characters not counting whitespace', async () => {
  const sized = (n: number) => {
    const base = (pad: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: pad, Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    return base('S'.repeat(n - base('').length));
  };
  await iam.send(new CreateRoleCommand({ RoleName: 'at-limit', AssumeRolePolicyDocument: sized(2048).replace(/,/g, ',\n    ') }));
  await assertAwsError(iam.send(new CreateRoleCommand({ RoleName: 'over-limit', AssumeRolePolicyDocument: sized(2049) })), {
    name: 'LimitExceededException', status: 409, message: 'Cannot exceed quota for ACLSizePerRole: 2048',
  });
  await assertAwsError(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'at-limit', PolicyDocument: sized(2049) })), {
    name: 'LimitExceededException', status: 409, message: 'Cannot exceed quota for ACLSizePerRole: 2048',
  });
});

test('user and role principals round-trip as ARNs; deleted ones show their unique id; a namesake is not trusted', async () => {
  const { User } = await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/eng/' }));
  const { Role: target } = await iam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: EKS_TRUST }));
  const principals = [User!.Arn!, target!.Arn!, ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`, `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/s1`];
  const text = trust({ AWS: principals });
  await iam.send(new CreateRoleCommand({ RoleName: 'trusting', AssumeRolePolicyDocument: text }));
  assert.deepEqual((await document('trusting')).Statement[0]!.Principal.AWS, principals);
  const listed = (await iam.send(new ListRolesCommand({}))).Roles!.find((r) => r.RoleName === 'trusting')!;
  assert.deepEqual(JSON.parse(decodeURIComponent(listed.AssumeRolePolicyDocument!)), JSON.parse(text));

  // The store keeps unique ids, not ARNs.
  const stored = await f.tollgate.runtime.store.roles.get(ACCOUNT, 'trusting');
  assert.ok(stored!.trustPolicy.includes(User!.UserId!) && stored!.trustPolicy.includes(target!.RoleId!));
  assert.ok(!stored!.trustPolicy.includes(User!.Arn!));

  await iam.send(new DeleteUserCommand({ UserName: 'alice' }));
  await iam.send(new DeleteRoleCommand({ RoleName: 'deployer' }));
  assert.deepEqual((await document('trusting')).Statement[0]!.Principal.AWS, [User!.UserId, target!.RoleId, ...principals.slice(2)]);

  await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/eng/' }));
  await iam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: EKS_TRUST }));
  const after = (await document('trusting')).Statement[0]!.Principal.AWS;
  assert.deepEqual(after.slice(0, 2), [User!.UserId, target!.RoleId], 'the recreated namesakes are different entities');

  const details = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
  const detail = details.RoleDetailList!.find((r) => r.RoleName === 'trusting')!;
  assert.deepEqual(JSON.parse(decodeURIComponent(detail.AssumeRolePolicyDocument!)).Statement[0].Principal.AWS, after);
});

test('UpdateAssumeRolePolicy resolves principals the same way and refuses unknown ones', async () => {
  const { User } = await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await iam.send(new CreateRoleCommand({ RoleName: 'switch', AssumeRolePolicyDocument: EKS_TRUST }));
  await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'switch', PolicyDocument: trust({ AWS: User!.Arn! }) }));
  assert.equal((await document('switch')).Statement[0]!.Principal.AWS, User!.Arn);
  await assertAwsError(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'switch', PolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/carol` }) })),
    malformed(`Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:user/carol"`));
  // A user ARN with the wrong path names no existing user.
  await assertAwsError(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'switch', PolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/eng/bob` }) })),
    malformed(`Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:user/eng/bob"`));
  await assertAwsError(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'ghost', PolicyDocument: EKS_TRUST })), {
    name: 'NoSuchEntityException', status: 404, message: 'The role with name ghost cannot be found.',
  });
  assert.equal((await document('switch')).Statement[0]!.Principal.AWS, User!.Arn, 'a refused update changes nothing');
});
