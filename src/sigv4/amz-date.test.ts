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

describe('amz dates against Date', () => {
  it('reads every day from year 1 to 9999 as Date.UTC does', () => {
    // One day in each month of a spread of years, leap and not, including years below 100.
    for (const year of [1, 4, 99, 100, 400, 1600, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 2400, 9999]) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 28, 29, 30, 31]) {
          const expected = new Date(0);
          expected.setUTCFullYear(year, month - 1, day);
          expected.setUTCHours(23, 59, 58, 0);
          const text = `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}T235958Z`;
          const real = expected.getUTCDate() === day;
          assert.equal(parseAmzDate(text), real ? expected.getTime() : undefined, text);
        }
      }
    }
  });
});
