// Runs the bundle `npm run build` wrote (dist/server/cli.cjs) with the V8 code cache made for it.
// Node 20 has no compile cache of its own (module.enableCompileCache came in 22), so the bundle is
// compiled here as a vm.Script given the cache as `cachedData`: functions the build's warm-up run
// compiled (src/cli/warm-up-command.ts) are then not parsed or compiled again, which saves most of
// what starting costs after Node itself. The cache is used only for the bundle it was made from
// (size and mtime, recorded beside it) under the same Node.js and flags; else the bundle is compiled
// as it would be without a cache, and V8 itself refuses a cache that does not fit.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

/** Node.js's flags, less a script given on the command line (`-e SCRIPT`), which is not a flag of V8's. */
function nodeFlags() {
  const flags = [];
  for (let i = 0; i < process.execArgv.length; i += 1) {
    const flag = process.execArgv[i];
    if (flag === '-e' || flag === '--eval' || flag === '-p' || flag === '--print') i += 1;
    else if (!flag.startsWith('--eval=') && !flag.startsWith('--print=')) flags.push(flag);
  }
  return flags.join(' ');
}

/** The stamp of `bundle` as a cache for it records it: what must be equal for the cache to apply. */
function stampOf(bundle) {
  const { size, mtimeMs } = statSync(bundle);
  return { size, mtimeMs, node: process.version, flags: nodeFlags() };
}

/** The cache made for `bundle` as it is now, or undefined. */
function cacheFor(bundle) {
  try {
    const recorded = readFileSync(`${bundle}.cache.json`, 'utf8');
    if (recorded !== JSON.stringify(stampOf(bundle))) return undefined;
    return readFileSync(`${bundle}.cache`);
  } catch {
    return undefined;
  }
}

/**
 * `bundle` compiled, with the code cache made for it when there is one; `cache` says whether one was
 * given and whether V8 took it. With `writeCache`, none is read, and the code cache of everything
 * compiled by the time the process exits is written beside the bundle (the build's warm-up run).
 */
function compileBundle(bundle, { writeCache = false } = {}) {
  const source = readFileSync(bundle, 'utf8');
  const cachedData = writeCache ? undefined : cacheFor(bundle);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
    // The bundle's import() of packages (prom-client) goes through Node's own loader, as from a file.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (writeCache) {
    process.once('exit', () => {
      // Written whole, then renamed: a reader never sees half a cache.
      writeFileSync(`${bundle}.cache.tmp`, script.createCachedData());
      renameSync(`${bundle}.cache.tmp`, `${bundle}.cache`);
      writeFileSync(`${bundle}.cache.json`, JSON.stringify(stampOf(bundle)));
    });
  }
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { script, cache };
}

/** Compiles and runs `bundle` (a CommonJS file exporting `main`); resolves with `main(argv)`'s exit code. */
function runBundle(bundle, argv, options = {}) {
  const { script } = compileBundle(bundle, options);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports.main(argv);
}

module.exports = { compileBundle, runBundle };

// `node [flags] bin/bundle-loader.cjs BUNDLE`: the build's warm-up run, writing the cache for those flags.
if (require.main === module) {
  runBundle(process.argv[2], ['warm-up'], { writeCache: true }).then((code) => { process.exitCode = code; });
}
