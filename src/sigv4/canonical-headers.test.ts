import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalHeaderBlock, trimAll } from './canonical-headers.ts';

describe('trimAll', () => {
  const cases: [string, string][] = [
    ['plain value', 'plain value'],
    ['  padded  ', 'padded'],
    ['a   b\t\tc', 'a b c'],
    ['a\tb', 'a b'],
    ['line\r\n folded', 'line folded'],
    ['', ''],
    ['\u00a0nbsp', '\u00a0nbsp'],
  ];
  for (const [input, expected] of cases) it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(trimAll(input), expected));
});

describe('canonicalHeaderBlock', () => {
  it('writes each signed header, joins repeated values with commas, skips absent ones', () => {
    const headers = { host: 'h', 'x-a': [' 1 ', '2  3'], 'x-unsigned': 'u' };
    assert.equal(canonicalHeaderBlock(headers, ['host', 'x-a', 'x-missing']), 'host:h\nx-a:1,2 3\n');
  });
});
