/**
 * `tollgate diagnose "TEXT"` (or `-`, or the text piped on standard input): explains an AccessDenied
 * as AWS, its clients or kubectl print it and prints the minimal fix as policy JSON; `--json` prints
 * one object; `--data-dir D` decides the request again over the caller's policies in a Tollgate data
 * directory and verifies the fix. The offline path loads neither the server nor the managed-policy
 * catalogue, so it answers at once.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diagnoseText } from '../diagnose/diagnose-offline.ts';
import { diagnosisJson, type Diagnosis } from '../diagnose/diagnosis.ts';
import { EXPECTED_FORMS } from '../diagnose/parse-denial.ts';
import { renderDiagnosis } from '../diagnose/render-diagnosis.ts';
import type { CommandIo } from './command-io.ts';

const USAGE = 'usage: tollgate diagnose [--json] [--data-dir D | --database URL] [--operation NAME] "DENIAL TEXT" (- or no text reads standard input)';

/** Where the text comes from when it is not an argument; injectable for tests. */
export interface DiagnoseIo extends CommandIo {
  readonly stdinIsTTY?: boolean;
  readonly readStdin?: () => string;
}

/** Runs the command; returns the exit code. */
export async function diagnoseCommand(argv: readonly string[], io: DiagnoseIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, database: { type: 'string' }, operation: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.stderr(`tollgate diagnose: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const fromStdin = positionals.length === 0 ? !(io.stdinIsTTY ?? process.stdin.isTTY ?? false) : positionals.length === 1 && positionals[0] === '-';
  if (positionals.length === 0 && !fromStdin) {
    io.stderr(`tollgate diagnose: no denial text given\n${USAGE}\n`);
    return 2;
  }
  // Unquoted text arrives split into words: put it back together.
  const text = fromStdin ? (io.readStdin ?? (() => readFileSync(0, 'utf8')))() : positionals.join(' ');
  const options = { operation: values.operation };
  let diagnosis: Diagnosis | undefined;
  const dataDir = values['data-dir'];
  if (dataDir === undefined && values.database === undefined) {
    diagnosis = diagnoseText(text, options);
  } else {
    const [{ diagnoseWithStore }, { StartupError }] = await Promise.all([import('../diagnose/store-diagnosis.ts'), import('../startup-error.ts')]);
    try {
      diagnosis = await diagnoseWithStore(text, { dataDir: dataDir ?? '.', database: values.database }, options);
    } catch (error) {
      if (!(error instanceof StartupError)) throw error;
      io.stderr(`tollgate diagnose: ${error.message}\n`);
      return 2;
    }
  }
  if (!diagnosis) {
    io.stderr(`tollgate diagnose: no access denial found in the text; expected ${EXPECTED_FORMS}\n`);
    return 2;
  }
  io.stdout(values.json ? `${JSON.stringify(diagnosisJson(diagnosis))}\n` : renderDiagnosis(diagnosis));
  return 0;
}
