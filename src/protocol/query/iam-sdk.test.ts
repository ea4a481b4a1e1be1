// The real @aws-sdk/client-iam against our awsQuery codec: what it sends decodes, what we answer parses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CreateAccessKeyCommand, CreateUserCommand, DeleteUserCommand, GetAccountSummaryCommand, GetRolePolicyCommand,
  GetUserCommand, IAMClient, ListUsersCommand, NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { AwsError } from '../../kernel/aws-error.ts';
import { iamModel } from '../models/index.ts';
import { fakeClientConfig, fakeRequestHandler, queryResponder, REQUEST_ID, type FakeService } from '../sdk-harness.ts';
import type { WireStructure } from '../../kernel/wire-value.ts';

const created = new Date('2024-01-15T12:00:00Z');
const alice = { Path: '/', UserName: 'alice', UserId: 'AIDACKCEVSQ6C2EXAMPLE', Arn: 'arn:aws:iam::123456789012:user/alice', CreateDate: created };

function iamClient(service: FakeService): { client: IAMClient; calls: { operation: string; input: WireStructure }[] } {
  const calls: { operation: string; input: WireStructure }[] = [];
  const recording: FakeService = (operation, input) => {
    calls.push({ operation, input });
    return service(operation, input);
  };
  const { requestHandler } = fakeRequestHandler(queryResponder(iamModel, recording));
  return { client: new IAMClient(fakeClientConfig(requestHandler)), calls };
}

describe('IAM over awsQuery with the AWS SDK v3 client', () => {
  it('CreateUser with Tags: decodes the tag list, and the SDK parses the User back', async () => {
    const { client, calls } = iamClient((_op, input) => ({ User: { ...alice, Tags: input.Tags } }));
    const tags = [{ Key: 'team', Value: 'Ünïcode + spaces @ 東京' }, { Key: 'env', Value: '' }];
    const out = await client.send(new CreateUserCommand({ UserName: 'alice', Path: '/', Tags: tags }));
    assert.deepEqual(calls, [{ operation: 'CreateUser', input: { Path: '/', UserName: 'alice', Tags: tags } }]);
    assert.deepEqual(out.User, { ...alice, Tags: tags });
    assert.equal(out.$metadata.requestId, REQUEST_ID);
    assert.equal(out.$metadata.httpStatusCode, 200);
  });

  it('ListUsers: MaxItems arrives as an integer; IsTruncated and Marker come back', async () => {
    const { client, calls } = iamClient(() => ({ Users: [alice, { ...alice, UserName: 'bob' }], IsTruncated: true, Marker: 'next-page' }));
    const out = await client.send(new ListUsersCommand({ MaxItems: 2, Marker: 'm1', PathPrefix: '/' }));
    assert.deepEqual(calls[0]?.input, { PathPrefix: '/', Marker: 'm1', MaxItems: 2 });
    assert.deepEqual(out.Users?.map((u) => u.UserName), ['alice', 'bob']);
    assert.equal(out.IsTruncated, true);
    assert.equal(out.Marker, 'next-page');
  });

  it('ListUsers: an empty page parses as an empty list', async () => {
    const { client } = iamClient(() => ({ Users: [], IsTruncated: false }));
    const out = await client.send(new ListUsersCommand({}));
    assert.deepEqual(out.Users, []);
    assert.equal(out.IsTruncated, false);
  });

  it('GetUser: a NoSuchEntity error becomes the SDK\'s NoSuchEntityException with message and request id', async () => {
    const { client } = iamClient(() => {
      throw new AwsError('NoSuchEntity', 404, 'The user with name bob cannot be found.');
    });
    const err: unknown = await client.send(new GetUserCommand({ UserName: 'bob' })).catch((e: unknown) => e);
    assert.ok(err instanceof NoSuchEntityException);
    assert.equal(err.name, 'NoSuchEntityException');
    assert.equal(err.message, 'The user with name bob cannot be found.');
    assert.equal(err.$metadata.requestId, REQUEST_ID);
    assert.equal(err.$metadata.httpStatusCode, 404);
    assert.equal(err.$fault, 'client');
  });

  it('GetUser without a UserName (calling user) sends no members', async () => {
    const { client, calls } = iamClient(() => ({ User: alice }));
    const out = await client.send(new GetUserCommand({}));
    assert.deepEqual(calls[0], { operation: 'GetUser', input: {} });
    assert.equal(out.User?.Arn, alice.Arn);
  });

  it('escapes XML: markup, quotes, CR/LF and control characters in output text survive the SDK parser', async () => {
    const tricky = '/a<b>&amp;"c\'d\r\ne\tf\u0001/';
    const { client } = iamClient(() => ({ User: { ...alice, Path: tricky } }));
    const out = await client.send(new GetUserCommand({ UserName: 'alice' }));
    assert.equal(out.User?.Path, tricky);
  });

  it('CreateAccessKey: the AccessKey with its secret and status parses', async () => {
    const key = { UserName: 'alice', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Active', SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', CreateDate: created };
    const { client } = iamClient(() => ({ AccessKey: key }));
    const out = await client.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    assert.deepEqual(out.AccessKey, key);
  });

  it('DeleteUser: an operation without output answers only ResponseMetadata', async () => {
    const { client } = iamClient(() => undefined);
    const out = await client.send(new DeleteUserCommand({ UserName: 'alice' }));
    assert.equal(out.$metadata.requestId, REQUEST_ID);
  });

  it('GetRolePolicy: the policy document travels percent-encoded (RFC 3986) and decodes to the stored text', async () => {
    const doc = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}';
    const { client } = iamClient(() => ({ RoleName: 'r', PolicyName: 'p', PolicyDocument: doc }));
    const out = await client.send(new GetRolePolicyCommand({ RoleName: 'r', PolicyName: 'p' }));
    assert.match(out.PolicyDocument ?? '', /^%7B%22Version%22%3A%20%222012-10-17%22/);
    assert.equal(decodeURIComponent(out.PolicyDocument ?? ''), doc);
  });

  it('GetAccountSummary: the SummaryMap (a map output) parses', async () => {
    const { client } = iamClient(() => ({ SummaryMap: { Users: 3, UsersQuota: 5000 } }));
    const out = await client.send(new GetAccountSummaryCommand({}));
    assert.deepEqual(out.SummaryMap, { Users: 3, UsersQuota: 5000 });
  });

  it('CreateUser with a bad name: ValidationError, IAM style (no value shown)', async () => {
    const { client, calls } = iamClient(() => ({ User: alice }));
    const err: unknown = await client.send(new CreateUserCommand({ UserName: 'bad name!' })).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'ValidationError');
    assert.equal(err.message, "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    assert.equal((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, 400);
    assert.equal(calls.length, 0);
  });

  it('CreateUser with a long name and a long tag key: two errors, model order', async () => {
    const { client } = iamClient(() => ({ User: alice }));
    const command = new CreateUserCommand({ UserName: 'u'.repeat(65), Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] });
    const err: unknown = await client.send(command).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.equal(err.message, '2 validation errors detected: '
      + "Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64; "
      + "Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128");
  });
});
