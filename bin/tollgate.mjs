#!/usr/bin/env -S node --max-semi-space-size=32
// Entry point of the `tollgate` command: loads the TypeScript sources through tsx, then runs the CLI.
// A request leaves a few kilobytes of short-lived objects; young-generation space of up to 32 MiB (V8's
// default cap is 16) halves the time a busy server spends collecting them. `npm start` passes the same flag.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
