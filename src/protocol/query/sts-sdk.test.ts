// The real @aws-sdk/client-sts against our awsQuery codec, plus the JSON form aws-iam-authenticator asks for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AssumeRoleCommand, GetCallerIdentityCommand, MalformedPolicyDocumentException, STSClient } from '@aws-sdk/client-sts';
import { AwsError } from '../../kernel/aws-error.ts';
import { stsModel } from '../models/index.ts';
import { fakeClientConfig, fakeRequestHandler, queryResponder, REQUEST_ID, type FakeService } from '../sdk-harness.ts';
import type { WireStructure } from '../../kernel/wire-value.ts';

const identity = { UserId: 'AROA3XFRBF535PLBIFPI4:my-session', Account: '123456789012', Arn: 'arn:aws:sts::123456789012:assumed-role/my-role/my-session' };

function stsClient(service: FakeService): { client: STSClient; inputs: WireStructure[] } {
  const inputs: WireStructure[] = [];
  const { requestHandler } = fakeRequestHandler(queryResponder(stsModel, (op, input) => {
    inputs.push(input);
    return service(op, input);
  }));
  return { client: new STSClient(fakeClientConfig(requestHandler)), inputs };
}

describe('STS over awsQuery with the AWS SDK v3 client', () => {
  it('AssumeRole: PolicyArns, Tags, TransitiveTagKeys and DurationSeconds decode; credentials parse', async () => {
    const expiration = new Date('2024-01-15T13:00:00Z');
    const { client, inputs } = stsClient(() => ({
      Credentials: { AccessKeyId: 'ASIAIOSFODNN7EXAMPLE', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: expiration },
      AssumedRoleUser: { AssumedRoleId: 'AROA3XFRBF535PLBIFPI4:s1', Arn: 'arn:aws:sts::123456789012:assumed-role/r/s1' },
      PackedPolicySize: 6,
      SourceIdentity: 'alice',
    }));
    const out = await client.send(new AssumeRoleCommand({
      RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's1', DurationSeconds: 900,
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, { arn: 'arn:aws:iam::123456789012:policy/p' }],
      Tags: [{ Key: 'Project', Value: 'blue' }], TransitiveTagKeys: ['Project'], SourceIdentity: 'alice',
    }));
    assert.deepEqual(inputs[0], {
      RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's1',
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, { arn: 'arn:aws:iam::123456789012:policy/p' }],
      DurationSeconds: 900, Tags: [{ Key: 'Project', Value: 'blue' }], TransitiveTagKeys: ['Project'], SourceIdentity: 'alice',
    });
    assert.deepEqual(out.Credentials?.Expiration, expiration);
    assert.equal(out.Credentials?.SessionToken, 'token');
    assert.equal(out.AssumedRoleUser?.Arn, 'arn:aws:sts::123456789012:assumed-role/r/s1');
    assert.equal(out.PackedPolicySize, 6);
    assert.equal(out.$metadata.requestId, REQUEST_ID);
  });

  it('GetCallerIdentity parses', async () => {
    const { client } = stsClient(() => identity);
    const out = await client.send(new GetCallerIdentityCommand({}));
    assert.deepEqual({ UserId: out.UserId, Account: out.Account, Arn: out.Arn }, identity);
  });

  it('AssumeRole with a bad session name: ValidationError, STS style (value shown)', async () => {
    const { client } = stsClient(() => ({}));
    const err: unknown = await client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'Session1:2' })).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'ValidationError');
    assert.equal(err.message, "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
  });

  it('AssumeRole with a 65-character session name and 100 s duration: two errors in model order', async () => {
    const { client } = stsClient(() => ({}));
    const name = 's'.repeat(65);
    const err: unknown = await client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: name, DurationSeconds: 100 })).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.equal(err.message, `2 validation errors detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64; `
      + "Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
  });

  it('a modeled error code (MalformedPolicyDocument) maps to the SDK exception class', async () => {
    const { client } = stsClient(() => {
      throw new AwsError('MalformedPolicyDocument', 400, 'Syntax errors in policy.');
    });
    const err: unknown = await client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'ss', Policy: '{' })).catch((e: unknown) => e);
    assert.ok(err instanceof MalformedPolicyDocumentException);
    assert.equal(err.message, 'Syntax errors in policy.');
    assert.equal(err.$metadata.requestId, REQUEST_ID);
  });

  it('AccessDenied (403, unmodeled) keeps its code as the error name', async () => {
    const message = 'User: arn:aws:iam::123456789012:user/u is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/r';
    const { client } = stsClient(() => {
      throw new AwsError('AccessDenied', 403, message);
    });
    const err: unknown = await client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'ss' })).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'AccessDenied');
    assert.equal(err.message, message);
    assert.equal((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, 403);
  });
});

describe('STS JSON form (Accept: application/json, as aws-iam-authenticator asks)', () => {
  const respond = queryResponder(stsModel, () => identity);
  const presigned = (extra: string): Parameters<typeof respond>[0] => ({
    method: 'GET', path: '/', query: `Action=GetCallerIdentity&Version=2011-06-15${extra}`, body: '',
    headers: { accept: 'application/json', 'x-k8s-aws-id': 'demo' },
  });

  it('GetCallerIdentity answers the nested JSON aws-iam-authenticator reads', () => {
    const res = respond(presigned('&X-Amz-Algorithm=AWS4-HMAC-SHA256'));
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(res.body), {
      GetCallerIdentityResponse: { GetCallerIdentityResult: identity, ResponseMetadata: { RequestId: REQUEST_ID } },
    });
  });

  it('errors come back as JSON too', () => {
    const res = respond({ ...presigned(''), query: 'Action=GetCallerIdentity' });
    assert.equal(res.status, 400);
    assert.deepEqual(JSON.parse(res.body), {
      Error: { Code: 'InvalidAction', Message: 'Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED', Type: 'Sender' },
      RequestId: REQUEST_ID,
    });
  });
});
