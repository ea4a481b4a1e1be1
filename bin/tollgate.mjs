#!/usr/bin/env -S node --max-semi-space-size=32
// Entry point of the `tollgate` command. It runs the JavaScript that `npm run build` bundled into
// dist/server/ (`npm ci` builds it), while that build is current: every source file it was made from
// still has the mtime and size it had then (dist/server/inputs.json: a few hundred stats, a few
// milliseconds). Otherwise it runs the TypeScript sources through tsx, as slow to start as that is, and
// says so on a terminal: someone who edited src/ and did not rebuild gets their edits, never a stale build.
// A request leaves a few kilobytes of short-lived objects; young-generation space of up to 32 MiB (V8's
// default cap is 16) halves the time a busy server spends collecting them. `npm start` passes the same flag.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered before any of the program is loaded (as the CLI itself would: the version and a newline).
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const build = currentBuild();
  let cli;
  if (build === 'current') {
    cli = await import('../dist/server/cli.js');
  } else {
    if (process.stderr.isTTY) process.stderr.write(`tollgate: ${build}; running the TypeScript sources (slower to start; npm run build)\n`);
    const { register } = await import('tsx/esm/api');
    register();
    cli = await import('../src/cli/main.ts');
  }
  process.exitCode = await cli.main(args);
}

/** 'current', or why the build in dist/server/ is not. */
function currentBuild() {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL('../dist/server/inputs.json', import.meta.url), 'utf8'));
  } catch {
    return 'no build in dist/';
  }
  // Written for a cold start (this runs once, before anything is compiled): plain concatenation, as
  // path.join costs more than the stat itself here.
  const root = fileURLToPath(new URL('..', import.meta.url));
  const options = { throwIfNoEntry: false };
  for (const path in inputs) {
    const [mtimeMs, size] = inputs[path];
    const now = statSync(root + path, options);
    if (now === undefined || now.mtimeMs !== mtimeMs || now.size !== size) return `${path} changed since the last build`;
  }
  return 'current';
}
