// Pins the exact bytes the hot-path encoders write for realistic outputs (hot-path-fixtures.ts), kept in
// golden files (src/protocol/golden/hot-path-*). They were first written by the encoders before these were
// compiled per shape, so any optimisation that changes a byte (key order, number or timestamp form, JSON or
// XML escaping) fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeClusterOutput, describeClusterRequest, getCallerIdentityOutput, getUserOutput, GET_USER_BODY, HOT_REQUEST_ID } from './hot-path-fixtures.ts';
import { eksModel, iamModel, stsModel } from './models/index.ts';
import { decodeQueryCall, queryParameters } from './query/query-decoder.ts';
import { encodeQueryOutput } from './query/query-encoder.ts';
import { decodeRestJsonCall } from './rest-json/rest-json-decoder.ts';
import { encodeRestJsonOutput } from './rest-json/rest-json-encoder.ts';
import { RouteTable } from './rest-json/route-table.ts';
import { validateInput } from './validation/input-validator.ts';
import { assertGolden } from '../../test/support/golden.ts';

const JSON_HEADERS = { 'content-type': 'application/json', 'x-amzn-requestid': HOT_REQUEST_ID };
const XML_HEADERS = { 'content-type': 'text/xml', 'x-amzn-requestid': HOT_REQUEST_ID };

describe('hot-path encoders write the pinned bytes', () => {
  it('eks:DescribeCluster (restJson1)', () => {
    const { body, ...rest } = encodeRestJsonOutput(eksModel, 'DescribeCluster', describeClusterOutput(), HOT_REQUEST_ID);
    assert.deepEqual(rest, { status: 200, headers: JSON_HEADERS });
    assertGolden('hot-path-eks-describe-cluster.json', body);
  });

  it('iam:GetUser (awsQuery XML and JSON)', () => {
    const { body: xml, ...xmlRest } = encodeQueryOutput(iamModel, 'GetUser', getUserOutput(), HOT_REQUEST_ID);
    assert.deepEqual(xmlRest, { status: 200, headers: XML_HEADERS });
    assertGolden('hot-path-iam-get-user.xml', xml);
    const { body: json, ...jsonRest } = encodeQueryOutput(iamModel, 'GetUser', getUserOutput(), HOT_REQUEST_ID, 'json');
    assert.deepEqual(jsonRest, { status: 200, headers: JSON_HEADERS });
    assertGolden('hot-path-iam-get-user.json', json);
  });

  it('sts:GetCallerIdentity (awsQuery XML and JSON)', () => {
    const identity = getCallerIdentityOutput();
    const { body: xml, ...xmlRest } = encodeQueryOutput(stsModel, 'GetCallerIdentity', identity, HOT_REQUEST_ID);
    assert.deepEqual(xmlRest, { status: 200, headers: XML_HEADERS });
    assertGolden('hot-path-sts-get-caller-identity.xml', xml);
    const { body: json, ...jsonRest } = encodeQueryOutput(stsModel, 'GetCallerIdentity', identity, HOT_REQUEST_ID, 'json');
    assert.deepEqual(jsonRest, { status: 200, headers: JSON_HEADERS });
    assertGolden('hot-path-sts-get-caller-identity.json', json);
  });

  it('encodes the same value twice to the same bytes (compiled encoders keep no per-call state)', () => {
    const output = describeClusterOutput();
    const first = encodeRestJsonOutput(eksModel, 'DescribeCluster', output, HOT_REQUEST_ID).body;
    assert.equal(encodeRestJsonOutput(eksModel, 'DescribeCluster', output, HOT_REQUEST_ID).body, first);
  });
});

describe('hot-path decoders read the fixtures requests', () => {
  it('iam:GetUser form body decodes and validates', () => {
    const call = decodeQueryCall(iamModel, queryParameters(GET_USER_BODY, ''));
    assert.deepEqual(call, { operation: 'GetUser', input: { UserName: 'bench' } });
    assert.deepEqual(validateInput(iamModel, call.operation, call.input), []);
  });

  it('eks:DescribeCluster route decodes and validates', () => {
    const call = decodeRestJsonCall(eksModel, new RouteTable(eksModel), describeClusterRequest());
    assert.deepEqual(call, { operation: 'DescribeCluster', input: { name: 'team-9-prod' } });
    assert.deepEqual(validateInput(eksModel, call.operation, call.input), []);
  });
});
