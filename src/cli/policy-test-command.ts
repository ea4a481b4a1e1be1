/**
 * `tollgate policy test FILE.jsonl...`: decides one case per line, prints one JSON result per line and
 * then `N passed, M failed`; the exit code is 1 when any case fails (policy unit tests in CI).
 */
import { readFileSync } from 'node:fs';
import { runCaseLine, type CaseResult } from '../policy/policy-case.ts';
import { explainCaseLine } from '../policy/explain-case.ts';
import type { CommandIo } from './command-io.ts';

/** The settings of `policy test`. */
export interface PolicyTestOptions {
  readonly explain: boolean;
  readonly failuresOnly: boolean;
}

/** Runs the command on `files` (`-` is standard input); returns the exit code. */
export function policyTestCommand(files: readonly string[], options: PolicyTestOptions, io: CommandIo): number {
  const read = io.readFile ?? ((path: string) => readFileSync(path === '-' ? 0 : path, 'utf8'));
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = read(file);
    } catch (error) {
      io.stderr(`tollgate policy test: cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const fallbackName = `${file}:${i + 1}`;
      const result: CaseResult & { explanation?: unknown } = options.explain ? explainCaseLine(line, fallbackName) : runCaseLine(line, fallbackName);
      if (result.pass === true) passed++;
      else if (result.pass === false) failed++;
      if (!options.failuresOnly || result.pass === false) io.stdout(`${JSON.stringify(result)}\n`);
    });
  }
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
