/**
 * Condition blocks compiled for evaluation (docs/aws-behaviour/iam-policy-language.md): every operator block must hold, every key
 * in a block must hold, and a key holds when the request value matches any policy value (none, for the
 * negated operators). Missing keys, `...IfExists`, the set operators and multi-valued keys follow
 * (docs/aws-behaviour/iam-policy-language.md). Policy values are read once here; a value that cannot be read never matches and is
 * reported as a statement error.
 */
import type { ConditionClause, PolicyVersion } from '../policy-document.ts';
import type { RequestContext } from '../request-context.ts';
import { compileGlob } from '../glob.ts';
import { compileVariables, resolveVariables } from '../policy-variables.ts';
import { compileArnPattern, ResourceName } from '../arn-pattern.ts';
import { FAMILIES_WITH_VARIABLES, parseOperator, type OperatorFamily, type ParsedOperator } from './condition-operators.ts';
import { parseAwsDate } from './aws-date.ts';
import { ipInRange, parseIpAddress, parseIpRange } from './ip-range.ts';

/** One policy value's positive test against one request value. */
type ValueTest = (requestValue: string, context: RequestContext) => boolean;

/** A compiled key of an operator block. */
export interface CompiledConditionEntry {
  readonly key: string;
  readonly lowerKey: string;
  readonly policyValues: readonly string[];
  readonly tests: readonly ValueTest[];
}

/** A compiled operator block; `operator` is undefined for an unknown operator with an empty body. */
export interface CompiledClause {
  readonly name: string;
  readonly operator: ParsedOperator | undefined;
  readonly entries: readonly CompiledConditionEntry[];
}

/** Receives each key's outcome while a condition is traced. */
export type ConditionRecorder = (clause: CompiledClause, entry: CompiledConditionEntry, requestValue: string | readonly string[] | undefined, result: boolean) => void;

/** Compiles a statement's Condition; `errors` collects values that cannot be read. */
export function compileCondition(clauses: readonly ConditionClause[], version: PolicyVersion | undefined, errors: string[]): CompiledClause[] {
  return clauses.map((clause) => {
    const operator = parseOperator(clause.operator);
    const entries = clause.entries.map((entry): CompiledConditionEntry => ({
      key: entry.key,
      lowerKey: entry.key.toLowerCase(),
      policyValues: entry.values,
      tests: operator ? entry.values.map((v) => compileValue(operator, v, version === '2012-10-17', errors)) : [],
    }));
    return { name: clause.operator, operator, entries };
  });
}

/** True when every clause holds for `context`. */
export function conditionHolds(clauses: readonly CompiledClause[], context: RequestContext, recorder?: ConditionRecorder): boolean {
  let holds = true;
  for (const clause of clauses) {
    const op = clause.operator;
    if (!op) continue;
    for (const entry of clause.entries) {
      const requestValue = context.get(entry.lowerKey);
      const result = entryHolds(op, entry, requestValue, context);
      if (recorder) recorder(clause, entry, requestValue, result);
      if (!result) {
        holds = false;
        if (!recorder) return false;
      }
    }
  }
  return holds;
}

function entryHolds(op: ParsedOperator, entry: CompiledConditionEntry, value: string | readonly string[] | undefined, context: RequestContext): boolean {
  if (op.family === 'null') {
    return entry.policyValues.some((v) => {
      const lower = v.toLowerCase();
      return lower === 'true' ? value === undefined : lower === 'false' ? value !== undefined : false;
    });
  }
  if (value === undefined) {
    if (op.ifExists || op.set === 'ForAllValues') return true;
    if (op.set === 'ForAnyValue') return false;
    return op.negated;
  }
  if (op.set === 'none') {
    // A plain operator on a multi-valued key does not match (docs/aws-behaviour/iam-policy-language.md).
    return typeof value === 'string' ? valueHolds(op, entry, value, context) : op.negated;
  }
  if (typeof value === 'string') return valueHolds(op, entry, value, context);
  if (op.set === 'ForAnyValue') {
    for (const v of value) if (valueHolds(op, entry, v, context)) return true;
    return false;
  }
  for (const v of value) if (!valueHolds(op, entry, v, context)) return false;
  return true;
}

