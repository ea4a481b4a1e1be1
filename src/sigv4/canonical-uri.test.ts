import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalUri } from './canonical-uri.ts';

// Expected values follow botocore `quote(remove_dot_segments(path), safe='/~')` and smithy's getCanonicalPath (docs/aws-behaviour/sigv4.md).
describe('canonicalUri (normalised, then encoded again: double encoding)', () => {
  const cases: [string, string][] = [
    ['', '/'],
    ['/', '/'],
    ['/clusters/demo', '/clusters/demo'],
    ['/tags/arn%3Aaws%3Aeks%3Aus-west-2%3A123456789012%3Acluster%2Fdemo', '/tags/arn%253Aaws%253Aeks%253Aus-west-2%253A123456789012%253Acluster%252Fdemo'],
    ['/a%20b/c', '/a%2520b/c'],
    ['/a b', '/a%20b'],
    ['/é', '/%C3%A9'],
    ['//a//b/', '/a/b/'],
    ['/a/./b/../c', '/a/c'],
    ['/../..', '/'],
    ['/a/..', '/'],
    ['/./', '/'],
    ['/.well-known/x', '/.well-known/x'],
    ['/a~b', '/a~b'],
    ['/a:b@c', '/a%3Ab%40c'],
  ];
  for (const [input, expected] of cases) it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(canonicalUri(input), expected));
});
