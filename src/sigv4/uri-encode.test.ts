import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeEncoded, uriDecode, uriEncode } from './uri-encode.ts';

describe('uriEncode (RFC 3986 unreserved kept, UTF-8, upper-case hex)', () => {
  const cases: [string, string, boolean?][] = [
    ['abcXYZ019-._~', 'abcXYZ019-._~'],
    ['a b', 'a%20b'],
    ['a+b=c&d', 'a%2Bb%3Dc%26d'],
    ["!'()*", '%21%27%28%29%2A'],
    ['a/b', 'a%2Fb'],
    ['a/b c', 'a/b%20c', true],
    ['é', '%C3%A9'],
    ['😀', '%F0%9F%98%80'],
    ['\ud800', '%EF%BF%BD'],
    ['%41', '%2541'],
  ];
  for (const [input, expected, keepSlash] of cases) {
    it(`${JSON.stringify(input)}${keepSlash ? ' keeping /' : ''} → ${expected}`, () => assert.equal(uriEncode(input, keepSlash), expected));
  }
});

describe('normalizeEncoded (re-encode an already encoded component canonically)', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['%2f%2F', '%2F%2F'],
    ['%41%7e', 'A~'],
    ['a b', 'a%20b'],
    ['a+b', 'a%2Bb'],
    ['100%', '100%25'],
    ['%zz', '%25zz'],
    ['%E2%82%AC€', '%E2%82%AC%E2%82%AC'],
    ['%FF', '%FF'],
    ['x%2', 'x%252'],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => assert.equal(normalizeEncoded(input), expected));
});

describe('uriDecode', () => {
  const cases: [string, string][] = [
    ['a%2Fb', 'a/b'],
    ['a+b', 'a+b'],
    ['%E2%82%AC', '€'],
    ['100%', '100%'],
    ['%zz%41', '%zzA'],
    ['%FF', '\ufffd'],
  ];
  for (const [input, expected] of cases) it(`${input} → ${JSON.stringify(expected)}`, () => assert.equal(uriDecode(input), expected));
});
