// Java model patterns as whole-value JavaScript regexes (docs/aws-behaviour/wire-protocols.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaPattern, matchesJavaPattern } from './java-pattern.ts';

describe('java-pattern', () => {
  it('matches the whole value, not a part of it', () => {
    assert.equal(matchesJavaPattern('[\\w+=,.@-]+', 'alice'), true);
    assert.equal(matchesJavaPattern('[\\w+=,.@-]+', 'alice!'), false);
    assert.equal(matchesJavaPattern('(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)', '/a/'), true);
    assert.equal(matchesJavaPattern('(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)', '/a'), false);
    assert.equal(matchesJavaPattern('^[0-9A-Za-z][A-Za-z0-9\\-_]*', 'demo-1'), true);
  });

  it('understands Unicode classes and \\uXXXX escapes', () => {
    const tag = '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+';
    assert.equal(matchesJavaPattern(tag, 'Ünïcode 東京 ٣'), true);
    assert.equal(matchesJavaPattern(tag, 'a<b'), false);
    assert.equal(matchesJavaPattern('[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+', 'ok\n'), true);
    assert.equal(matchesJavaPattern('[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+', '\u0001'), false);
  });

  it('caches compiled patterns and accepts everything for an untranslatable one', () => {
    assert.equal(javaPattern('a+'), javaPattern('a+'));
    assert.equal(javaPattern('(?<!'), undefined);
    assert.equal(matchesJavaPattern('(?<!', 'anything'), true);
  });
});
