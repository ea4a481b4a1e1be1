import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../kernel/clock.ts';
import { stringToSign } from './canonical-request.ts';
import { signRequest, type SignRequestInput } from './sign-request.ts';
import { deriveSigningKey, hmac, SigningKeyCache } from './signing-key.ts';
import { SigV4Error } from './sigv4-error.ts';
import type { SigV4Request } from './sigv4-request.ts';
import {
  lookupVectorCredentials, SIGV4_VECTORS, VECTOR_KEY, VECTOR_SESSION, VECTOR_TIME, vectorRequest, type SigV4Vector,
} from './sigv4-vectors.ts';
import { equalInConstantTime, verifySignature, type SigningCredential, type VerifyOptions } from './verify-signature.ts';

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

function vector(name: string): SigV4Vector {
  const found = SIGV4_VECTORS.find((v) => v.name.startsWith(name));
  assert.ok(found, name);
  return found;
}

function verify(request: SigV4Request, options: Partial<VerifyOptions<SigningCredential>> = {}) {
  return verifySignature(request, { lookupCredentials: lookupVectorCredentials, clock: new ManualClock(VECTOR_TIME), ...options });
}

async function rejectsWith(promise: Promise<unknown>, code: string, httpStatus: number, message: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SigV4Error, String(error));
    assert.deepEqual({ code: error.code, httpStatus: error.httpStatus, message: error.message }, { code, httpStatus, message });
    return true;
  });
}

const CREATE_USER_HASH = '0f69be1cde1a472d13a709ec9a29f23aa8daa2095b81e1ff47d03de4824dd037';
const IAM: SignRequestInput = vector('IAM CreateUser').input;
const EKS: SignRequestInput = vector('EKS DescribeCluster').input;
const signed = (overrides: Partial<SignRequestInput> = {}) => signRequest({ ...IAM, ...overrides }).request;

describe('verifySignature accepts every botocore vector', () => {
  for (const v of SIGV4_VECTORS) {
    it(v.name, async () => {
      const result = await verify(vectorRequest(v), { service: v.input.service });
      assert.equal(result.accessKeyId, v.input.credentials.accessKeyId);
      assert.deepEqual(result.scope, { date: '20240115', region: v.input.region, service: v.input.service });
      assert.equal(result.location, v.presignedQuery === undefined ? 'authorization-header' : 'presigned-url');
      assert.equal(result.sessionToken, v.input.credentials.sessionToken);
      assert.equal(result.requestTime, VECTOR_TIME);
      assert.deepEqual(result.signedHeaders, [...Object.keys(v.input.headers), ...(v.presignedQuery ? [] : ['x-amz-date'])]
        .concat(v.input.credentials.sessionToken ? ['x-amz-security-token'] : []).sort());
    });
  }
});

