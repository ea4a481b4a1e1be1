// The caches of the process are written down (docs/architecture.md, "Caches") and built on the two bounded
// types: every file that makes a cache is named in that section, and no file evicts by hand.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

/** The non-test sources under src/, as paths relative to it. */
function sources(dir = src): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [relative(src, path)] : [];
  });
}

/** The source files the Caches section of docs/architecture.md names (in backticks, relative to src/; tests aside). */
function documented(): Set<string> {
  const text = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const start = text.indexOf('\n## Caches\n');
  assert.ok(start >= 0, 'docs/architecture.md has a `## Caches` section');
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const paths = [...section.matchAll(/`(?:src\/)?([\w./-]+\.ts)`/g)].map((m) => m[1]!);
  return new Set(paths.filter((path) => !path.endsWith('.test.ts') && !path.startsWith('test/')));
}

/** What makes a cache: one of the bounded types, the type built on them, or a map kept weakly by object. */
const MAKES_A_CACHE = /new (BoundedCache|BoundedMemo|GenerationCheckedCache|WeakMap|ModelMemo|FrozenOutputTexts)\b/;
/** The types themselves. */
const THE_TYPES = new Set(['kernel/bounded-cache.ts', 'kernel/bounded-memo.ts', 'server/generation-checked-cache.ts']);

test('every file that makes a cache is named in docs/architecture.md, "Caches"', () => {
  const named = documented();
  for (const file of named) assert.ok(sources().includes(file), `the Caches section names \`${file}\`, which is not a source file`);
  const making = sources().filter((file) => !THE_TYPES.has(file) && MAKES_A_CACHE.test(readFileSync(join(src, file), 'utf8')));
  assert.ok(making.length >= 15, `found ${making.length} files making caches: is the pattern still right?`);
  assert.deepEqual(making.filter((file) => !named.has(file)), [], 'caches missing from docs/architecture.md, "Caches"');
});

test('no cache evicts by hand: lru-cache only behind BoundedCache, no Map emptied from its oldest key', () => {
  const offending = sources().filter((file) => {
    const text = readFileSync(join(src, file), 'utf8');
    return (file !== 'kernel/bounded-cache.ts' && /\bLRUCache\b/.test(text)) || /\.keys\(\)\.next\(\)/.test(text);
  });
  assert.deepEqual(offending, []);
});
