import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import pino from 'pino';
import type { RequestLogEntry } from './request-log.ts';
import { requestLine } from './request-line.ts';

const TIME = ',"time":"2026-12-04T07:30:00.123Z"';

/** What pino itself writes for `logger.info(entry, 'request')` with the request log's options. */
function pinoLine(entry: RequestLogEntry): string {
  let written = '';
  const logger = pino({ level: 'info', base: undefined, timestamp: () => TIME }, { write: (line: string) => { written += line; } });
  logger.info(entry, 'request');
  return written;
}

const ALLOWED: RequestLogEntry = {
  requestId: '0b7d5a3e-52f1-4c59-9a43-5d6f0c1e2a47', service: 'eks', operation: 'DescribeCluster',
  principal: 'arn:aws:iam::111122223333:user/bench', decision: 'Allowed', action: 'eks:DescribeCluster', checks: undefined,
  decidedBy: 'managed:arn:aws:iam::111122223333:policy/Team9#0', reason: undefined, errorCode: undefined, status: 200, latencyMs: 0.123,
};

/** Strings without lone surrogates (which pino writes raw and JSON.stringify escapes; neither occurs in entries). */
const wellFormed = fc.string({ unit: 'binary', maxLength: 150 }).filter((s) => !/[\ud800-\udfff]/.test(s));
const optional = fc.option(wellFormed, { nil: undefined });

describe('requestLine', () => {
  it('writes an allowed request exactly as pino does', () => {
    assert.equal(requestLine(ALLOWED, TIME), pinoLine(ALLOWED));
  });

  it('leaves out the members an entry does not have, as pino does', () => {
    const denied = { ...ALLOWED, operation: undefined, decision: undefined, action: undefined, decidedBy: undefined, errorCode: 'MissingAuthenticationToken', status: 403 };
    assert.equal(requestLine(denied, TIME), pinoLine(denied));
    assert.doesNotMatch(requestLine(denied, TIME), /"operation"|"decidedBy"/);
  });

  it('writes a denial with its checks, reason and the missing statement exactly as pino does', () => {
    const denied: RequestLogEntry = {
      ...ALLOWED, operation: 'CreateCluster', decision: 'ImplicitlyDenied', action: 'eks:CreateCluster', checks: ['eks:CreateCluster', 'iam:PassRole'],
      decidedBy: 'missing: Allow iam:PassRole on arn:aws:iam::111122223333:role/eks in an identity-based policy',
      reason: 'because no identity-based policy allows the iam:PassRole action', errorCode: 'AccessDeniedException', status: 403,
    };
    assert.equal(requestLine(denied, TIME), pinoLine(denied));
    assert.deepEqual(JSON.parse(requestLine(denied, TIME)).checks, ['eks:CreateCluster', 'iam:PassRole']);
  });

  it('matches pino byte for byte for any text and numbers, quotes, controls and non-ASCII included', () => {
    fc.assert(fc.property(
      fc.record({
        requestId: wellFormed, service: wellFormed, operation: optional, principal: optional, decision: optional,
        action: optional, checks: fc.option(fc.array(wellFormed, { maxLength: 4 }), { nil: undefined }), decidedBy: optional, reason: optional, errorCode: optional,
        status: fc.integer({ min: 100, max: 599 }), latencyMs: fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Infinity)),
      }),
      (entry) => requestLine(entry, TIME) === pinoLine(entry),
    ), { numRuns: 500 });
  });

  it('is one line of JSON', () => {
    const line = requestLine({ ...ALLOWED, principal: 'a"b\\c\nd' }, TIME);
    assert.ok(line.endsWith('}\n') && line.indexOf('\n') === line.length - 1);
    assert.equal((JSON.parse(line) as { principal: string }).principal, 'a"b\\c\nd');
  });
});
