// Statement positions as the IAM policy simulator reports them, pinned to AWS's own CLI examples
// (docs/aws-behaviour/policy-simulator.md, "Statement positions").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statementSpans } from './statement-positions.ts';

test('a one-line policy with a Statement object: the columns of AWS simulate-custom-policy example', () => {
  const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}';
  assert.deepEqual(statementSpans(text), [{ start: { line: 1, column: 38 }, end: { line: 1, column: 167 } }]);
});

test('a pretty-printed policy: the lines and columns of the AWS simulate-principal-policy example', () => {
  const text = [
    '{',
    '    "Version": "2012-10-17",',
    '    "Statement": {',
    '        "Sid": "Grant-Access-To-CodeCommit-ListRepo",',
    '        "Effect": "Allow",',
    '        "Action": "codecommit:ListRepositories",',
    '        "Resource": "*"',
    '',
    '        }',
    '}',
  ].join('\n');
  assert.deepEqual(statementSpans(text), [{ start: { line: 3, column: 19 }, end: { line: 9, column: 10 } }]);
});

test('a Statement array gives one span per statement, braces inside strings and CRLF line ends counted right', () => {
  const text = '{\r\n "Statement": [\r\n  {"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/{x}"},\r\n  {"Effect":"Deny","Action":"s3:Delete*","Resource":"*"}\r\n ],\r\n "Version": "2012-10-17"\r\n}';
  assert.deepEqual(statementSpans(text), [
    { start: { line: 3, column: 4 }, end: { line: 3, column: 79 } },
    { start: { line: 4, column: 4 }, end: { line: 4, column: 57 } },
  ]);
});

test('an escaped key still names the Statement member', () => {
  const text = '{"Version":"2012-10-17","Statemen\\u0074":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
  assert.equal(statementSpans(text).length, 1);
});
