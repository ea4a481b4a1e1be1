// Every SigV4 failure with its exact code, HTTP status and message, in both protocols
// (docs/aws-behaviour/sigv4.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAwsError } from '../kernel/aws-error.ts';
import { ManualClock } from '../kernel/clock.ts';
import { signRequest, type SignRequestInput } from './sign-request.ts';
import { SigV4Error } from './sigv4-error.ts';
import type { SigV4Request } from './sigv4-request.ts';
import {
  lookupVectorCredentials, SIGV4_VECTORS, VECTOR_KEY, VECTOR_SESSION, VECTOR_TIME, vectorRequest, type SigV4Vector,
} from './sigv4-vectors.ts';
import { verifySignature, type SigningCredential, type VerifyOptions } from './verify-signature.ts';

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

const IAM: SignRequestInput = vector('IAM CreateUser').input;
const EKS: SignRequestInput = vector('EKS DescribeCluster').input;
const CREATE_USER_HASH = '0f69be1cde1a472d13a709ec9a29f23aa8daa2095b81e1ff47d03de4824dd037';
const signed = (overrides: Partial<SignRequestInput> = {}) => signRequest({ ...IAM, ...overrides }).request;

describe('verifySignature: each SigV4 failure and its error (awsQuery: IAM, STS)', () => {
  it('no Authorization header and no query auth → MissingAuthenticationToken', async () => {
    const { authorization: _a, ...headers } = signed().headers;
    await rejectsWith(verify({ ...signed(), headers }), 'MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
  });

  it('Authorization without its parameters → IncompleteSignature listing each', async () => {
    const request = { method: 'GET', path: '/', headers: { host: 'iam.amazonaws.com', authorization: 'AWS4-HMAC-SHA256' } };
    await rejectsWith(verify(request), 'IncompleteSignature', 400,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
      "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
      'Authorization=AWS4-HMAC-SHA256');
  });

  it('Authorization missing one parameter → IncompleteSignature naming it and echoing the header', async () => {
    const request = signed();
    const authorization = String(request.headers['authorization']).replace(/, Signature=\w+/, '');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }), 'IncompleteSignature', 400,
      `Authorization header requires 'Signature' parameter. Authorization=${authorization}`);
  });

  it('a field without `=` → IncompleteSignature', async () => {
    const request = signed();
    const authorization = String(request.headers['authorization']).replace('SignedHeaders', 'junk, SignedHeaders');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }), 'IncompleteSignature', 400,
      `'junk' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`);
  });

  it('Authorization fields are separated by commas and whitespace: a header doubled into one value names the second algorithm (as AWS answers it)', async () => {
    const request = signed();
    const authorization = `${String(request.headers['authorization'])},${String(request.headers['authorization'])}`;
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }), 'IncompleteSignature', 400,
      `'AWS4-HMAC-SHA256' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`);
  });

  it('several Authorization headers → IncompleteSignature, read as their comma-joined value, and never served', async () => {
    const request = signed();
    const valid = String(request.headers['authorization']);
    const other = String(signRequest({ ...IAM, time: VECTOR_TIME + 1000 }).request.headers['authorization']);
    const several = (values: string[]) => verify({ ...request, headers: { ...request.headers, authorization: values } });
    await rejectsWith(several([valid, 'garbage']), 'IncompleteSignature', 400,
      `'garbage' not a valid key=value pair (missing equal-sign) in Authorization header: '${valid},garbage'.`);
    await rejectsWith(several([valid, valid]), 'IncompleteSignature', 400,
      `'AWS4-HMAC-SHA256' not a valid key=value pair (missing equal-sign) in Authorization header: '${valid},${valid}'.`);
    await rejectsWith(several([valid, other]), 'IncompleteSignature', 400,
      `'AWS4-HMAC-SHA256' not a valid key=value pair (missing equal-sign) in Authorization header: '${valid},${other}'.`);
    // Joined, `x=y` parses as an extra field; a second header line is still never served.
    await rejectsWith(several([valid, 'x=y']), 'IncompleteSignature', 400, `Authorization header requires exactly one value. Authorization=${valid},x=y`);
    // The same, as the HTTP layer reports it: the joined value and the names of repeated headers.
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization: `${valid},x=y` }, repeatedHeaders: ['authorization'] }),
      'IncompleteSignature', 400, `Authorization header requires exactly one value. Authorization=${valid},x=y`);
    await verify({ ...request, repeatedHeaders: ['user-agent'] });
  });

  it('a repeated X-Amz-Date or X-Amz-Security-Token is read as its joined value, never as its first', async () => {
    const request = signed();
    const date = String(request.headers['x-amz-date']);
    await rejectsWith(verify({ ...request, headers: { ...request.headers, 'x-amz-date': [date, date] } }), 'IncompleteSignature', 400,
      `Date must be in ISO-8601 'basic format'. Got '${date},${date}'. See http://en.wikipedia.org/wiki/ISO_8601`);
    const session = signed({ credentials: VECTOR_SESSION });
    const token = String(session.headers['x-amz-security-token']);
    await assert.rejects(verify({ ...session, headers: { ...session.headers, 'x-amz-security-token': [token, token] } }), SigV4Error);
    await assert.rejects(verify({ ...session, headers: { ...session.headers, 'x-amz-content-sha256': [CREATE_USER_HASH, CREATE_USER_HASH] } }), SigV4Error);
  });

  it('algorithm other than AWS4-HMAC-SHA256 → IncompleteSignature', async () => {
    const request = signed();
    const authorization = String(request.headers['authorization']).replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }), 'IncompleteSignature', 400,
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'.");
  });

  it('credential without five parts → IncompleteSignature', async () => {
    const request = signed();
    const authorization = String(request.headers['authorization']).replace('/iam/aws4_request', '/iam');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }), 'IncompleteSignature', 400,
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIAIOSFODNN7EXAMPLE/20240115/us-east-1/iam'");
  });

  it('host not signed → IncompleteSignature', async () => {
    const request = signed();
    const authorization = String(request.headers['authorization']).replace('content-type;host;x-amz-date', 'content-type;x-amz-date');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }), 'IncompleteSignature', 400,
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  });

  it('X-Amz-Date not in basic format → IncompleteSignature', async () => {
    const request = signed();
    await rejectsWith(verify({ ...request, headers: { ...request.headers, 'x-amz-date': '2024-01-15T12:00:00Z' } }), 'IncompleteSignature', 400,
      "Date must be in ISO-8601 'basic format'. Got '2024-01-15T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601");
  });

  it('IAM scoped to another region than its endpoint\'s → SignatureDoesNotMatch (trailing space as observed)', async () => {
    await rejectsWith(verify(signed({ region: 'us-west-2' }), { service: 'iam', region: 'us-east-1' }), 'SignatureDoesNotMatch', 403,
      "Credential should be scoped to a valid region, not 'us-west-2'. ");
  });

  it('IAM scoped to any region is verified with that scope when the endpoint serves every region', async () => {
    const verified = await verify(signed({ region: 'us-west-2' }), { service: 'iam' });
    assert.equal(verified.scope.region, 'us-west-2');
    const request = signed({ region: 'us-west-2' });
    const authorization = String(request.headers['authorization']).replace('/us-west-2/', '/eu-west-1/');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }, { service: 'iam' }), 'SignatureDoesNotMatch', 403, MISMATCH);
  });

  it('wrong region for a regional endpoint → SignatureDoesNotMatch', async () => {
    await rejectsWith(verify(signed({ service: 'sts', region: 'eu-west-1' }), { service: 'sts', region: 'us-east-1' }),
      'SignatureDoesNotMatch', 403, "Credential should be scoped to a valid region, not 'eu-west-1'. ");
  });

  it('wrong service → SignatureDoesNotMatch', async () => {
    await rejectsWith(verify(signed({ service: 'sts' }), { service: 'iam' }), 'SignatureDoesNotMatch', 403,
      "Credential should be scoped to correct service: 'iam'. ");
  });

  it('wrong terminator → SignatureDoesNotMatch', async () => {
    const request = signed();
    const authorization = String(request.headers['authorization']).replace('aws4_request', 'aws4_reqest');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }), 'SignatureDoesNotMatch', 403,
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_reqest'. ");
  });

  it('scope date ≠ X-Amz-Date date → SignatureDoesNotMatch', async () => {
    const request = signed();
    const authorization = String(request.headers['authorization']).replace('/20240115/', '/20240114/');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }), 'SignatureDoesNotMatch', 403,
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240114' != '20240115', from '20240115T120000Z'. ");
  });

  it('several scope errors are joined', async () => {
    const request = signed({ region: 'us-west-2', service: 'sts' });
    const authorization = String(request.headers['authorization']).replace('aws4_request', 'x');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }, { service: 'iam', region: 'us-east-1' }),
      'SignatureDoesNotMatch', 403,
      "Credential should be scoped to a valid region, not 'us-west-2'. Credential should be scoped to correct service: 'iam'. " +
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'x'. ");
  });

  it('unknown access key id → InvalidClientTokenId', async () => {
    await rejectsWith(verify(signed({ credentials: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: 'x' } })),
      'InvalidClientTokenId', 403, INVALID_TOKEN);
  });

  it('wrong secret → SignatureDoesNotMatch', async () => {
    await rejectsWith(verify(signed({ credentials: { ...VECTOR_KEY, secretAccessKey: 'not-the-secret' } })),
      'SignatureDoesNotMatch', 403, MISMATCH);
  });

  it('malformed signature value → SignatureDoesNotMatch', async () => {
    const request = signed();
    const authorization = String(request.headers['authorization']).replace(/Signature=\w+/, 'Signature=XYZ');
    await rejectsWith(verify({ ...request, headers: { ...request.headers, authorization } }), 'SignatureDoesNotMatch', 403, MISMATCH);
  });

  it('expired temporary credentials → ExpiredToken', async () => {
    const request = signed({ credentials: { accessKeyId: 'ASIAEXPIREDEXAMPLE00', secretAccessKey: VECTOR_KEY.secretAccessKey, sessionToken: 'expired-token' } });
    await rejectsWith(verify(request), 'ExpiredToken', 403, 'The security token included in the request is expired');
  });

  it('temporary key without its session token → InvalidClientTokenId', async () => {
    const request = signed({ credentials: { accessKeyId: VECTOR_SESSION.accessKeyId, secretAccessKey: VECTOR_SESSION.secretAccessKey } });
    await rejectsWith(verify(request), 'InvalidClientTokenId', 403, INVALID_TOKEN);
  });

  it('temporary key with another session token → InvalidClientTokenId', async () => {
    await rejectsWith(verify(signed({ credentials: { ...VECTOR_SESSION, sessionToken: 'forged' } })), 'InvalidClientTokenId', 403, INVALID_TOKEN);
  });

  it('long-term key presenting a session token → InvalidClientTokenId', async () => {
    await rejectsWith(verify(signed({ credentials: { ...VECTOR_KEY, sessionToken: 'stale' } })), 'InvalidClientTokenId', 403, INVALID_TOKEN);
  });

  it('inactive key → InvalidClientTokenId', async () => {
    const request = signed({ credentials: { accessKeyId: 'AKIAINACTIVEEXAMPLE0', secretAccessKey: VECTOR_KEY.secretAccessKey } });
    await rejectsWith(verify(request), 'InvalidClientTokenId', 403, INVALID_TOKEN);
  });

  it('presigned URL missing parameters → IncompleteSignature listing each', async () => {
    const request = vectorRequest(vector('presigned'));
    const query = String(request.query).replace(/&X-Amz-Signature=\w+/, '').replace(/&X-Amz-Date=\w+/, '');
    await rejectsWith(verify({ ...request, query }), 'IncompleteSignature', 400,
      "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.");
  });

  it('presigned URL with another algorithm → IncompleteSignature', async () => {
    const request = vectorRequest(vector('presigned'));
    await rejectsWith(verify({ ...request, query: String(request.query).replace('X-Amz-Algorithm=AWS4-HMAC-SHA256', 'X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256') }),
      'IncompleteSignature', 400, "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'.");
  });

  for (const [expires, message] of [
    ['soon', 'X-Amz-Expires should be a number'],
    ['-1', 'X-Amz-Expires must be non-negative'],
    ['604801', 'X-Amz-Expires must be less than a week (in seconds) that is 604800'],
  ] as const) {
    it(`presigned X-Amz-Expires=${expires} → IncompleteSignature`, async () => {
      const request = vectorRequest(vector('presigned'));
      await rejectsWith(verify({ ...request, query: String(request.query).replace('X-Amz-Expires=60', `X-Amz-Expires=${expires}`) }), 'IncompleteSignature', 400, message);
    });
  }

  it('presigned URL: a signed header that is missing → SignatureDoesNotMatch', async () => {
    const request = vectorRequest(vector('presigned'));
    await rejectsWith(verify({ ...request, headers: { host: 'sts.us-east-1.amazonaws.com' } }), 'SignatureDoesNotMatch', 403, MISMATCH);
  });

  it('both Authorization header and query auth → SignatureDoesNotMatch', async () => {
    const presigned = vectorRequest(vector('presigned'));
    const request = { ...presigned, headers: { ...presigned.headers, authorization: String(signed().headers['authorization']) } };
    await rejectsWith(verify(request), 'SignatureDoesNotMatch', 403, MISMATCH);
  });
});

