/**
 * Golden files: the exact bytes the encoders write, kept beside them in src/protocol/golden/ rather
 * than as literals in the tests. A test compares what an encoder writes with its golden file exactly;
 * `npm run test:update-golden` (scripts/update-golden.mjs) runs those tests with
 * TOLLGATE_UPDATE_GOLDEN=1, which rewrites each file from the current encoders instead, so an
 * intended change to the wire is one command and a reviewed diff of the golden files.
 */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the golden files. */
export const GOLDEN_DIRECTORY = fileURLToPath(new URL('../../src/protocol/golden/', import.meta.url));

const UPDATE_HINT = 'if the change is intended, run `npm run test:update-golden` and review the diff of src/protocol/golden/';

/**
 * Asserts that `actual` is, byte for byte, the golden file `name` (e.g. `iam-get-user.xml`); in update
 * mode writes `actual` to it instead.
 */
export function assertGolden(name: string, actual: string): void {
  if (!/^[a-z0-9][a-z0-9.-]*\.(xml|json)$/.test(name)) throw new Error(`golden file name \`${name}\`: lower-case words and dots, ending .xml or .json`);
  const file = `${GOLDEN_DIRECTORY}${name}`;
  if (process.env['TOLLGATE_UPDATE_GOLDEN'] === '1') {
    const seen = process.env['TOLLGATE_GOLDEN_SEEN'];
    if (seen) appendFileSync(seen, `${name}\n`);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) assert.fail(`no golden file src/protocol/golden/${name}; ${UPDATE_HINT}`);
  const expected = readFileSync(file, 'utf8');
  if (actual !== expected) assert.fail(`${describeDifference(name, expected, actual)}\n${UPDATE_HINT}`);
}

/** Where `actual` first departs from `expected`, with the text around it on both sides (escaped, so CR, controls and spaces show). */
export function describeDifference(name: string, expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const before = expected.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const from = Math.max(0, at - 60);
  const around = (text: string) => `${from > 0 ? '…' : ''}${JSON.stringify(text.slice(from, at + 60)).slice(1, -1)}${at + 60 < text.length ? '…' : ''}`;
  const pointer = ' '.repeat(JSON.stringify(expected.slice(from, at)).length - 2 + (from > 0 ? 1 : 0));
  return [
    `the encoder's output differs from golden file src/protocol/golden/${name} at character ${at} (line ${line}, column ${column}); `
      + `golden ${expected.length} characters, encoder ${actual.length}:`,
    `  golden:  ${around(expected)}`,
    `  encoder: ${around(actual)}`,
    `           ${pointer}^`,
  ].join('\n');
}
