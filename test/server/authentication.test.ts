// Authentication through the real pipeline: SigV4 failures get AWS's codes, and GetCallerIdentity answers
// in XML and in JSON.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { signRequest } from '../../src/sigv4/index.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT } from '../support/defaults.ts';

let f: TollgateFixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(() => f.close());

test('GetCallerIdentity for the root user', async () => {
  const identity = await f.sts().send(new GetCallerIdentityCommand({}));
  assert.equal(identity.Arn, `arn:aws:iam::${ACCOUNT}:root`);
  assert.equal(identity.UserId, ACCOUNT);
  assert.match(identity.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
});

test('GetCallerIdentity in JSON when asked (Accept: application/json)', async () => {
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const host = new URL(f.url).host;
  const signed = signRequest({
    method: 'POST', path: '/', headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' }, body,
    credentials: f.root, region: 'us-east-1', service: 'sts', time: Date.now(),
  });
  const response = await fetch(`${f.url}/`, { method: 'POST', headers: signed.request.headers, body });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /json/);
  const json = await response.json() as { GetCallerIdentityResponse: { GetCallerIdentityResult: { Arn: string } } };
  assert.equal(json.GetCallerIdentityResponse.GetCallerIdentityResult.Arn, `arn:aws:iam::${ACCOUNT}:root`);
});

test('an unknown access key, a wrong secret and an unsigned request get AWS\'s errors', async () => {
  const unknown = await rejection(f.iam({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: f.root.secretAccessKey }).send(new ListUsersCommand({})));
  assert.equal(unknown.name, 'InvalidClientTokenId');
  assert.equal(unknown.message, 'The security token included in the request is invalid.');
  assert.equal(unknown.$metadata.httpStatusCode, 403);
  const wrong = await rejection(f.sts({ accessKeyId: f.root.accessKeyId, secretAccessKey: 'x'.repeat(40) }).send(new GetCallerIdentityCommand({})));
  assert.equal(wrong.name, 'SignatureDoesNotMatch');
  assert.equal(wrong.$metadata.httpStatusCode, 403);
  const unsigned = await fetch(`${f.url}/?Action=ListUsers&Version=2010-05-08`);
  assert.equal(unsigned.status, 403);
  assert.match(await unsigned.text(), /<Code>MissingAuthenticationToken<\/Code>/);
});
