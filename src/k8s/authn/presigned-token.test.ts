import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signRequest } from '../../sigv4/index.ts';
import { parsePresignedToken, stsHosts, TOKEN_LIFETIME_MS, TokenRefused } from './presigned-token.ts';
import { stsIdentity } from './sts-identity.ts';

const KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const SIGNED_AT = Date.UTC(2026, 11, 4, 9, 15, 2);
const own = stsHosts(4566);

function url(query = 'Action=GetCallerIdentity&Version=2011-06-15', host = '127.0.0.1:4566', scheme = 'http', headers: Record<string, string> = { 'x-k8s-aws-id': 'demo' }): string {
  const { request } = signRequest({ method: 'GET', path: '/', query, headers: { host, ...headers }, credentials: KEY, region: 'us-east-1', service: 'sts', time: SIGNED_AT, presign: { expiresIn: 60 } });
  return `${scheme}://${host}/?${request.query}`;
}

const token = (text: string) => `k8s-aws-v1.${Buffer.from(text).toString('base64url')}`;
const refusal = (t: string, now = SIGNED_AT, check = own) => {
  try {
    parsePresignedToken(t, now, check);
  } catch (error) {
    assert.ok(error instanceof TokenRefused);
    return error.message;
  }
  return 'accepted';
};

describe('presigned tokens (aws-iam-authenticator checks)', () => {
  it('accepts a token of Tollgate\'s STS and reads the key, date and the expiry 15 minutes after X-Amz-Date', () => {
    const parsed = parsePresignedToken(token(url()), SIGNED_AT + 60_000, own);
    assert.equal(parsed.host, '127.0.0.1:4566');
    assert.equal(parsed.accessKeyId, KEY.accessKeyId);
    assert.equal(parsed.signedAt, SIGNED_AT);
    assert.equal(parsed.expiresAt, SIGNED_AT + TOKEN_LIFETIME_MS);
    assert.ok(parsed.rawQuery.startsWith('Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256'));
  });

  it('ignores X-Amz-Expires for expiry: good to the second 15 minutes after X-Amz-Date, refused after', () => {
    assert.equal(refusal(token(url()), SIGNED_AT + 15 * 60_000), 'accepted');
    assert.match(refusal(token(url()), SIGNED_AT + 15 * 60_000 + 1), /^X-Amz-Date parameter is expired \(15 minute expiration\)/);
  });

  it('refuses what the authenticator refuses, with its reasons', () => {
    assert.equal(refusal('x'.repeat(4097)), 'token is too large');
    assert.equal(refusal(url()), 'token is missing expected "k8s-aws-v1." prefix');
    assert.equal(refusal('k8s-aws-v1.***'), 'illegal base64 data in token');
    assert.equal(refusal(token(url().replace('http://', 'ftp://'))), 'unexpected scheme "ftp" in pre-signed URL');
    assert.equal(refusal(token(url(undefined, 'evil.example.com:4566'.replace(':4566', ':8080')))), 'unexpected hostname "evil.example.com:8080" in pre-signed URL');
    assert.equal(refusal(token(url().replace('/?', '/sts?'))), 'unexpected path in pre-signed URL');
    assert.equal(refusal(token(`${url()}&Other=1`)), 'non-whitelisted query parameter "Other"');
    assert.equal(refusal(token(`${url()}&action=GetCallerIdentity`)), 'duplicate query parameter found: "action"');
    assert.equal(refusal(token(url('Action=GetSessionToken&Version=2011-06-15'))), 'unexpected action parameter in pre-signed URL');
    assert.equal(refusal(token(url(undefined, undefined, undefined, {}))), 'client did not sign the x-k8s-aws-id header in the pre-signed URL');
    assert.equal(refusal(token(url().replace('X-Amz-Expires=60', 'X-Amz-Expires=901'))), 'invalid X-Amz-Expires parameter in pre-signed URL: 901');
  });

  it('accepts AWS STS hostnames over https only', () => {
    for (const host of ['sts.amazonaws.com', 'sts.us-west-2.amazonaws.com', 'sts-fips.us-east-1.amazonaws.com', 'sts.eu-west-1.api.aws']) {
      assert.equal(refusal(token(url(undefined, host, 'https'))), 'accepted', host);
    }
    assert.equal(refusal(token(url(undefined, 'sts.amazonaws.com', 'http'))), 'unexpected hostname "sts.amazonaws.com" in pre-signed URL');
    assert.equal(refusal(token(url(undefined, 'sts.amazonaws.com.evil.com', 'https'))), 'unexpected hostname "sts.amazonaws.com.evil.com" in pre-signed URL');
  });
});

describe('the identity of a GetCallerIdentity answer', () => {
  it('canonicalizes an assumed role to its role ARN and splits the session from UserId', () => {
    assert.deepEqual(stsIdentity({ Arn: 'arn:aws:sts::111122223333:assumed-role/dev/alice@example.com', Account: '111122223333', UserId: 'AROAEXAMPLE123456789:alice@example.com' }, 'ASIAX'), {
      arn: 'arn:aws:sts::111122223333:assumed-role/dev/alice@example.com', canonicalArn: 'arn:aws:iam::111122223333:role/dev', accountId: '111122223333',
      userId: 'AROAEXAMPLE123456789', sessionName: 'alice@example.com', accessKeyId: 'ASIAX', principalType: 'assumed-role',
    });
  });

  it('keeps users (with their path), root and federated users, and refuses what it cannot read', () => {
    const user = stsIdentity({ Arn: 'arn:aws:iam::111122223333:user/ops/bob', Account: '111122223333', UserId: 'AIDAEXAMPLE123456789' }, 'AKIAX');
    assert.deepEqual([user.canonicalArn, user.userId, user.sessionName, user.principalType], ['arn:aws:iam::111122223333:user/ops/bob', 'AIDAEXAMPLE123456789', '', 'user']);
    assert.equal(stsIdentity({ Arn: 'arn:aws:iam::111122223333:root', Account: '111122223333', UserId: '111122223333' }, 'AKIAX').principalType, 'root');
    const federated = stsIdentity({ Arn: 'arn:aws:sts::111122223333:federated-user/carol', Account: '111122223333', UserId: '111122223333:carol' }, 'ASIAX');
    assert.deepEqual([federated.canonicalArn, federated.userId], ['arn:aws:sts::111122223333:federated-user/carol', '111122223333:carol']);
    assert.throws(() => stsIdentity({ Arn: 'arn:aws:sts::111122223333:assumed-role/dev/s', Account: '111122223333', UserId: 'AROA' }, 'ASIAX'), /malformed UserID "AROA"/);
    assert.throws(() => stsIdentity({ Arn: 'arn:aws:s3:::bucket', Account: '111122223333', UserId: 'x' }, 'ASIAX'), /is invalid/);
  });
});
