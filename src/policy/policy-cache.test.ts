import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyCache, type PolicySource } from './policy-cache.ts';

const document = (effect: 'Allow' | 'Deny', action = 'eks:*') => JSON.stringify({ Version: '2012-10-17', Statement: { Effect: effect, Action: action, Resource: '*' } });
const source = (overrides: Partial<PolicySource> = {}): PolicySource => ({
  kind: 'identity', name: 'P', arn: 'arn:aws:iam::111122223333:policy/P', document: document('Allow'), ...overrides,
});

test('a source is compiled once, and an equal source, made anew, gets the same compiled policy', () => {
  const cache = new PolicyCache();
  const first = cache.compiled(source());
  assert.equal(cache.compiled(source()), first);
  assert.equal(cache.size, 1);
  assert.deepEqual([first.kind, first.name, first.arn, first.statements[0]!.effect], ['identity', 'P', 'arn:aws:iam::111122223333:policy/P', 'Allow']);
});

test('sources differing in any one part are compiled apart, each as what it is', () => {
  const cache = new PolicyCache();
  const base = cache.compiled(source());
  // The same ARN and name with another document: a managed policy deleted and created again.
  const redone = cache.compiled(source({ document: document('Deny') }));
  assert.notEqual(redone, base);
  assert.equal(redone.statements[0]!.effect, 'Deny');
  const others = [
    cache.compiled(source({ kind: 'boundary' })),
    cache.compiled(source({ name: 'Q' })),
    cache.compiled(source({ arn: 'arn:aws:iam::444455556666:policy/P' })),
    cache.compiled(source({ arn: undefined })),
    cache.compiled(source({ arn: '' })),
  ];
  assert.equal(new Set([base, redone, ...others]).size, 7);
  assert.deepEqual(others.map((p) => [p.kind, p.name, p.arn]), [
    ['boundary', 'P', 'arn:aws:iam::111122223333:policy/P'],
    ['identity', 'Q', 'arn:aws:iam::111122223333:policy/P'],
    ['identity', 'P', 'arn:aws:iam::444455556666:policy/P'],
    ['identity', 'P', undefined],
    ['identity', 'P', ''],
  ]);
  // Parts that would run together if merely joined stay apart.
  const joined = cache.compiled(source({ name: 'a\n1:b', arn: undefined }));
  const split = cache.compiled(source({ name: 'a', arn: 'b' }));
  assert.notEqual(joined, split);
  assert.deepEqual([joined.name, joined.arn, split.name, split.arn], ['a\n1:b', undefined, 'a', 'b']);
});

test('a stored document that no longer validates for its kind throws; AWS\'s own may exceed customers\' size limits', () => {
  const cache = new PolicyCache();
  assert.throws(() => cache.compiled(source({ document: '{"Version":"2012-10-17","Statement":[]' })), /stored identity policy arn:aws:iam::111122223333:policy\/P no longer validates/);
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' } });
  assert.throws(() => cache.compiled(source({ document: trust })), /no longer validates/, 'a Principal has no place in an identity policy');
  assert.equal(cache.compiled({ kind: 'trust', name: 'role/R', arn: undefined, document: trust }).statements.length, 1);
  const large = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 300 }, (_, i) => ({ Effect: 'Allow', Action: `eks:Describe${'X'.repeat(40)}${i}`, Resource: '*' })) });
  assert.equal(cache.compiled(source({ document: large })).statements.length, 300);
});

test('at most `max` compiled policies are kept, the least recently used dropped first', () => {
  const cache = new PolicyCache(2);
  const a = cache.compiled(source({ name: 'A' }));
  const b = cache.compiled(source({ name: 'B' }));
  assert.equal(cache.compiled(source({ name: 'A' })), a);
  cache.compiled(source({ name: 'C' }));
  assert.equal(cache.size, 2);
  assert.equal(cache.compiled(source({ name: 'A' })), a);
  assert.notEqual(cache.compiled(source({ name: 'B' })), b, 'B was the least recently used, compiled anew');
});
