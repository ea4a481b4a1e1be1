import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrettyLogLines } from './pretty-log-line.ts';
import type { RequestLogEntry } from './request-log.ts';

const AT = new Date(2026, 11, 4, 7, 30, 5, 42).getTime(); // local time, as the line shows it
const BASE: RequestLogEntry = {
  requestId: 'req-1', service: 'eks', operation: 'DescribeCluster', principal: 'arn:aws:iam::111122223333:user/ana', decision: 'Allowed',
  action: 'eks:DescribeCluster', checks: undefined, decidedBy: 'identity:read#0', reason: undefined, errorCode: undefined, status: 200, latencyMs: 3.14159,
};
const plain = new PrettyLogLines(false);

describe('pretty log lines', () => {
  it('an allowed request: time, principal, action, decision, status, latency, request id', () => {
    assert.equal(plain.request(BASE, AT), '07:30:05.042 arn:aws:iam::111122223333:user/ana eks:DescribeCluster allowed 200 3.1ms  req-1\n');
  });

  it('an implicit denial names the reason and the statement missing', () => {
    const line = plain.request({
      ...BASE, decision: 'ImplicitlyDenied', errorCode: 'AccessDeniedException', status: 403, latencyMs: 12.6,
      reason: 'because no identity-based policy allows the eks:DescribeCluster action',
      decidedBy: 'missing: Allow eks:DescribeCluster on arn:aws:eks:us-west-2:111122223333:cluster/c in an identity-based policy',
    }, AT);
    assert.equal(line, '07:30:05.042 arn:aws:iam::111122223333:user/ana eks:DescribeCluster denied 403 13ms AccessDeniedException: ' +
      'because no identity-based policy allows the eks:DescribeCluster action ' +
      '(missing: Allow eks:DescribeCluster on arn:aws:eks:us-west-2:111122223333:cluster/c in an identity-based policy)  req-1\n');
  });

  it('an explicit denial names the deciding statement; dependent checks are listed', () => {
    const line = plain.request({
      ...BASE, operation: 'CreateCluster', action: 'eks:CreateCluster', checks: ['eks:CreateCluster', 'iam:PassRole'], decision: 'ExplicitlyDenied',
      errorCode: 'AccessDeniedException', status: 403, reason: 'with an explicit deny in an identity-based policy', decidedBy: 'identity:guard#NoPassRole',
    }, AT);
    assert.match(line, /eks:CreateCluster denied 403 3\.1ms AccessDeniedException: with an explicit deny in an identity-based policy \(decided by identity:guard#NoPassRole\) \[checks eks:CreateCluster, iam:PassRole\] {2}req-1\n$/);
  });

  it('a request refused before any decision shows a dash for what is unknown', () => {
    const line = plain.request({ ...BASE, principal: undefined, operation: undefined, action: undefined, decision: undefined, decidedBy: undefined, errorCode: 'SignatureDoesNotMatch', status: 403 }, AT);
    assert.equal(line, '07:30:05.042 - eks:? - 403 3.1ms SignatureDoesNotMatch  req-1\n');
  });

  it('colours only when asked', () => {
    const ESC = String.fromCharCode(27);
    assert.ok(!plain.request(BASE, AT).includes(ESC));
    const coloured = new PrettyLogLines(true).request({ ...BASE, decision: 'ImplicitlyDenied', status: 403 }, AT);
    assert.ok(coloured.includes(`${ESC}[31mdenied${ESC}[39m ${ESC}[33m403${ESC}[39m`), JSON.stringify(coloured));
  });

  it('pino\'s other lines: level, message and fields, a failure\'s stack indented below', () => {
    const failure = JSON.stringify({ level: 50, time: new Date(AT).toISOString(), requestId: 'req-9', error: { name: 'TypeError', stack: 'TypeError: boom\n    at f (x.ts:1:1)' }, msg: 'internal failure' });
    assert.equal(plain.other(`${failure}\n`), '07:30:05.042 ERROR internal failure requestId=req-9\n    TypeError: boom\n        at f (x.ts:1:1)\n');
    assert.equal(plain.other('not json'), 'not json');
  });
});
