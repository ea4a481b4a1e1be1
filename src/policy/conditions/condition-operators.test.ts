// Every condition operator, by a table of (operator, policy values, request value, expected).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCondition, conditionHolds } from './compile-condition.ts';
import { CONDITION_OPERATORS, parseOperator } from './condition-operators.ts';
import { RequestContext, type ContextInput } from '../request-context.ts';

type Row = [operator: string, values: string[], request: ContextInput | undefined, expected: boolean];

const rows: Row[] = [
  ['StringEquals', ['a', 'b'], 'b', true], ['StringEquals', ['a'], 'A', false], ['StringEquals', ['a'], undefined, false],
  ['StringNotEquals', ['a', 'b'], 'c', true], ['StringNotEquals', ['a', 'b'], 'a', false], ['StringNotEquals', ['a'], undefined, true],
  ['StringEqualsIgnoreCase', ['ABC'], 'abc', true], ['StringEqualsIgnoreCase', ['ABC'], 'abd', false],
  ['StringNotEqualsIgnoreCase', ['ABC'], 'abc', false], ['StringNotEqualsIgnoreCase', ['ABC'], 'x', true],
  ['StringLike', ['dev-*'], 'dev-1', true], ['StringLike', ['dev-?'], 'dev-10', false], ['StringLike', ['*'], '', true],
  ['StringNotLike', ['dev-*'], 'prod', true], ['StringNotLike', ['dev-*'], 'dev-x', false], ['StringNotLike', ['x'], undefined, true],
  ['NumericEquals', ['10'], '10.0', true], ['NumericEquals', ['10'], '11', false], ['NumericEquals', ['10'], 'ten', false],
  ['NumericNotEquals', ['10'], '11', true], ['NumericNotEquals', ['10'], '10', false],
  ['NumericLessThan', ['10'], '9', true], ['NumericLessThan', ['10'], '10', false],
  ['NumericLessThanEquals', ['10'], '10', true], ['NumericLessThanEquals', ['10'], '10.5', false],
  ['NumericGreaterThan', ['10'], '11', true], ['NumericGreaterThan', ['10'], '10', false],
  ['NumericGreaterThanEquals', ['10'], '10', true], ['NumericGreaterThanEquals', ['10'], '-1', false],
  ['DateEquals', ['2024-01-15T12:00:00Z'], '1705320000', true], ['DateEquals', ['2024-01-15'], '2024-01-15T00:00:00Z', true],
  ['DateNotEquals', ['2024-01-15T12:00:00Z'], '2024-01-15T12:00:01Z', true], ['DateNotEquals', ['1705320000'], '2024-01-15T12:00:00Z', false],
  ['DateLessThan', ['2024-01-15T12:00:00Z'], '2024-01-15T11:59:59Z', true], ['DateLessThan', ['2024-01-15T12:00:00Z'], '2024-01-15T12:00:00Z', false],
  ['DateLessThanEquals', ['2024-01-15T12:00:00Z'], '2024-01-15T12:00:00Z', true],
  ['DateGreaterThan', ['2024-01-15T12:00:00Z'], '2024-01-15T13:00:00+01:00', false], ['DateGreaterThan', ['2024-01-15T12:00:00Z'], '2025-01-01', true],
  ['DateGreaterThanEquals', ['2024-01-15T12:00:00Z'], 'not a date', false],
  ['Bool', ['true'], 'true', true], ['Bool', ['true'], 'TRUE', true], ['Bool', ['true'], 'false', false], ['Bool', ['false'], undefined, false],
  ['BinaryEquals', ['QmluYXJ5VmFsdWU='], 'QmluYXJ5VmFsdWU=', true], ['BinaryEquals', ['QmluYXJ5VmFsdWU='], 'T3RoZXI=', false],
  ['IpAddress', ['203.0.113.0/24'], '203.0.113.7', true], ['IpAddress', ['203.0.113.0/24'], '203.0.114.7', false],
  ['IpAddress', ['2001:db8::/32'], '2001:db8:1::5', true], ['IpAddress', ['2001:db8::/32'], '2001:db9::5', false],
  ['IpAddress', ['203.0.113.7'], '203.0.113.7', true], ['IpAddress', ['203.0.113.0/24'], '::ffff:203.0.113.9', true],
  ['NotIpAddress', ['203.0.113.0/24'], '198.51.100.1', true], ['NotIpAddress', ['203.0.113.0/24'], '203.0.113.1', false],
  ['NotIpAddress', ['203.0.113.0/24'], undefined, true],
  ['ArnEquals', ['arn:aws:iam::111122223333:role/*'], 'arn:aws:iam::111122223333:role/x', true],
  ['ArnLike', ['arn:aws:iam::*:role/x'], 'arn:aws:iam::444455556666:role/x', true], ['ArnLike', ['arn:aws:iam::*:role/x'], 'not-an-arn', false],
  ['ArnNotEquals', ['arn:aws:iam::111122223333:role/*'], 'arn:aws:iam::111122223333:user/x', true],
  ['ArnNotLike', ['arn:aws:iam::111122223333:role/*'], 'arn:aws:iam::111122223333:role/x', false],
  ['Null', ['true'], undefined, true], ['Null', ['true'], 'x', false], ['Null', ['false'], 'x', true], ['Null', ['false'], undefined, false],
  ['StringEqualsIfExists', ['a'], undefined, true], ['StringEqualsIfExists', ['a'], 'b', false], ['NumericLessThanIfExists', ['3'], '2', true],
  ['ForAnyValue:StringEquals', ['a', 'b'], ['x', 'b'], true], ['ForAnyValue:StringEquals', ['a'], ['x'], false],
  ['ForAnyValue:StringEquals', ['a'], [], false], ['ForAnyValue:StringEquals', ['a'], undefined, false],
  ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'b'], true], ['ForAllValues:StringEquals', ['a'], ['a', 'c'], false],
  ['ForAllValues:StringEquals', ['a'], [], true], ['ForAllValues:StringEquals', ['a'], undefined, true],
  ['ForAllValues:StringNotEquals', ['a'], ['b', 'c'], true], ['ForAllValues:StringNotEquals', ['a'], ['b', 'a'], false],
  ['ForAnyValue:StringNotEquals', ['a'], ['a', 'b'], true], ['ForAnyValue:StringNotEquals', ['a'], ['a'], false],
  ['ForAnyValue:StringLikeIfExists', ['a*'], undefined, true], ['ForAllValues:StringLike', ['team-*'], 'team-a', true],
  // A plain operator on a multi-valued key does not match; its negation does (docs/aws-behaviour/iam-policy-language.md).
  ['StringEquals', ['a'], ['a'], false], ['StringNotEquals', ['a'], ['a'], true],
];