describe('verifySignature: request forms', () => {
  it('accepts a payload hash instead of the body', async () => {
    const { body: _body, ...request } = vectorRequest(vector('IAM CreateUser'));
    await verify({ ...request, payloadHash: '0f69be1cde1a472d13a709ec9a29f23aa8daa2095b81e1ff47d03de4824dd037' });
  });

  it('accepts the body as bytes', async () => {
    const request = vectorRequest(vector('IAM CreateUser'));
    await verify({ ...request, body: new TextEncoder().encode(String(request.body)) });
  });

  it('canonicalises header whitespace and repeated headers', async () => {
    const request = signed({ headers: { ...IAM.headers, 'x-multi': 'a,b c' } });
    const headers = { ...request.headers, 'content-type': '  application/x-www-form-urlencoded;   charset=utf-8 ', 'x-multi': ['a', ' b   c '] };
    await verify({ ...request, headers });
  });

  it('accepts the Date header when X-Amz-Date is absent (converted to basic format for the string to sign)', async () => {
    const date = 'Mon, 15 Jan 2024 12:00:00 GMT';
    const canonical = `POST\n/\n\ncontent-type:${IAM.headers['content-type']}\ndate:${date}\nhost:iam.amazonaws.com\n\ncontent-type;date;host\n${CREATE_USER_HASH}`;
    const authorization = manualAuthorization(canonical, 'content-type;date;host');
    const result = await verify({ ...vectorRequest(vector('IAM CreateUser')), headers: { ...IAM.headers, date, authorization } });
    assert.equal(result.requestTime, VECTOR_TIME);
  });

  it('accepts an unsorted Authorization field order and extra spaces', async () => {
    const request = vectorRequest(vector('EKS DescribeCluster'));
    const auth = /Credential=(\S+), SignedHeaders=(\S+), Signature=(\S+)/.exec(request.headers['authorization'] ?? '');
    assert.ok(auth);
    const authorization = `AWS4-HMAC-SHA256 Signature=${auth[3]},SignedHeaders=${auth[2]} ,  Credential=${auth[1]}`;
    await verify({ ...request, headers: { ...request.headers, authorization } });
  });

  it('accepts unsigned extra headers', async () => {
    const request = signed();
    await verify({ ...request, headers: { ...request.headers, 'user-agent': 'aws-cli/2', 'x-amzn-trace-id': 'x' } });
  });

  it('accepts a normalised path (dot segments, duplicate slashes) signed as such', async () => {
    const request = signRequest({ ...EKS, path: '/clusters/./x/../demo//' }).request;
    await verify(request);
    await verify({ ...request, path: '/clusters/demo/' });
  });

  it('accepts x-amz-content-sha256 when it is the hex SHA-256 of the body', async () => {
    const request = signed({ headers: { ...IAM.headers, 'x-amz-content-sha256': CREATE_USER_HASH } });
    await verify(request);
  });

  // UNSIGNED-PAYLOAD and the STREAMING-* forms are S3's: IAM, STS and EKS answer their signature mismatch,
  // so a captured request cannot be replayed with another body.
  for (const declared of ['UNSIGNED-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', CREATE_USER_HASH.toUpperCase(), 'x']) {
    it(`refuses x-amz-content-sha256: ${declared} for IAM, STS and EKS, even with the body it was sent with`, async () => {
      for (const [service, code] of [['iam', 'SignatureDoesNotMatch'], ['sts', 'SignatureDoesNotMatch'], ['eks', 'InvalidSignatureException']] as const) {
        const request = signed({ service, headers: { ...IAM.headers, 'x-amz-content-sha256': declared } });
        await rejectsWith(verify(request, { service }), code, 403, MISMATCH);
        await rejectsWith(verify({ ...request, body: 'Action=DeleteUser&Version=2010-05-08&UserName=alice' }, { service }), code, 403, MISMATCH);
      }
    });
  }

  it('accepts a session token that was sent but not signed (other SDKs)', async () => {
    const request = signed({ credentials: VECTOR_SESSION });
    const canonical = `POST\n/\n\n${FORM_CANONICAL_HEADERS}x-amz-date:20240115T120000Z\n\ncontent-type;host;x-amz-date\n${CREATE_USER_HASH}`;
    const authorization = manualAuthorization(canonical, 'content-type;host;x-amz-date', VECTOR_SESSION);
    await verify({ ...request, headers: { ...request.headers, authorization } }).then((r) => assert.equal(r.sessionToken, VECTOR_SESSION.sessionToken));
  });

  it('uses an injected signing-key cache', async () => {
    const cache = new SigningKeyCache(10);
    await verify(vectorRequest(vector('IAM CreateUser')), { signingKeys: cache });
    await verify(vectorRequest(vector('IAM CreateUser')), { signingKeys: cache });
    assert.equal(cache.size, 1);
  });
});

