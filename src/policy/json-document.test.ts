import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonSyntaxError, MAX_JSON_DEPTH, parseJsonDocument } from './json-document.ts';

test('parses JSON like JSON.parse', () => {
  for (const text of ['{}', '[]', '"a\\u0041\\n"', '-1.5e3', 'true', 'null', '{"a":[1,{"b":"c"}]}', ' \t{"x" : 1 }\n']) {
    assert.deepEqual(JSON.parse(JSON.stringify(parseJsonDocument(text))), JSON.parse(text), text);
  }
});

test('refuses what policies must not contain', () => {
  const bad = ['{"a":1,"a":2}', '{', '[1,]', '{"a":1,}', '01', '"\u0001"', '"\\x"', 'tru', '{} x', '', `${'['.repeat(MAX_JSON_DEPTH + 2)}${']'.repeat(MAX_JSON_DEPTH + 2)}`];
  for (const text of bad) assert.throws(() => parseJsonDocument(text), JsonSyntaxError, JSON.stringify(text.slice(0, 20)));
});

test('__proto__ is an ordinary key', () => {
  const value = parseJsonDocument('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
  assert.deepEqual(Object.keys(value), ['__proto__']);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});