describe('verifySignature: errors for EKS (restJson1)', () => {
  const eks = () => signRequest(EKS).request;
  it('renders each failure in EKS vocabulary', async () => {
    const { authorization: _a, ...noAuth } = eks().headers;
    await rejectsWith(verify({ ...eks(), headers: noAuth }, { service: 'eks' }), 'MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
    await rejectsWith(verify({ ...eks(), headers: { ...eks().headers, authorization: 'AWS4-HMAC-SHA256' } }, { service: 'eks' }),
      'IncompleteSignatureException', 400,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256");
    await rejectsWith(verify(signRequest({ ...EKS, region: 'eu-west-1' }).request, { service: 'eks', region: 'us-west-2' }),
      'InvalidSignatureException', 403, "Credential should be scoped to a valid region, not 'eu-west-1'. ");
    await rejectsWith(verify(signRequest({ ...EKS, credentials: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: 'x' } }).request),
      'UnrecognizedClientException', 403, INVALID_TOKEN);
    await rejectsWith(verify({ ...eks(), path: '/clusters/other' }), 'InvalidSignatureException', 403, MISMATCH);
    await rejectsWith(verify(eks(), { clock: new ManualClock(VECTOR_TIME + 16 * 60_000) }), 'InvalidSignatureException', 403,
      'Signature expired: 20240115T120000Z is now earlier than 20240115T120100Z (20240115T121600Z - 15 min.)');
    await rejectsWith(
      verify(signRequest({ ...EKS, credentials: { accessKeyId: 'ASIAEXPIREDEXAMPLE00', secretAccessKey: VECTOR_KEY.secretAccessKey, sessionToken: 'expired-token' } }).request),
      'ExpiredTokenException', 403, 'The security token included in the request is expired');
  });

  it('takes the protocol from the credential scope when no service is configured, and an explicit protocol wins', async () => {
    const tampered = { ...eks(), path: '/clusters/other' };
    await rejectsWith(verify(tampered), 'InvalidSignatureException', 403, MISMATCH);
    await rejectsWith(verify(tampered, { protocol: 'awsQuery' }), 'SignatureDoesNotMatch', 403, MISMATCH);
  });

  it('exposes the failure kind and re-renders it for another protocol', async () => {
    const error = await verify({ ...eks(), path: '/x' }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof SigV4Error && isAwsError(error));
    assert.equal(error.failure, 'SignatureDoesNotMatch');
    assert.equal(error.as('awsQuery').code, 'SignatureDoesNotMatch');
    assert.equal(error.fault, 'Sender');
    const missing = new SigV4Error('MissingAuthenticationToken', 'awsQuery', 'Request is missing Authentication Token');
    assert.equal(missing.as('restJson1').message, 'Missing Authentication Token');
  });
});

