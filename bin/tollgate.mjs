#!/usr/bin/env -S node --max-semi-space-size=32
// Entry point of the `tollgate` command: loads the TypeScript sources through tsx, then runs the CLI.
// A request leaves a few kilobytes of short-lived objects; young-generation space of up to 32 MiB (V8's
// default cap is 16) halves the time a busy server spends collecting them. `npm start` passes the same flag.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered before TypeScript is loaded at all (as the CLI itself would: the version and a newline).
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
