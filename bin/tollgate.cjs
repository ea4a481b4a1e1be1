#!/usr/bin/env -S node --max-semi-space-size=32
// Entry point of the `tollgate` command. It runs the JavaScript that `npm run build` bundled into
// dist/server/cli.cjs (`npm ci` builds it), with its V8 code cache (bundle-loader.cjs), while that
// build is current: every source file it was made from still has the mtime and size it had then
// (dist/server/inputs.json: a few hundred stats, a few milliseconds). Otherwise it runs the
// TypeScript sources through tsx, as slow to start as that is, and says so on a terminal: someone who
// edited src/ and did not rebuild gets their edits, never a stale build.
// CommonJS rather than an ES module: Node starts a CommonJS entry without its ES module loader, which
// `--version` and every start would otherwise pay for.
// A request leaves a few kilobytes of short-lived objects; young-generation space of up to 32 MiB (V8's
// default cap is 16) halves the time a busy server spends collecting them. `npm start` passes the same flag.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const args = process.argv.slice(2);

/** 'current', or why the build in dist/server/ is not. */
function currentBuild() {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(root, 'dist', 'server', 'inputs.json'), 'utf8'));
  } catch {
    return 'no build in dist/';
  }
  // Written for a cold start (this runs once, before anything is compiled): plain concatenation, as
  // path.join costs more than the stat itself here.
  const prefix = `${root}/`;
  const options = { throwIfNoEntry: false };
  for (const path in inputs) {
    const [mtimeMs, size] = inputs[path];
    const now = statSync(prefix + path, options);
    if (now === undefined || now.mtimeMs !== mtimeMs || now.size !== size) return `${path} changed since the last build`;
  }
  return 'current';
}

async function run() {
  const build = currentBuild();
  if (build === 'current') {
    const { runBundle } = require('./bundle-loader.cjs');
    return runBundle(join(root, 'dist', 'server', 'cli.cjs'), args);
  }
  if (process.stderr.isTTY) process.stderr.write(`tollgate: ${build}; running the TypeScript sources (slower to start; npm run build)\n`);
  const { register } = await import('tsx/esm/api');
  register();
  const cli = await import('../src/cli/main.ts');
  return cli.main(args);
}

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered before any of the program is loaded (as the CLI itself would: the version and a newline).
  process.stdout.write(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
} else {
  run().then((code) => { process.exitCode = code; });
}
