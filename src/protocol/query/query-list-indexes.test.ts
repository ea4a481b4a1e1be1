// awsQuery list and map indexes (`Tags.member.N`, `Attrs.entry.N`) as IAM reads them: the facts of
// docs/aws-behaviour/awsquery-list-indexes.md, recorded from IAM's own answers to TagUser and
// GetContextKeysForCustomPolicy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../kernel/aws-error.ts';
import { iamModel } from '../models/index.ts';
import { parseServiceModel } from '../service-model.ts';
import { validateInput } from '../validation/input-validator.ts';
import { decodeQueryCall, queryParameters } from './query-decoder.ts';

const tagUser = (params: string) => decodeQueryCall(iamModel, queryParameters(`Action=TagUser&Version=2010-05-08&UserName=u${params}`));
const tag = (n: string, key = 'team', value = 'approved') => `&Tags.member.${n}.Key=${key}&Tags.member.${n}.Value=${value}`;
const DOC = encodeURIComponent('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}');
const policies = (...indexes: number[]) =>
  decodeQueryCall(iamModel, queryParameters(`Action=GetContextKeysForCustomPolicy&Version=2010-05-08${indexes.map((i) => `&PolicyInputList.member.${i}=${DOC}`).join('')}`));

/** Asserts that `decoding` fails with IAM's MalformedInput (400, Sender) and `message`. */
function malformed(decoding: () => unknown, message: string): void {
  assert.throws(decoding, (error: unknown) => {
    assert.ok(error instanceof AwsError, String(error));
    assert.deepEqual([error.code, error.httpStatus, error.fault, error.message], ['MalformedInput', 400, 'Sender', message]);
    return true;
  });
}

describe('awsQuery list indexes', () => {
  it('index 0 is MalformedInput "0 is not a valid index", never silently dropped', () => {
    malformed(() => tagUser(tag('0')), '0 is not a valid index');
    malformed(() => tagUser(tag('1') + tag('0', 'other')), '0 is not a valid index');
    malformed(() => policies(0), '0 is not a valid index');
  });

  it('a negative index is MalformedInput', () => {
    malformed(() => tagUser(tag('-1')), "Key -1 may not have a leading '-'");
  });

  it('an index far past the end (Tags.member.99999999) is MalformedInput, never accepted', () => {
    malformed(() => tagUser(tag('99999999')), 'Excessively sparse input would skip 99999998 list elements');
    malformed(() => tagUser(tag('1') + tag('99999999', 'other')), 'Excessively sparse input would skip 99999998 list elements');
  });

  it('each index may extend the list by at most ten positions, counted from the largest index before it (at least 1)', () => {
    assert.doesNotThrow(() => policies(11));
    malformed(() => policies(12), 'Excessively sparse input would skip 11 list elements');
    malformed(() => policies(16), 'Excessively sparse input would skip 15 list elements');
    malformed(() => policies(1, 12), 'Excessively sparse input would skip 11 list elements');
    malformed(() => policies(12, 1), 'Excessively sparse input would skip 11 list elements');
    assert.doesNotThrow(() => policies(1, 8, 15));
    malformed(() => policies(1, 22), 'Excessively sparse input would skip 21 list elements');
    malformed(() => policies(1, 22, 43), 'Excessively sparse input would skip 21 list elements');
    malformed(() => policies(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 21), 'Excessively sparse input would skip 11 list elements');
    malformed(() => policies(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 22), 'Excessively sparse input would skip 12 list elements');
    malformed(() => tagUser(tag('49')), 'Excessively sparse input would skip 48 list elements');
  });

  it('two index segments back to back are MalformedInput', () => {
    malformed(() => tagUser('&Tags.member.1.0.Key=team&Tags.member.1.0.Value=approved'), 'Two index elements may not occur back to back');
  });

  it('leading zeros name the same position: 01 and 1 are one element', () => {
    assert.deepEqual(tagUser(tag('01')).input, { UserName: 'u', Tags: [{ Key: 'team', Value: 'approved' }] });
    assert.deepEqual(tagUser('&Tags.member.01.Key=team&Tags.member.1.Value=approved').input, { UserName: 'u', Tags: [{ Key: 'team', Value: 'approved' }] });
  });

  it('a skipped position of a list of structures is an empty element, so its required members fail validation (not closed up)', () => {
    const { operation, input } = tagUser(tag('1') + tag('3', 'other'));
    assert.deepEqual(input, { UserName: 'u', Tags: [{ Key: 'team', Value: 'approved' }, {}, { Key: 'other', Value: 'approved' }] });
    const issues = validateInput(iamModel, operation, input).map((i) => `${i.path}: ${i.constraint}`).sort();
    assert.deepEqual(issues, ['tags.2.member.key: Member must not be null', 'tags.2.member.value: Member must not be null']);
    const second = tagUser(tag('2'));
    assert.deepEqual(second.input, { UserName: 'u', Tags: [{}, { Key: 'team', Value: 'approved' }] });
    assert.equal(validateInput(iamModel, second.operation, second.input).length, 2);
  });
});

describe('awsQuery map indexes (entry.N) follow the same rules', () => {
  const model = parseServiceModel({
    metadata: { service: 'demo', protocol: 'query', apiVersion: '2020-01-01', xmlNamespace: 'https://demo.example/doc/2020-01-01/', validation: { code: 'ValidationError', httpStatus: 400, showValues: true, listEnumValues: true }, source: 'test' },
    operations: { Put: { input: 'Thing' } },
    shapes: { Thing: { type: 'structure', members: { Attrs: 'attrMap' } }, attrMap: { type: 'map', key: 'string', value: 'string' }, string: { type: 'string' } },
    errors: {},
  });
  const put = (params: string) => decodeQueryCall(model, queryParameters(`Action=Put&Version=2020-01-01${params}`));

  it('reads entry.01 as entry.1 and refuses 0, negative and far-off positions', () => {
    assert.deepEqual(put('&Attrs.entry.01.key=k&Attrs.entry.1.value=v').input, { Attrs: { k: 'v' } });
    malformed(() => put('&Attrs.entry.0.key=k&Attrs.entry.0.value=v'), '0 is not a valid index');
    malformed(() => put('&Attrs.entry.-2.key=k'), "Key -2 may not have a leading '-'");
    malformed(() => put('&Attrs.entry.12.key=k&Attrs.entry.12.value=v'), 'Excessively sparse input would skip 11 list elements');
  });
});
