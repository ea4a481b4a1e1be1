/**
 * The condition keys a policy refers to, as GetContextKeysForCustomPolicy and
 * GetContextKeysForPrincipalPolicy list them: the keys of its Condition blocks and the keys named by
 * policy variables (`${aws:username}`), in document order, each once (key names are case-insensitive),
 * spelled as the policy first spells it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForCustomPolicy.html
 */
import type { PolicyDocument, PolicyStatement } from '../policy/index.ts';

const VARIABLE = /\$\{([^{}$]*)\}/g;
const WITH_DEFAULT = /^\s*([^,\s]+)\s*,\s*'[^']*'\s*$/;

/** The keys of `documents`, in order, without repeats. */
export function contextKeysOf(documents: readonly PolicyDocument[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (key: string) => {
    const lower = key.toLowerCase();
    if (seen.has(lower)) return;
    seen.add(lower);
    out.push(key);
  };
  for (const document of documents) for (const statement of document.statements) statementKeys(statement, document.version === '2012-10-17', add);
  return out;
}

/** Calls `add` with each key one statement refers to, in the order its elements are read. */
export function statementKeys(statement: PolicyStatement, variablesOn: boolean, add: (key: string) => void): void {
  if (variablesOn) for (const value of statement.resource ?? statement.notResource ?? []) variableKeys(value, add);
  for (const clause of statement.condition) {
    for (const entry of clause.entries) {
      add(entry.key);
      if (variablesOn) for (const value of entry.values) variableKeys(value, add);
    }
  }
}

/** The keys of the policy variables in `text` (the escapes `${*}`, `${?}`, `${$}` name none). */
export function variableKeys(text: string, add: (key: string) => void): void {
  if (!text.includes('${')) return;
  for (const m of text.matchAll(VARIABLE)) {
    const body = m[1] ?? '';
    if (body === '*' || body === '?' || body === '') continue;
    const key = WITH_DEFAULT.exec(body)?.[1] ?? body.trim();
    if (key !== '' && !/\s/.test(key)) add(key);
  }
}
