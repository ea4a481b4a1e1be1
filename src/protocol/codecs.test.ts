// The codec objects the pipeline uses: chosen by the model's protocol, each reading a request the way its
// protocol carries the call, and writing outputs and errors in its own form.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../kernel/aws-error.ts';
import type { CodecRequest } from './codec.ts';
import { codecFor } from './codecs.ts';
import { eksModel, iamModel, stsModel } from './models/index.ts';
import { awsQuery } from './query/aws-query-codec.ts';
import { restJson1 } from './rest-json/rest-json1-codec.ts';

function request(method: string, path: string, options: { query?: string; body?: string; headers?: Record<string, string> } = {}): CodecRequest {
  return { method, path, query: options.query ?? '', headers: options.headers ?? {}, body: Buffer.from(options.body ?? '') };
}

describe('codecs', () => {
  it('each codec is named by the protocol models give in metadata.protocol', () => {
    assert.equal(awsQuery.protocol, 'query');
    assert.equal(restJson1.protocol, 'rest-json');
    assert.equal(iamModel.metadata.protocol, 'query');
    assert.equal(eksModel.metadata.protocol, 'rest-json');
  });

  it('gives the codes each protocol\'s services use for what the server answers itself', () => {
    assert.deepEqual(codecFor(iamModel).errorCodes, { notImplemented: 'NotImplemented', accessDenied: 'AccessDenied' });
    assert.deepEqual(codecFor(stsModel).errorCodes, { notImplemented: 'NotImplemented', accessDenied: 'AccessDenied' });
    assert.deepEqual(codecFor(eksModel).errorCodes, { notImplemented: 'NotImplementedException', accessDenied: 'AccessDeniedException' });
  });

  it('awsQuery reads a POST body and the query string, and a GET\'s query string alone', () => {
    const sts = codecFor(stsModel);
    assert.deepEqual(sts.decode(request('POST', '/', { body: 'Action=GetCallerIdentity&Version=2011-06-15' })), { operation: 'GetCallerIdentity', input: {} });
    assert.deepEqual(sts.decode(request('GET', '/', { query: 'Action=GetCallerIdentity&Version=2011-06-15' })), { operation: 'GetCallerIdentity', input: {} });
    assert.throws(() => sts.decode(request('GET', '/', { body: 'Action=GetCallerIdentity&Version=2011-06-15' })), (e: unknown) => e instanceof AwsError && e.code === 'MissingAction');
  });

  it('awsQuery answers XML, or JSON to a client that accepts only JSON, outputs and errors alike', () => {
    const sts = codecFor(stsModel);
    const output = { UserId: 'AIDA', Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/a' };
    assert.equal(sts.encodeOutput('GetCallerIdentity', output, 'r-1', request('POST', '/')).headers['content-type'], 'text/xml');
    const json = sts.encodeOutput('GetCallerIdentity', output, 'r-1', request('POST', '/', { headers: { accept: 'application/json' } }));
    assert.deepEqual(JSON.parse(json.body), { GetCallerIdentityResponse: { GetCallerIdentityResult: output, ResponseMetadata: { RequestId: 'r-1' } } });
    const error = new AwsError('AccessDenied', 403, 'no');
    assert.match(sts.encodeError(error, 'r-2', request('POST', '/')).body, /^<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>AccessDenied<\/Code>/);
    assert.deepEqual(JSON.parse(sts.encodeError(error, 'r-2', request('POST', '/', { headers: { accept: 'application/json' } })).body), { Error: { Code: 'AccessDenied', Message: 'no', Type: 'Sender' }, RequestId: 'r-2' });
  });

  it('restJson1 routes by method and path, and writes errors with x-amzn-ErrorType and the error\'s modeled fields', () => {
    const eks = codecFor(eksModel);
    assert.deepEqual(eks.decode(request('GET', '/clusters/demo')), { operation: 'DescribeCluster', input: { name: 'demo' } });
    assert.throws(() => eks.decode(request('GET', '/nowhere')), (e: unknown) => e instanceof AwsError && e.code === 'UnknownOperationException');
    const response = eks.encodeError(new AwsError('ResourceNotFoundException', 404, 'No cluster found for name: demo.', { fields: { clusterName: 'demo' } }), 'r-3', request('GET', '/clusters/demo'));
    assert.equal(response.status, 404);
    assert.equal(response.headers['x-amzn-errortype'], 'ResourceNotFoundException');
    const { clusterName, message, ...unused } = JSON.parse(response.body) as Record<string, unknown>;
    assert.deepEqual({ clusterName, message }, { clusterName: 'demo', message: 'No cluster found for name: demo.' });
    assert.ok(Object.keys(unused).length > 0 && Object.values(unused).every((v) => v === null), 'the other modeled members are null');
  });
});
