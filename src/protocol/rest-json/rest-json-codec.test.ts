// restJson1 decoding and encoding; the bytes written are pinned by golden files (src/protocol/golden/rest-json-*).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../kernel/aws-error.ts';
import type { ProtocolRequest } from '../http-message.ts';
import { eksModel } from '../models/index.ts';
import { parseServiceModel } from '../service-model.ts';
import { decodeRestJsonCall, unknownOperation } from './rest-json-decoder.ts';
import { encodeRestJsonError, encodeRestJsonOutput } from './rest-json-encoder.ts';
import { RouteTable } from './route-table.ts';
import { assertGolden } from '../../../test/support/golden.ts';

const RID = '1f4c0000-0000-4000-8000-000000000000';
const routes = new RouteTable(eksModel);
const request = (method: string, path: string, body = '', query = '', headers: Record<string, string> = {}): ProtocolRequest => ({ method, path, query, headers, body });
const decode = (req: ProtocolRequest) => decodeRestJsonCall(eksModel, routes, req);
const failure = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e instanceof AwsError ? [e.code, e.httpStatus, e.message] : e;
  }
  return undefined;
};

describe('restJson1 decoding (EKS)', () => {
  it('reads a CreateCluster request', () => {
    const body = '{"name": "demo", "roleArn": "arn:aws:iam::123456789012:role/eks-cluster-role", "resourcesVpcConfig": {"subnetIds": ["subnet-1", "subnet-2"]}, "clientRequestToken": "eb9687a7-640e-480a-8eff-3663831a1d53", "unknown": 1}';
    assert.deepEqual(decode(request('POST', '/clusters', body)), {
      operation: 'CreateCluster',
      input: { name: 'demo', roleArn: 'arn:aws:iam::123456789012:role/eks-cluster-role', resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] }, clientRequestToken: 'eb9687a7-640e-480a-8eff-3663831a1d53' },
    });
  });

  it('binds URI labels by locationName, and querystring lists and integers', () => {
    assert.deepEqual(decode(request('GET', '/clusters/c1/node-groups', '', 'maxResults=10&nextToken=t')).input, { clusterName: 'c1', maxResults: 10, nextToken: 't' });
    assert.deepEqual(decode(request('DELETE', '/tags/arn%3Ax', '', 'tagKeys=a&tagKeys=b%20c')).input, { resourceArn: 'arn:x', tagKeys: ['a', 'b c'] });
  });

  it('treats JSON null as absent', () => {
    assert.deepEqual(decode(request('POST', '/clusters', '{"name":"demo","version":null}')).input, { name: 'demo' });
  });

  it('answers SerializationException for bad JSON and values of the wrong type', () => {
    assert.deepEqual(failure(() => decode(request('POST', '/clusters', '{"name":'))), ['SerializationException', 400, 'The request body is not valid JSON']);
    assert.deepEqual(failure(() => decode(request('POST', '/clusters', '[]'))), ['SerializationException', 400, 'Unexpected value at `$`: expected an object']);
    assert.deepEqual(failure(() => decode(request('POST', '/clusters', '{"name":5}'))), ['SerializationException', 400, 'Unexpected value at `name`: expected a string']);
    assert.deepEqual(failure(() => decode(request('POST', '/clusters', '{"resourcesVpcConfig":{"subnetIds":"subnet-1"}}'))),
      ['SerializationException', 400, 'Unexpected value at `resourcesVpcConfig.subnetIds`: expected a list']);
    assert.deepEqual(failure(() => decode(request('GET', '/clusters', '', 'maxResults=many'))), ['SerializationException', 400, 'Unexpected value at `maxResults`: expected an integer']);
  });

  it('answers 404 UnknownOperationException when no route matches', () => {
    assert.deepEqual(failure(() => decode(request('GET', '/nothing-here'))), ['UnknownOperationException', 404, 'No operation matches GET /nothing-here']);
    const res = encodeRestJsonError(eksModel, unknownOperation('PATCH', '/clusters'), RID);
    assert.equal(res.status, 404);
    assert.equal(res.headers['x-amzn-errortype'], 'UnknownOperationException');
  });
});

