// The generated files are up to date: regenerating them from the vendored botocore models and the
// Service Authorization Reference data gives the committed bytes (run `npm run generate:models`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatedFiles } from '../../scripts/models/generated-files.ts';

const root = join(import.meta.dirname, '..', '..');

test('every generated file is exactly what npm run generate:models writes', async () => {
  const files = await generatedFiles();
  assert.ok(files.size >= 10, 'models, types and access levels of four services');
  const stale = [...files].filter(([path, text]) => readFileSync(join(root, path), 'utf8') !== text).map(([path]) => path);
  assert.deepEqual(stale, [], 'stale generated files: run npm run generate:models');
});
