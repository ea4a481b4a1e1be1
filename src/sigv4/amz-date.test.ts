import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAmzDate, httpDateToAmzDate, parseAmzDate } from './amz-date.ts';

describe('amz dates', () => {
  it('parses and formats the basic format', () => {
    assert.equal(parseAmzDate('20240115T120000Z'), Date.UTC(2024, 0, 15, 12));
    assert.equal(formatAmzDate(Date.UTC(2024, 0, 15, 12, 0, 0, 999)), '20240115T120000Z');
    assert.equal(parseAmzDate('20240229T235959Z'), Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  for (const bad of ['2024-01-15T12:00:00Z', '20240115T120000', '20240115120000Z', '20241315T120000Z', '20230229T120000Z', '20240115T240000Z', '20240115T126000Z', ' 20240115T120000Z', '']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(parseAmzDate(bad), undefined));
  }

  it('keeps two-digit years literal', () => {
    assert.equal(formatAmzDate(parseAmzDate('00990101T000000Z') ?? NaN), '00990101T000000Z');
  });

  it('converts an RFC 7231 Date header', () => {
    assert.equal(httpDateToAmzDate('Mon, 15 Jan 2024 12:00:00 GMT'), '20240115T120000Z');
    assert.equal(httpDateToAmzDate('Monday, 15-Jan-24 12:00:00 GMT'), undefined);
    assert.equal(httpDateToAmzDate('Mon, 31 Feb 2024 12:00:00 GMT'), undefined);
  });
});
