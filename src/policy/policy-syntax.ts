/**
 * The syntax stage of policy validation (docs/aws-behaviour/iam-policy-language.md): a JSON value becomes raw statements or
 * the answer is `Syntax errors in policy.`. Later stages check rules on the raw statements.
 */
import { isJsonObject, type JsonValue } from './json-document.ts';
import type { ConditionClause, PolicyStatement, PolicyVersion, PrincipalBlock } from './policy-document.ts';
import { parseOperator } from './conditions/condition-operators.ts';

/** A statement that passed the syntax stage; Effect is still as written (legacy parsing checks case). */
export type RawStatement = Omit<PolicyStatement, 'index' | 'effect'> & { readonly effect: string };

/** A document that passed the syntax stage. */
export interface RawDocument {
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  readonly statements: readonly RawStatement[];
}

const TOP_LEVEL_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

/** Reads `value` as a policy document; undefined means `Syntax errors in policy.`. */
export function readPolicySyntax(value: JsonValue): RawDocument | undefined {
  if (!isJsonObject(value)) return undefined;
  for (const key of Object.keys(value)) if (!TOP_LEVEL_KEYS.has(key)) return undefined;
  const version = value['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') return undefined;
  const id = value['Id'];
  if (id !== undefined && typeof id !== 'string') return undefined;
  const body = value['Statement'];
  const list = Array.isArray(body) ? body : isJsonObject(body) ? [body] : undefined;
  if (!list || list.length === 0) return undefined;
  const statements: RawStatement[] = [];
  for (const item of list) {
    const statement = readStatement(item);
    if (!statement) return undefined;
    statements.push(statement);
  }
  return { version, id, statements };
}

function readStatement(value: JsonValue): RawStatement | undefined {
  if (!isJsonObject(value)) return undefined;
  for (const key of Object.keys(value)) if (!STATEMENT_KEYS.has(key)) return undefined;
  const has = (key: string) => value[key] !== undefined;
  if ((has('Action') && has('NotAction')) || (has('Resource') && has('NotResource')) || (has('Principal') && has('NotPrincipal'))) return undefined;
  const effect = value['Effect'];
  if (typeof effect !== 'string' || !/^(allow|deny)$/i.test(effect)) return undefined;
  const sid = value['Sid'];
  if (sid !== undefined && typeof sid !== 'string') return undefined;
  const action = stringList(value['Action']);
  const notAction = stringList(value['NotAction']);
  const resource = stringList(value['Resource']);
  const notResource = stringList(value['NotResource']);
  const principal = principalBlock(value['Principal']);
  const notPrincipal = principalBlock(value['NotPrincipal']);
  const condition = conditionBlock(value['Condition']);
  if ([action, notAction, resource, notResource, principal, notPrincipal, condition].includes(null)) return undefined;
  return {
    sid,
    effect,
    principal: principal ?? undefined,
    notPrincipal: notPrincipal ?? undefined,
    action: action ?? undefined,
    notAction: notAction ?? undefined,
    resource: resource ?? undefined,
    notResource: notResource ?? undefined,
    condition: condition ?? [],
  };
}

/** A string or list of strings; undefined when absent, null when malformed. */
function stringList(value: JsonValue | undefined): string[] | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return null;
  for (const item of value) if (typeof item !== 'string') return null;
  return value as string[];
}

function principalBlock(value: JsonValue | undefined): PrincipalBlock | undefined | null {
  if (value === undefined) return undefined;
  if (value === '*') return { wildcard: true };
  if (!isJsonObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length === 0) return null;
  const block = { wildcard: false as const, AWS: [] as string[], Service: [] as string[], Federated: [] as string[], CanonicalUser: [] as string[] };
  for (const key of keys) {
    const type = PRINCIPAL_TYPES.find((t) => t === key);
    if (!type) return null;
    const values = stringList(value[key]);
    if (!values) return null;
    block[type] = values;
  }
  return block;
}

function conditionBlock(value: JsonValue | undefined): ConditionClause[] | undefined | null {
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) return null;
  const clauses: ConditionClause[] = [];
  for (const [operator, body] of Object.entries(value)) {
    if (!isJsonObject(body)) return null;
    const entries = Object.entries(body);
    // An unknown operator with an empty body passes (docs/aws-behaviour/iam-policy-language.md); it then constrains nothing.
    if (!parseOperator(operator) && entries.length > 0) return null;
    const parsed: { key: string; values: string[] }[] = [];
    for (const [key, raw] of entries) {
      const values = conditionValues(raw);
      if (!values) return null;
      parsed.push({ key, values });
    }
    clauses.push({ operator, entries: parsed });
  }
  return clauses;
}

function conditionValues(value: JsonValue): string[] | undefined {
  const scalar = (v: JsonValue): string | undefined =>
    typeof v === 'string' ? v : typeof v === 'boolean' || typeof v === 'number' ? String(v) : undefined;
  if (!Array.isArray(value)) {
    const one = scalar(value);
    return one === undefined ? undefined : [one];
  }
  const out: string[] = [];
  for (const item of value) {
    const one = scalar(item);
    if (one === undefined) return undefined;
    out.push(one);
  }
  return out;
}
