import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileArnPattern, ResourceName, splitArn } from './arn-pattern.ts';
import { RequestContext } from './request-context.ts';

const context = new RequestContext({ 'aws:username': 'alice', 'aws:PrincipalTag/team': 'a*b' });

const cases: [pattern: string, arn: string, expected: boolean][] = [
  ['*', '*', true],
  ['*', 'arn:aws:eks:us-west-2:111122223333:cluster/prod', true],
  ['arn:aws:eks:us-west-2:111122223333:cluster/prod', 'arn:aws:eks:us-west-2:111122223333:cluster/prod', true],
  ['arn:aws:eks:us-west-2:111122223333:cluster/prod', 'arn:aws:eks:us-west-2:111122223333:cluster/Prod', false],
  ['arn:aws:eks:*:111122223333:cluster/*', 'arn:aws:eks:eu-west-1:111122223333:cluster/x', true],
  // A wildcard in a segment does not escape the segment.
  ['arn:aws:eks:*:cluster/*', 'arn:aws:eks:us-west-2:111122223333:cluster/x', false],
  ['arn:aws:eks:us-*:111122223333:cluster/*', 'arn:aws:eks:eu-west-1:111122223333:cluster/x', false],
  // The sixth part spans `/` and `:`.
  ['arn:aws:eks:us-west-2:111122223333:*', 'arn:aws:eks:us-west-2:111122223333:nodegroup/c/n/uuid', true],
  ['arn:aws:iam::111122223333:user/*', 'arn:aws:iam::111122223333:user/eng/bob', true],
  ['arn:aws:iam::*:user/*', 'arn:aws:iam::111122223333:user/bob', true],
  ['arn:aws:iam::111122223333:user/*', 'arn:aws:iam::444455556666:user/bob', false],
  ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b:c', true],
  ['arn:aws:eks:us-west-2:111122223333:cluster/prod', '*', false],
  ['arn:aws:eks:us-west-2:111122223333:cluster/prod-?', 'arn:aws:eks:us-west-2:111122223333:cluster/prod-1', true],
];

test('resource ARN patterns match segment by segment', () => {
  for (const [pattern, arn, expected] of cases) {
    assert.equal(compileArnPattern(pattern, true, 'resource-part')(new ResourceName(arn), context), expected, `${pattern} ~ ${arn}`);
  }
});

test('policy variables are substituted in the resource part only, as literals', () => {
  const own = compileArnPattern('arn:aws:iam::111122223333:user/${aws:username}', true, 'resource-part');
  assert.equal(own(new ResourceName('arn:aws:iam::111122223333:user/alice'), context), true);
  assert.equal(own(new ResourceName('arn:aws:iam::111122223333:user/bob'), context), false);
  const literalInVersion2008 = compileArnPattern('arn:aws:iam::111122223333:user/${aws:username}', false, 'resource-part');
  assert.equal(literalInVersion2008(new ResourceName('arn:aws:iam::111122223333:user/${aws:username}'), context), true);
  // A substituted `*` is a literal character, not a wildcard.
  const team = compileArnPattern('arn:aws:s3:::bucket/${aws:PrincipalTag/team}', true, 'resource-part');
  assert.equal(team(new ResourceName('arn:aws:s3:::bucket/a*b'), context), true);
  assert.equal(team(new ResourceName('arn:aws:s3:::bucket/aXb'), context), false);
  // An absent variable matches nothing.
  const missing = compileArnPattern('arn:aws:s3:::bucket/${aws:PrincipalTag/absent}', true, 'resource-part');
  assert.equal(missing(new ResourceName('arn:aws:s3:::bucket/'), context), false);
});

test('splitArn keeps colons of the resource part', () => {
  assert.deepEqual(splitArn('arn:aws:s3:::b/a:c'), ['arn', 'aws', 's3', '', '', 'b/a:c']);
  assert.deepEqual(splitArn('a:b'), ['a', 'b']);
});
