/**
 * `tollgate diagnose` from the text alone (useful against real AWS): parse, explain, propose fixes.
 * Nothing is decided here, so nothing is verified; `--data-dir` does that (store-diagnosis.ts).
 */
import { deniedRequest } from './denied-request.ts';
import type { Diagnosis } from './diagnosis.ts';
import { explainDenial } from './explain-denial.ts';
import { offlineFixes } from './offline-fixes.ts';
import { parseDenial, withOperation } from './parse-denial.ts';

/** What the user adds to the text. */
export interface DiagnoseOptions {
  /** The operation that was called, for texts that do not name it. */
  readonly operation?: string | undefined;
}

/** The diagnosis of `text`; undefined when it holds no denial. */
export function diagnoseText(text: string, options: DiagnoseOptions = {}): Diagnosis | undefined {
  const parsed = parseDenial(text);
  if (!parsed) return undefined;
  const denial = withOperation(parsed, options.operation);
  const request = deniedRequest(denial);
  return { denial, explanation: explainDenial(request), fixes: offlineFixes(request), verified: false };
}
