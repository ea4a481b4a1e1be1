/**
 * `tollgate policy test FILE.jsonl...`: decides one case per line, prints one JSON result per line and
 * then `N passed, M failed`; the exit code is 1 when any case fails (policy unit tests in CI).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCaseLine, type CaseResult } from '../policy/policy-case.ts';
import { explainCaseLine } from '../policy/explain-case.ts';

/** Output streams, injectable for tests. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile?: (path: string) => string;
}

const USAGE = 'usage: tollgate policy test [--explain] [--failures-only] FILE.jsonl... (- reads standard input)';

/** Runs the command; returns the exit code. */
export function policyTestCommand(argv: readonly string[], io: CommandIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { explain: { type: 'boolean', default: false }, 'failures-only': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.stderr(`tollgate policy test: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const read = io.readFile ?? ((path: string) => readFileSync(path === '-' ? 0 : path, 'utf8'));
  let passed = 0;
  let failed = 0;
  for (const file of parsed.positionals) {
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
      const result: CaseResult & { explanation?: unknown } = parsed.values.explain ? explainCaseLine(line, fallbackName) : runCaseLine(line, fallbackName);
      if (result.pass === true) passed++;
      else if (result.pass === false) failed++;
      if (!parsed.values['failures-only'] || result.pass === false) io.stdout(`${JSON.stringify(result)}\n`);
    });
  }
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
