import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UniqueViolation } from './store-errors.ts';

test('UniqueViolation carries the entity and is an Error services can catch by class', () => {
  const error = new UniqueViolation('user', 'user `alice` already exists');
  assert.ok(error instanceof Error);
  assert.ok(error instanceof UniqueViolation);
  assert.equal(error.name, 'UniqueViolation');
  assert.equal(error.entity, 'user');
  assert.match(String(error), /UniqueViolation: user `alice` already exists/);
});
