import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LruCache, PolicyCache } from './policy-cache.ts';
import { PolicySet } from './policy-set.ts';
import { compilePolicy } from './compiled-policy.ts';
import { validatePolicy } from './validate-policy.ts';

const document = (action: string) => {
  const result = validatePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: action, Resource: '*' } }, 'identity-managed');
  assert.ok(result.ok);
  return result.document;
};

test('a compiled policy is built once per version key', () => {
  const cache = new PolicyCache();
  let builds = 0;
  const build = () => {
    builds++;
    return compilePolicy(document('eks:*'), { kind: 'identity', name: 'P' });
  };
  const a = cache.compiled('arn:aws:iam::111122223333:policy/P#v1', build);
  const b = cache.compiled('arn:aws:iam::111122223333:policy/P#v1', build);
  const c = cache.compiled('arn:aws:iam::111122223333:policy/P#v2', build);
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.equal(builds, 2);
});

test('a policy set is rebuilt when its fingerprint changes', () => {
  const cache = new PolicyCache();
  let builds = 0;
  const build = () => {
    builds++;
    return new PolicySet({});
  };
  const first = cache.policySet('AIDA1', 'P#v1', build);
  assert.equal(cache.policySet('AIDA1', 'P#v1', build), first);
  assert.notEqual(cache.policySet('AIDA1', 'P#v2', build), first);
  cache.forget('AIDA1');
  cache.policySet('AIDA1', 'P#v2', build);
  assert.equal(builds, 3);
});

test('the LRU keeps the most recently used entries', () => {
  const lru = new LruCache<string, number>(2);
  lru.set('a', 1);
  lru.set('b', 2);
  lru.get('a');
  lru.set('c', 3);
  assert.equal(lru.get('b'), undefined);
  assert.equal(lru.get('a'), 1);
  assert.equal(lru.get('c'), 3);
  assert.equal(lru.size, 2);
});
