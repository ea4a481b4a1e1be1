import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalQueryString, findParam, parseQuery } from './canonical-query.ts';

const canonical = (query: Parameters<typeof parseQuery>[0], omit?: string) => canonicalQueryString(parseQuery(query), omit);

describe('canonicalQueryString', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['b=2&a=1', 'a=1&b=2'],
    ['a=2&a=1&a=10', 'a=1&a=10&a=2'],
    ['flag', 'flag='],
    ['flag=', 'flag='],
    ['a=x%2fy', 'a=x%2Fy'],
    ['a=x/y', 'a=x%2Fy'],
    ['a=b c', 'a=b%20c'],
    ['a=b+c', 'a=b%2Bc'],
    ['a=%7E', 'a=~'],
    ['a=1&&b=2', 'a=1&b=2'],
    ['a=1=2', 'a=1%3D2'],
    ['B=1&a=1', 'B=1&a=1'],
    ['X-Amz-Date=1&Action=GetCallerIdentity', 'Action=GetCallerIdentity&X-Amz-Date=1'],
  ];
  for (const [input, expected] of cases) it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(canonical(input), expected));

  it('encodes decoded pairs', () => {
    assert.equal(canonical([['tagKeys', 'a b'], ['tagKeys', 'a'], ['x', 'é/']]), 'tagKeys=a&tagKeys=a%20b&x=%C3%A9%2F');
  });

  it('leaves out the omitted parameter (presigning)', () => {
    assert.equal(canonical('X-Amz-Signature=abc&Action=x', 'X-Amz-Signature'), 'Action=x');
  });

  it('finds the first value of a parameter, still encoded', () => {
    const params = parseQuery('X-Amz-Credential=AKID%2F20240115&X-Amz-Credential=second');
    assert.equal(findParam(params, 'X-Amz-Credential'), 'AKID%2F20240115');
    assert.equal(findParam(params, 'missing'), undefined);
  });
});
