import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signRequest } from './sign-request.ts';
import { SIGV4_VECTORS, VECTOR_KEY, VECTOR_TIME } from './sigv4-vectors.ts';

describe('signRequest reproduces the botocore vectors', () => {
  for (const vector of SIGV4_VECTORS) {
    it(vector.name, () => {
      const signed = signRequest(vector.input);
      assert.equal(signed.canonicalRequest, vector.canonicalRequest);
      assert.equal(signed.stringToSign, vector.stringToSign);
      assert.equal(signed.signature, vector.signature);
      if (vector.authorization !== undefined) {
        assert.equal(signed.authorization, vector.authorization);
        assert.equal(signed.request.headers['authorization'], vector.authorization);
      }
      if (vector.presignedQuery !== undefined) {
        assert.equal(signed.request.query, vector.presignedQuery);
        assert.equal(signed.authorization, undefined);
      }
    });
  }
});

describe('signRequest', () => {
  it('adds the session token to the signed headers in header mode', () => {
    const signed = signRequest({
      method: 'GET', path: '/', headers: { host: 'h' }, region: 'us-east-1', service: 'sts', time: VECTOR_TIME,
      credentials: { ...VECTOR_KEY, sessionToken: 'tok' },
    });
    assert.equal(signed.request.headers['x-amz-security-token'], 'tok');
    assert.match(signed.authorization ?? '', /SignedHeaders=host;x-amz-date;x-amz-security-token,/);
  });

  it('puts the session token in the presigned query', () => {
    const signed = signRequest({
      method: 'GET', path: '/', headers: { host: 'h' }, region: 'us-east-1', service: 'sts', time: VECTOR_TIME,
      credentials: { ...VECTOR_KEY, sessionToken: 'a/b+c=' }, presign: { expiresIn: 900 },
    });
    assert.match(signed.request.query, /&X-Amz-Security-Token=a%2Fb%2Bc%3D&/);
    assert.equal(signed.request.headers['x-amz-date'], undefined);
  });

  it('lower-cases header names and refuses a request without host', () => {
    const signed = signRequest({
      method: 'GET', path: '/', headers: { Host: 'h', 'X-Custom': 'v' }, region: 'r', service: 's', time: VECTOR_TIME, credentials: VECTOR_KEY,
    });
    assert.match(signed.authorization ?? '', /SignedHeaders=host;x-amz-date;x-custom,/);
    assert.throws(() => signRequest({ method: 'GET', path: '/', headers: {}, region: 'r', service: 's', time: 0, credentials: VECTOR_KEY }));
  });

  it('encodes decoded query pairs', () => {
    const signed = signRequest({
      method: 'GET', path: '/', query: [['b', 'x y'], ['a', '1/2']], headers: { host: 'h' }, region: 'r', service: 's', time: VECTOR_TIME, credentials: VECTOR_KEY,
    });
    assert.equal(signed.request.query, 'b=x%20y&a=1%2F2');
    assert.equal(signed.canonicalRequest.split('\n')[2], 'a=1%2F2&b=x%20y');
  });
});
