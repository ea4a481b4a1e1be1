// Property tests (fast-check): each hot-path shortcut gives what the general code it skips gives, so the
// shortcuts can never change a byte on the wire.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonString } from './json-writer.ts';
import { queryParameters } from './query/query-decoder.ts';
import { isoSeconds } from './timestamp.ts';
import { escapeXml } from './xml-writer.ts';

/** Text rich in what escaping and form decoding care about. */
const trickyText = fc.array(fc.oneof(
  fc.constantFrom('&', '<', '>', '"', "'", '\\', '\r', '\n', '\t', '\u0000', '\u001f', '\u0085', '\u2028', '\u2029', '\ud800', '\udc00', '😀', '東', 'é', '+', '=', '%', '?', 'a', ' '),
  fc.constantFrom('%41', '%2B', '%26', '%3D', '%e6%9d%b1', '%F0%9F%98%80', '%EF%BB%BF', '%C0%80', '%ED%A0%80', '%80', '%zz', '%2', '%'),
  fc.string({ unit: 'binary', maxLength: 4 }),
), { maxLength: 16 }).map((parts) => parts.join(''));

/** What queryParameters did before its ASCII shortcut: URLSearchParams for every text. */
function referenceParameters(...encoded: string[]): [string, string][] {
  const params = new Map<string, string>();
  for (const text of encoded) for (const [key, value] of new URLSearchParams(text)) if (!params.has(key)) params.set(key, value);
  return [...params];
}

describe('hot-path shortcuts match the general code', () => {
  it('queryParameters parses as URLSearchParams does', () => {
    fc.assert(fc.property(trickyText, trickyText, (body, query) => {
      assert.deepEqual([...queryParameters(body, query)], referenceParameters(body, query));
    }), { numRuns: 5000 });
    for (const text of ['', '?', '??a=1', '?a=1&b', '=x&&y=', 'a=%zz&b=%41+%2B', 'a=%C0%80', 'a=1&a=2']) {
      assert.deepEqual([...queryParameters(text)], referenceParameters(text), text);
    }
  });

  it('jsonString writes what JSON.stringify writes', () => {
    fc.assert(fc.property(fc.oneof(trickyText, fc.string({ unit: 'binary' })), (text) => {
      assert.equal(jsonString(text), JSON.stringify(text));
    }), { numRuns: 5000 });
  });

  it('escapeXml escapes as the unconditional replace did', () => {
    // A leading `&` always needs escaping, so this takes the replace path whatever `text` holds.
    const reference = (text: string) => escapeXml(`&${text}`).slice('&amp;'.length);
    fc.assert(fc.property(fc.oneof(trickyText, fc.string({ unit: 'binary' })), (text) => {
      assert.equal(escapeXml(text), reference(text));
    }), { numRuns: 5000 });
  });

  it('isoSeconds writes what toISOString writes, less the milliseconds', () => {
    const reference = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    fc.assert(fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
      assert.equal(isoSeconds(new Date(ms)), reference(new Date(ms)));
    }), { numRuns: 20000 });
    // Every month's first and last millisecond over the arithmetic's whole range (1970 to 9999), and its edges.
    for (let year = 1970; year <= 9999; year++) {
      for (let month = 0; month < 12; month++) {
        const first = Date.UTC(year, month, 1);
        for (const ms of [first, Date.UTC(year, month + 1, 1) - 1]) assert.equal(isoSeconds(new Date(ms)), reference(new Date(ms)));
      }
    }
    for (const ms of [-1, 0, 253402300799999, 253402300800000]) assert.equal(isoSeconds(new Date(ms)), reference(new Date(ms)));
    assert.throws(() => isoSeconds(new Date(Number.NaN)), RangeError);
  });
});