test('each operator compares as IAM documents it, single- and multi-valued keys alike', () => {
  for (const [operator, values, request, expected] of rows) {
    const errors: string[] = [];
    const clauses = compileCondition([{ operator, entries: [{ key: 'test:Key', values }] }], '2012-10-17', errors);
    const context = new RequestContext(request === undefined ? {} : { 'test:key': request });
    assert.equal(conditionHolds(clauses, context), expected, `${operator} ${JSON.stringify(values)} vs ${JSON.stringify(request)}`);
  }
});

test('every base operator of the table is exercised', () => {
  const used = new Set(rows.map(([op]) => parseOperator(op)?.base));
  for (const name of Object.keys(CONDITION_OPERATORS)) assert.ok(used.has(name as keyof typeof CONDITION_OPERATORS), name);
});

test('operator names: qualifiers, IfExists and Null rules', () => {
  assert.deepEqual(
    { ...parseOperator('ForAllValues:StringLikeIfExists'), name: undefined },
    { name: undefined, base: 'StringLike', family: 'string-like', negated: false, ifExists: true, set: 'ForAllValues' },
  );
  assert.equal(parseOperator('NullIfExists'), undefined);
  assert.equal(parseOperator('ForAnyValue:Null'), undefined);
  assert.equal(parseOperator('Sometimes:StringEquals'), undefined);
  assert.equal(parseOperator('StringEqualz'), undefined);
});

test('unreadable policy values never match and are reported', () => {
  const errors: string[] = [];
  const clauses = compileCondition([{ operator: 'IpAddress', entries: [{ key: 'aws:SourceIp', values: ['300.1.1.1/8'] }] }], '2012-10-17', errors);
  assert.equal(conditionHolds(clauses, new RequestContext({ 'aws:SourceIp': '10.0.0.1' })), false);
  assert.deepEqual(errors, ['`IpAddress`: `300.1.1.1/8` is not an IP address or CIDR range']);
});

test('every key and every operator block must hold', () => {
  const clauses = compileCondition(
    [
      { operator: 'StringEquals', entries: [{ key: 'a:x', values: ['1'] }, { key: 'a:y', values: ['2'] }] },
      { operator: 'Bool', entries: [{ key: 'aws:SecureTransport', values: ['true'] }] },
    ],
    '2012-10-17',
    [],
  );
  assert.equal(conditionHolds(clauses, new RequestContext({ 'a:x': '1', 'a:y': '2', 'aws:SecureTransport': true })), true);
  assert.equal(conditionHolds(clauses, new RequestContext({ 'a:x': '1', 'a:y': '3', 'aws:SecureTransport': true })), false);
  assert.equal(conditionHolds(clauses, new RequestContext({ 'A:X': '1', 'a:Y': '2', 'aws:securetransport': false })), false);
});
