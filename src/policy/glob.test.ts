import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, escapeGlob, globMatch } from './glob.ts';

const cases: [pattern: string, subject: string, expected: boolean][] = [
  ['*', '', true],
  ['*', 'anything:at/all', true],
  ['eks:describe*', 'eks:describecluster', true],
  ['eks:describe*', 'eks:listclusters', false],
  ['sts:assume?ole', 'sts:assumerole', true],
  ['sts:assume?ole', 'sts:assumeole', false],
  ['a*b*c', 'aXXbYYc', true],
  ['a*b*c', 'aXXbYY', false],
  ['*cluster', 'eks:describecluster', true],
  ['*:*', 'eks:x', true],
  ['a?', 'a', false],
  ['abc', 'abc', true],
  ['abc', 'abcd', false],
  ['a**', 'a', true],
  [`a${escapeGlob('*')}`, 'a*', true],
  [`a${escapeGlob('*')}`, 'ab', false],
  [`a${escapeGlob('?')}`, 'a?', true],
  [`a${escapeGlob('?')}`, 'ab', false],
];

test('globMatch and compileGlob agree with IAM\'s wildcard rules (* and ? match across /)', () => {
  for (const [pattern, subject, expected] of cases) {
    assert.equal(globMatch(pattern, subject), expected, `globMatch(${pattern}, ${subject})`);
    assert.equal(compileGlob(pattern)(subject), expected, `compileGlob(${pattern})(${subject})`);
  }
});

test('a hostile pattern is matched in polynomial time', () => {
  const pattern = `${'a*'.repeat(40)}b`;
  const subject = 'a'.repeat(5000);
  const start = process.hrtime.bigint();
  assert.equal(globMatch(pattern, subject), false);
  assert.ok(process.hrtime.bigint() - start < 5_000_000_000n);
});
