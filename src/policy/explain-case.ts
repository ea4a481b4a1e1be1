/** `tollgate policy test --explain`: a case's result together with its explanation. */
import { explain, type Explanation } from './explain.ts';
import { isJsonObject, parseJsonDocument } from './json-document.ts';
import { prepareCase, runCaseLine, type CaseResult } from './policy-case.ts';

/** Runs a case line and, when it could be read, explains its decision. */
export function explainCaseLine(line: string, fallbackName: string): CaseResult & { explanation?: Omit<Explanation, 'decision'> } {
  const result = runCaseLine(line, fallbackName);
  if (result.error !== undefined) return result;
  const value = parseJsonDocument(line);
  const name = isJsonObject(value) && typeof value['name'] === 'string' ? value['name'] : fallbackName;
  const prepared = prepareCase(value, name);
  const { decision: _decision, ...explanation } = explain(prepared.request, prepared.policies);
  return { ...result, explanation };
}