/** An Authorization header over a hand-written canonical request (IAM scope, vector time), for clients signRequest does not imitate. */
function manualAuthorization(canonical: string, signedHeaders: string, identity: { accessKeyId: string; secretAccessKey: string } = VECTOR_KEY): string {
  const key = deriveSigningKey(identity.secretAccessKey, '20240115', 'us-east-1', 'iam');
  const signature = hmac(key, stringToSign('20240115T120000Z', '20240115/us-east-1/iam/aws4_request', canonical)).toString('hex');
  return `AWS4-HMAC-SHA256 Credential=${identity.accessKeyId}/20240115/us-east-1/iam/aws4_request, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

const FORM_CANONICAL_HEADERS = 'content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n';

describe('verifySignature: tampering', () => {
  const cases: [string, (r: ReturnType<typeof signed>) => SigV4Request][] = [
    ['a signed header value', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/json' } })],
    ['the body', (r) => ({ ...r, body: 'Action=CreateUser&Version=2010-05-08&UserName=mallory' })],
    ['the payload hash', (r) => ({ ...r, body: undefined, payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })],
    ['the query (added parameter)', (r) => ({ ...r, query: 'Action=DeleteUser' })],
    ['the path', (r) => ({ ...r, path: '/x' })],
    ['the method', (r) => ({ ...r, method: 'PUT' })],
    ['the host', (r) => ({ ...r, headers: { ...r.headers, host: 'evil.example' } })],
    ['a signed header removed', (r) => { const { 'content-type': _c, ...headers } = r.headers; return { ...r, headers }; }],
    ['the signature (one hex digit)', (r) => ({ ...r, headers: { ...r.headers, authorization: String(r.headers['authorization']).replace(/.$/, (c) => (c === '0' ? '1' : '0')) } })],
    ['x-amz-content-sha256 disagreeing with the body', (r) => ({ ...r, headers: { ...r.headers, 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } })],
  ];
  for (const [what, tamper] of cases) {
    it(`rejects a changed ${what}`, async () => {
      await rejectsWith(verify(tamper(signed())), 'SignatureDoesNotMatch', 403, MISMATCH);
    });
  }

  it('rejects a tampered presigned query value', async () => {
    const request = vectorRequest(vector('presigned'));
    await rejectsWith(verify({ ...request, query: String(request.query).replace('GetCallerIdentity', 'AssumeRole') }), 'SignatureDoesNotMatch', 403, MISMATCH);
    await rejectsWith(verify({ ...request, headers: { ...request.headers, 'x-k8s-aws-id': 'other-cluster' } }), 'SignatureDoesNotMatch', 403, MISMATCH);
  });
});

describe('verifySignature: check order (parse, scope, time window, key, signature, session, key status)', () => {
  it('reports an unknown key before a bad signature', async () => {
    const request = signed({ credentials: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: 'x' } });
    await rejectsWith(verify({ ...request, body: 'tampered' }), 'InvalidClientTokenId', 403, INVALID_TOKEN);
  });

  it('reports a scope error before an expired time, and an expired time before an unknown key', async () => {
    const late = new ManualClock(VECTOR_TIME + 3_600_000);
    await rejectsWith(verify(signed({ region: 'us-west-2' }), { clock: late, region: 'us-east-1' }), 'SignatureDoesNotMatch', 403,
      "Credential should be scoped to a valid region, not 'us-west-2'. ");
    await rejectsWith(verify(signed({ credentials: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: 'x' } }), { clock: late }),
      'SignatureDoesNotMatch', 403, 'Signature expired: 20240115T120000Z is now earlier than 20240115T124500Z (20240115T130000Z - 15 min.)');
  });

  it('refuses temporary credentials signed with a token that is not theirs, of any length, or with none', async () => {
    const token = VECTOR_SESSION.sessionToken;
    const sameLength = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const sessionToken of [sameLength, `${token}x`, token.slice(1)]) {
      await rejectsWith(verify(signed({ credentials: { ...VECTOR_SESSION, sessionToken } })), 'InvalidClientTokenId', 403, INVALID_TOKEN);
    }
    await rejectsWith(verify(signed({ credentials: { accessKeyId: VECTOR_SESSION.accessKeyId, secretAccessKey: VECTOR_SESSION.secretAccessKey } })), 'InvalidClientTokenId', 403, INVALID_TOKEN);
  });

  it('reports a bad signature before a session-token problem', async () => {
    const request = signed({ credentials: { ...VECTOR_SESSION, sessionToken: 'forged' } });
    await rejectsWith(verify({ ...request, body: 'tampered' }), 'SignatureDoesNotMatch', 403, MISMATCH);
  });

  it('does not call the credential lookup for requests failing earlier checks', async () => {
    let calls = 0;
    const lookupCredentials = async () => { calls++; return undefined; };
    await assert.rejects(verify(signed({ region: 'eu-west-1' }), { lookupCredentials, region: 'us-east-1' }));
    assert.equal(calls, 0);
  });

  it('passes errors of the credential lookup through unchanged', async () => {
    const failure = new Error('store down');
    await assert.rejects(verify(signed(), { lookupCredentials: async () => { throw failure; } }), (e) => e === failure);
  });
});

describe('equalInConstantTime (signatures and session tokens)', () => {
  const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
  it('is true exactly when the two signatures are the same text', () => {
    fc.assert(fc.property(hex, hex, (a, b) => equalInConstantTime(a, b) === (a === b)));
    fc.assert(fc.property(hex, (a) => equalInConstantTime(a, Buffer.from(a, 'latin1').toString('latin1'))));
  });

  it('refuses a signature that differs in one character, in case, or in length', () => {
    const signature = 'a'.repeat(63) + 'b';
    assert.equal(equalInConstantTime(signature, 'a'.repeat(64)), false);
    assert.equal(equalInConstantTime(signature, signature.toUpperCase()), false);
    assert.equal(equalInConstantTime(signature, signature.slice(1)), false);
    assert.equal(equalInConstantTime(signature, `${signature}0`), false);
    assert.equal(equalInConstantTime(signature, ''), false);
  });
});
