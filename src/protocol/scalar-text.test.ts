// Scalars as text and timestamps on the wire.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rfc3986, scalarFromText, scalarToText } from './scalar-text.ts';
import { epochSeconds, isoSeconds, parseTimestamp, toDate } from './timestamp.ts';

describe('scalar text', () => {
  it('parses by shape type and rejects what does not fit', () => {
    assert.equal(scalarFromText({ type: 'integer' }, '-42'), -42);
    assert.equal(scalarFromText({ type: 'integer' }, '4.2'), undefined);
    assert.equal(scalarFromText({ type: 'long' }, '99999999999999999999'), undefined);
    assert.equal(scalarFromText({ type: 'double' }, '2.5'), 2.5);
    assert.equal(scalarFromText({ type: 'double' }, ''), undefined);
    assert.equal(scalarFromText({ type: 'boolean' }, 'TRUE'), true);
    assert.equal(scalarFromText({ type: 'boolean' }, '1'), undefined);
    assert.deepEqual(scalarFromText({ type: 'timestamp' }, '1705320000'), new Date('2024-01-15T12:00:00Z'));
    assert.deepEqual(scalarFromText({ type: 'blob' }, 'aGk='), new Uint8Array([104, 105]));
    assert.equal(scalarFromText({ type: 'blob' }, 'not base64!'), undefined);
  });

  it('writes service values by shape type, refusing the wrong kind', () => {
    assert.equal(scalarToText({ type: 'timestamp' }, new Date('2024-01-15T12:00:00.999Z'), 'iso8601'), '2024-01-15T12:00:00Z');
    assert.equal(scalarToText({ type: 'timestamp', timestampFormat: 'unixTimestamp' }, Date.UTC(2024, 0, 15, 12), 'iso8601'), '1705320000');
    assert.equal(scalarToText({ type: 'timestamp' }, '2024-01-15T12:00:00Z', 'rfc822'), 'Mon, 15 Jan 2024 12:00:00 GMT');
    assert.equal(scalarToText({ type: 'string' }, 5, 'iso8601'), '5');
    assert.throws(() => scalarToText({ type: 'integer' }, '5', 'iso8601'), TypeError);
    assert.throws(() => scalarToText({ type: 'timestamp' }, 'yesterday', 'iso8601'), TypeError);
  });

  it('percent-encodes policy documents per RFC 3986', () => {
    assert.equal(rfc3986('{"A": "b!\'()*~"}'), '%7B%22A%22%3A%20%22b%21%27%28%29%2A~%22%7D');
  });
});

describe('timestamps', () => {
  it('formats ISO seconds and epoch seconds, and reads the common forms', () => {
    const date = new Date('2024-01-15T12:00:00.250Z');
    assert.equal(isoSeconds(date), '2024-01-15T12:00:00Z');
    assert.equal(epochSeconds(date), 1705320000.25);
    assert.deepEqual(parseTimestamp('2024-01-15T12:00:00Z'), new Date('2024-01-15T12:00:00Z'));
    assert.deepEqual(parseTimestamp('1705320000.25'), date);
    assert.equal(parseTimestamp('soon'), undefined);
    assert.equal(toDate(Number.NaN), undefined);
  });
});