/** One request value against the key's policy values: any matches (none, for negated operators). */
function valueHolds(op: ParsedOperator, entry: CompiledConditionEntry, value: string, context: RequestContext): boolean {
  let any = false;
  for (const test of entry.tests) {
    if (test(value, context)) {
      any = true;
      break;
    }
  }
  return op.negated ? !any : any;
}

const never: ValueTest = () => false;

function compileValue(op: ParsedOperator, raw: string, variablesOn: boolean, errors: string[]): ValueTest {
  const family: OperatorFamily = op.family;
  const variables = variablesOn && FAMILIES_WITH_VARIABLES.has(family);
  const bad = (what: string): ValueTest => {
    errors.push(`\`${op.name}\`: \`${raw}\` is not ${what}`);
    return never;
  };
  switch (family) {
    case 'string':
    case 'string-ignore-case':
    case 'bool': {
      const fold = family !== 'string';
      const template = variables ? compileVariables(raw, false) : raw;
      if (typeof template === 'string') {
        const want = fold ? template.toLowerCase() : template;
        return fold ? (r) => r.toLowerCase() === want : (r) => r === want;
      }
      return (r, ctx) => {
        const want = resolveVariables(template, ctx, false);
        return want !== undefined && (fold ? r.toLowerCase() === want.toLowerCase() : r === want);
      };
    }
    case 'string-like': {
      const template = variables ? compileVariables(raw, true) : raw;
      if (typeof template === 'string') return compileGlob(template);
      return (r, ctx) => {
        const pattern = resolveVariables(template, ctx, true);
        return pattern !== undefined && compileGlob(pattern)(r);
      };
    }
    case 'numeric-eq':
    case 'numeric-lt':
    case 'numeric-le':
    case 'numeric-gt':
    case 'numeric-ge': {
      const want = parseNumber(raw);
      if (want === undefined) return bad('a number');
      const compare = COMPARE[family];
      return (r) => {
        const got = parseNumber(r);
        return got !== undefined && compare(got, want);
      };
    }
    case 'date-eq':
    case 'date-lt':
    case 'date-le':
    case 'date-gt':
    case 'date-ge': {
      const want = parseAwsDate(raw);
      if (want === undefined) return bad('a date');
      const compare = COMPARE[family];
      return (r) => {
        const got = parseAwsDate(r);
        return got !== undefined && compare(got, want);
      };
    }
    case 'binary': {
      const want = decodeBase64(raw);
      if (want === undefined) return bad('base64');
      return (r) => decodeBase64(r) === want;
    }
    case 'ip': {
      const range = parseIpRange(raw);
      if (!range) return bad('an IP address or CIDR range');
      return (r) => {
        const address = parseIpAddress(r);
        return address !== undefined && ipInRange(address, range);
      };
    }
    case 'arn': {
      const matcher = compileArnPattern(raw, variables, 'whole');
      return (r, ctx) => matcher(new ResourceName(r), ctx);
    }
    case 'null':
      return never;
  }
}

const COMPARE = {
  'numeric-eq': (a: number, b: number) => a === b,
  'numeric-lt': (a: number, b: number) => a < b,
  'numeric-le': (a: number, b: number) => a <= b,
  'numeric-gt': (a: number, b: number) => a > b,
  'numeric-ge': (a: number, b: number) => a >= b,
  'date-eq': (a: number, b: number) => a === b,
  'date-lt': (a: number, b: number) => a < b,
  'date-le': (a: number, b: number) => a <= b,
  'date-gt': (a: number, b: number) => a > b,
  'date-ge': (a: number, b: number) => a >= b,
} as const;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The decoded bytes of a base64 text as a binary string, or undefined when it is not base64. */
function decodeBase64(text: string): string | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64').toString('latin1') : undefined;
}
