// bin/bundle-loader.cjs runs a bundle with the V8 code cache its warm-up run wrote, and only for the
// bundle it was made from: an edit of the bundle (even one keeping its size) or another Node.js flag
// set, and it is compiled afresh; a cache V8 refuses is not fatal either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const loaderFile = fileURLToPath(new URL('../../bin/bundle-loader.cjs', import.meta.url));

/** What the loader does with the cache of `bundle` in a new process (V8 remembers what this one compiled): 'none', 'used' or 'rejected'. */
function cacheOf(bundle: string, flags: readonly string[] = []): string {
  const script = `process.stdout.write(require(${JSON.stringify(loaderFile)}).compileBundle(process.argv[1]).cache)`;
  const result = spawnSync(process.execPath, [...flags, '-e', script, bundle], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** A bundle whose `main` prints `word` and the arguments. */
const bundleText = (word: string) => `exports.main = async (argv) => { process.stdout.write('${word} ' + argv.join(',')); return 0; };\n`;

/** Runs `bundle` through the loader in a new process, as bin/tollgate.cjs does, with `flags`. */
function run(bundle: string, flags: readonly string[] = []): string {
  const script = `require(${JSON.stringify(loaderFile)}).runBundle(process.argv[1], process.argv.slice(2)).then((code) => { process.exitCode = code; })`;
  const result = spawnSync(process.execPath, [...flags, '-e', script, bundle, 'a', 'b'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

test('the cache is written by the warm-up run, used for its own bundle only, and a refused one is not fatal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-bundle-loader-'));
  const bundle = join(dir, 'cli.cjs');
  try {
    writeFileSync(bundle, bundleText('first'));
    // The warm-up run: the loader as a program, given the bundle; it runs `main(['warm-up'])`.
    const warmUp = spawnSync(process.execPath, [loaderFile, bundle], { encoding: 'utf8' });
    assert.equal(warmUp.status, 0, warmUp.stderr);
    assert.equal(warmUp.stdout, 'first warm-up');
    const stamp = JSON.parse(readFileSync(`${bundle}.cache.json`, 'utf8')) as { size: number; node: string; flags: string };
    assert.deepEqual([stamp.size, stamp.node, stamp.flags], [bundleText('first').length, process.version, '']);
    assert.equal(cacheOf(bundle), 'used');
    assert.equal(run(bundle), 'first a,b');

    // Under other Node.js flags the cache is not offered (V8 would refuse it).
    assert.equal(cacheOf(bundle, ['--max-semi-space-size=32']), 'none');
    assert.equal(run(bundle, ['--max-semi-space-size=32']), 'first a,b');

    // Edited, its size unchanged: the edit answers (the mtime differs from the recorded one).
    writeFileSync(bundle, bundleText('other'));
    assert.equal(run(bundle), 'other a,b');
    assert.equal(cacheOf(bundle), 'none');

    // A cache that does not fit (here: not a cache at all) under a matching stamp: V8 refuses it, the bundle runs.
    writeFileSync(`${bundle}.cache`, Buffer.alloc(4096, 7));
    const { mtimeMs, size } = { mtimeMs: 1_700_000_000_000, size: bundleText('other').length };
    utimesSync(bundle, mtimeMs / 1000, mtimeMs / 1000);
    writeFileSync(`${bundle}.cache.json`, JSON.stringify({ size, mtimeMs, node: process.version, flags: '' }));
    assert.equal(cacheOf(bundle), 'rejected');
    assert.equal(run(bundle), 'other a,b');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
