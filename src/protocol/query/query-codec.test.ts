// awsQuery decoding and encoding; the bytes written are pinned by golden files (src/protocol/golden/query-*).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../kernel/aws-error.ts';
import { iamModel, stsModel } from '../models/index.ts';
import { parseServiceModel } from '../service-model.ts';
import { decodeQueryCall, queryParameters } from './query-decoder.ts';
import { encodeQueryOutput, queryResponseFormat } from './query-encoder.ts';
import { encodeQueryError } from './query-error.ts';
import { assertGolden } from '../../../test/support/golden.ts';

const RID = '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE';
const decode = (body: string, query = '') => decodeQueryCall(iamModel, queryParameters(body, query));
const IAM = 'Action=%s&Version=2010-05-08';
const iam = (action: string, rest = ''): string => IAM.replace('%s', action) + rest;

/** A model exercising what IAM and STS do not: flattened lists and maps, renamed members, blobs, doubles. */
const demo = parseServiceModel({
  metadata: { service: 'demo', protocol: 'query', apiVersion: '2020-01-01', xmlNamespace: 'https://demo.example/doc/2020-01-01/', validation: { code: 'ValidationError', httpStatus: 400, showValues: true, listEnumValues: true }, source: 'test' },
  operations: { Put: { input: 'Thing', output: 'Thing', resultWrapper: 'PutResult' } },
  shapes: {
    Thing: { type: 'structure', members: { Flat: 'flatList', Items: { shape: 'itemList', locationName: 'Item' }, Attrs: 'attrMap', FlatAttrs: 'flatMap', When: 'timestamp', Data: 'blob', Nested: 'Nested', Ratio: 'double', On: 'boolean' } },
    flatList: { type: 'list', member: 'string', flattened: true },
    itemList: { type: 'list', member: { shape: 'string', locationName: 'item' } },
    attrMap: { type: 'map', key: { shape: 'string', locationName: 'Name' }, value: { shape: 'integer', locationName: 'Count' } },
    flatMap: { type: 'map', key: 'string', value: 'string', flattened: true },
    Nested: { type: 'structure', members: { Inner: 'string' } },
    string: { type: 'string' }, integer: { type: 'integer' }, timestamp: { type: 'timestamp' }, blob: { type: 'blob' }, double: { type: 'double' }, boolean: { type: 'boolean' },
  },
  errors: {},
});

describe('awsQuery decoding', () => {
  it('reads scalars and lists of structures (Tags.member.N.Key/Value), in index order', () => {
    const body = iam('CreateUser', '&UserName=alice&Path=%2F&Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1');
    assert.deepEqual(decode(body), { operation: 'CreateUser', input: { Path: '/', UserName: 'alice', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] } });
  });

  it('reads integers and booleans by the model', () => {
    assert.deepEqual(decode(iam('ListPolicies', '&OnlyAttached=true&MaxItems=10&Scope=Local')).input, { Scope: 'Local', OnlyAttached: true, MaxItems: 10 });
  });

  it('reads STS PolicyArns.member.N.arn and TransitiveTagKeys.member.N', () => {
    const params = queryParameters('Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&RoleSessionName=s+1&PolicyArns.member.1.arn=arn%3Ap1&TransitiveTagKeys.member.1=k');
    assert.deepEqual(decodeQueryCall(stsModel, params).input, { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's 1', PolicyArns: [{ arn: 'arn:p1' }], TransitiveTagKeys: ['k'] });
  });

  it('reads an empty list sent as `Name=`', () => {
    assert.deepEqual(decode(iam('UntagUser', '&UserName=a&TagKeys=')).input, { UserName: 'a', TagKeys: [] });
  });

  it('accepts GET /?Action=… and merges query string with body (first occurrence wins)', () => {
    assert.deepEqual(decode('UserName=body', iam('GetUser', '&UserName=query')).input, { UserName: 'body' });
    assert.deepEqual(decode('', iam('GetUser', '&UserName=q')).input, { UserName: 'q' });
  });

  it('reads flattened lists, renamed list members, maps (entry and flattened), timestamps, blobs, doubles, nested structures', () => {
    const body = 'Action=Put&Version=2020-01-01&Flat.1=a&Flat.2=b&Item.item.1=x&Attrs.entry.1.Name=n&Attrs.entry.1.Count=3'
      + '&FlatAttrs.1.key=k&FlatAttrs.1.value=v&When=2024-01-15T12%3A00%3A00Z&Data=aGk%3D&Nested.Inner=i&Ratio=0.5&On=false';
    assert.deepEqual(decodeQueryCall(demo, queryParameters(body)).input, {
      Flat: ['a', 'b'], Items: ['x'], Attrs: { n: 3 }, FlatAttrs: { k: 'v' }, When: new Date('2024-01-15T12:00:00Z'),
      Data: new Uint8Array([104, 105]), Nested: { Inner: 'i' }, Ratio: 0.5, On: false,
    });
  });

  it('answers MissingAction, and InvalidAction for unknown operations and wrong or missing versions', () => {
    const error = (body: string) => {
      try {
        decode(body);
      } catch (e) {
        return e instanceof AwsError ? [e.code, e.httpStatus, e.message] : e;
      }
      return undefined;
    };
    assert.deepEqual(error('Version=2010-05-08'), ['MissingAction', 400, 'Missing Action']);
    assert.deepEqual(error(iam('FlyToMoon')), ['InvalidAction', 400, 'Could not find operation FlyToMoon for version 2010-05-08']);
    assert.deepEqual(error('Action=GetUser&Version=2011-06-15'), ['InvalidAction', 400, 'Could not find operation GetUser for version 2011-06-15']);
    assert.deepEqual(error('Action=GetUser'), ['InvalidAction', 400, 'Could not find operation GetUser for version NO_VERSION_SPECIFIED']);
    assert.deepEqual(error(iam('toString')), ['InvalidAction', 400, 'Could not find operation toString for version 2010-05-08']);
    assert.deepEqual(error(iam('ListUsers', '&MaxItems=ten')), ['InvalidParameterValue', 400, 'Value ten for parameter MaxItems is invalid. Reason: must be an integer.']);
    assert.deepEqual(error(iam('ListPolicies', '&OnlyAttached=yes')), ['InvalidParameterValue', 400, 'Value yes for parameter OnlyAttached is invalid. Reason: must be a boolean.']);
  });
});