describe('restJson1 encoding (EKS)', () => {
  it('writes outputs as JSON with epoch-second timestamps and status 200', () => {
    const res = encodeRestJsonOutput(eksModel, 'DescribeCluster', { cluster: { name: 'demo', createdAt: new Date(1705320000250), tags: {}, status: 'ACTIVE', version: undefined } }, RID);
    assert.equal(res.status, 200);
    assert.deepEqual(res.headers, { 'content-type': 'application/json', 'x-amzn-requestid': RID });
    assertGolden('rest-json-eks-describe-cluster.json', res.body);
    assertGolden('rest-json-eks-tag-resource.json', encodeRestJsonOutput(eksModel, 'TagResource', undefined, RID).body);
  });

  it('writes errors with x-amzn-ErrorType, every modeled member (null when unused) and the message last', () => {
    const error = new AwsError('ResourceNotFoundException', 404, 'No cluster found for name: demo.', { fields: { clusterName: 'demo' } });
    const res = encodeRestJsonError(eksModel, error, RID);
    assert.equal(res.status, 404);
    assert.deepEqual(res.headers, { 'content-type': 'application/json', 'x-amzn-requestid': RID, 'x-amzn-errortype': 'ResourceNotFoundException' });
    assertGolden('rest-json-eks-error-resource-not-found.json', res.body);
  });

  it('writes unmodeled errors and AccessDeniedException as just a message', () => {
    const denied = encodeRestJsonError(eksModel, new AwsError('AccessDeniedException', 403, 'User: arn:aws:iam::1:user/u is not authorized to perform: eks:DescribeCluster'), RID);
    assert.equal(denied.status, 403);
    assertGolden('rest-json-eks-error-access-denied.json', denied.body);
  });

  it('honours header, headers-prefix and status-code bindings and responseCode', () => {
    const model = parseServiceModel({
      metadata: { service: 'demo', protocol: 'rest-json', apiVersion: '1', validation: { code: 'X', httpStatus: 400, showValues: true, listEnumValues: true }, source: 'test' },
      operations: { Put: { input: 'In', output: 'Out', http: { method: 'PUT', requestUri: '/things/{id}', responseCode: 201 } } },
      shapes: {
        In: { type: 'structure', members: { id: { shape: 'integer', location: 'uri' }, since: { shape: 'timestamp', location: 'header', locationName: 'X-Since' }, meta: { shape: 'meta', location: 'headers', locationName: 'x-meta-' }, note: 'string' } },
        Out: { type: 'structure', members: { etag: { shape: 'string', location: 'header', locationName: 'ETag' }, meta: { shape: 'meta', location: 'headers', locationName: 'x-meta-' }, note: 'string' } },
        meta: { type: 'map', key: 'string', value: 'string' }, string: { type: 'string' }, integer: { type: 'integer' }, timestamp: { type: 'timestamp' },
      },
      errors: {},
    });
    const call = decodeRestJsonCall(model, new RouteTable(model), request('PUT', '/things/7', '{"note":"n"}', '', { 'x-since': 'Mon, 15 Jan 2024 12:00:00 GMT', 'x-meta-color': 'red' }));
    assert.deepEqual(call.input, { note: 'n', id: 7, since: new Date('2024-01-15T12:00:00Z'), meta: { color: 'red' } });
    const res = encodeRestJsonOutput(model, 'Put', { etag: '"abc"', meta: { color: 'red' }, note: 'n' }, RID);
    assert.equal(res.status, 201);
    assert.equal(res.headers.etag, '"abc"');
    assert.equal(res.headers['x-meta-color'], 'red');
    assertGolden('rest-json-demo-put.json', res.body);
  });
});

describe('restJson1 decoding of hostile keys', () => {
  it('keeps `__proto__` map keys as plain keys', () => {
    const { input } = decode(request('POST', '/clusters', '{"name":"demo","tags":{"__proto__":"x","a":"b"}}'));
    const tags = input.tags as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(tags), Object.prototype);
    assert.deepEqual(Object.keys(tags), ['__proto__', 'a']);
  });
});