describe('awsQuery encoding', () => {
  it('writes a CreateUser response as IAM does', () => {
    const user = { Path: '/', UserName: 'alice', UserId: 'AIDACKCEVSQ6C2EXAMPLE', Arn: 'arn:aws:iam::123456789012:user/alice', CreateDate: new Date('2024-01-15T12:00:00.789Z') };
    const res = encodeQueryOutput(iamModel, 'CreateUser', { User: user }, RID);
    assert.equal(res.status, 200);
    assert.deepEqual(res.headers, { 'content-type': 'text/xml', 'x-amzn-requestid': RID });
    assertGolden('query-iam-create-user.xml', res.body);
  });

  it('writes a frozen output seen before with the same result, each time with its own request id', () => {
    const user = { Path: '/', UserName: 'alice', UserId: 'AIDACKCEVSQ6C2EXAMPLE', Arn: 'arn:aws:iam::123456789012:user/alice', CreateDate: new Date('2024-01-15T12:00:00.789Z') };
    const plain = encodeQueryOutput(iamModel, 'GetUser', { User: user }, RID).body;
    const frozen = Object.freeze({ User: Object.freeze({ ...user }) });
    assert.equal(encodeQueryOutput(iamModel, 'GetUser', frozen, RID).body, plain);
    assert.equal(encodeQueryOutput(iamModel, 'GetUser', frozen, RID).body, plain);
    const other = encodeQueryOutput(iamModel, 'GetUser', frozen, 'another-request').body;
    assert.equal(other, plain.replace(RID, 'another-request'));
    // The same object answered by another operation is written for that operation.
    assert.match(encodeQueryOutput(iamModel, 'CreateUser', frozen, RID).body, /^<CreateUserResponse [^>]+><CreateUserResult><User>/);
  });

  it('writes operations without output as ResponseMetadata only', () => {
    assertGolden('query-iam-delete-user.xml', encodeQueryOutput(iamModel, 'DeleteUser', undefined, RID).body);
  });

  it('writes lists as <member>, in the STS namespace for STS, skipping absent members', () => {
    assertGolden('query-iam-list-users-empty.xml', encodeQueryOutput(iamModel, 'ListUsers', { Users: [], IsTruncated: false, Marker: undefined }, RID).body);
    const sts = encodeQueryOutput(stsModel, 'GetCallerIdentity', { UserId: 'AIDA', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/u' }, RID).body;
    assertGolden('query-sts-get-caller-identity.xml', sts);
  });

  it('writes flattened lists and maps, renamed members, blobs and epoch-ms timestamps', () => {
    const body = encodeQueryOutput(demo, 'Put', { Flat: ['a', 'b'], Items: ['x'], Attrs: { n: 3 }, FlatAttrs: { k: 'v' }, When: Date.UTC(2024, 0, 15, 12), Data: new Uint8Array([104, 105]) }, RID).body;
    assertGolden('query-demo-put-flattened.xml', body);
  });

  it('refuses output values of the wrong kind (a service bug, not a client error)', () => {
    assert.throws(() => encodeQueryOutput(iamModel, 'ListUsers', { Users: 'alice' }, RID), TypeError);
    assert.throws(() => encodeQueryOutput(iamModel, 'ListUsers', { IsTruncated: 'yes' }, RID), TypeError);
  });

  it('writes an awsQuery ErrorResponse, escaping the message', () => {
    const res = encodeQueryError(iamModel, new AwsError('NoSuchEntity', 404, 'The user with name <bob> & co cannot be found.'), RID);
    assert.equal(res.status, 404);
    assertGolden('query-iam-error-no-such-entity.xml', res.body);
    assertGolden('query-sts-error-internal-failure.xml', encodeQueryError(stsModel, new AwsError('InternalFailure', 500, 'x'), RID).body);
  });

  it('chooses JSON only when the client asks for JSON', () => {
    assert.equal(queryResponseFormat('application/json'), 'json');
    assert.equal(queryResponseFormat(undefined), 'xml');
    assert.equal(queryResponseFormat('*/*'), 'xml');
    assert.equal(queryResponseFormat('text/xml, application/json'), 'xml');
  });
});
