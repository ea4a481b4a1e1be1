/**
 * The condition operators of IAM (docs/aws-behaviour/iam-policy-language.md) as one table. Each base operator names how its policy
 * values are read (`family`), whether it is a negation (true when the request value matches none of the
 * values, and when the key is absent), and whether policy variables are substituted.
 * `...IfExists`, `ForAllValues:` and `ForAnyValue:` wrap any of them except Null.
 */
export const CONDITION_OPERATORS = {
  StringEquals: { family: 'string', negated: false },
  StringNotEquals: { family: 'string', negated: true },
  StringEqualsIgnoreCase: { family: 'string-ignore-case', negated: false },
  StringNotEqualsIgnoreCase: { family: 'string-ignore-case', negated: true },
  StringLike: { family: 'string-like', negated: false },
  StringNotLike: { family: 'string-like', negated: true },
  NumericEquals: { family: 'numeric-eq', negated: false },
  NumericNotEquals: { family: 'numeric-eq', negated: true },
  NumericLessThan: { family: 'numeric-lt', negated: false },
  NumericLessThanEquals: { family: 'numeric-le', negated: false },
  NumericGreaterThan: { family: 'numeric-gt', negated: false },
  NumericGreaterThanEquals: { family: 'numeric-ge', negated: false },
  DateEquals: { family: 'date-eq', negated: false },
  DateNotEquals: { family: 'date-eq', negated: true },
  DateLessThan: { family: 'date-lt', negated: false },
  DateLessThanEquals: { family: 'date-le', negated: false },
  DateGreaterThan: { family: 'date-gt', negated: false },
  DateGreaterThanEquals: { family: 'date-ge', negated: false },
  Bool: { family: 'bool', negated: false },
  BinaryEquals: { family: 'binary', negated: false },
  IpAddress: { family: 'ip', negated: false },
  NotIpAddress: { family: 'ip', negated: true },
  ArnEquals: { family: 'arn', negated: false },
  ArnLike: { family: 'arn', negated: false },
  ArnNotEquals: { family: 'arn', negated: true },
  ArnNotLike: { family: 'arn', negated: true },
  Null: { family: 'null', negated: false },
} as const;

/** A base operator name. */
export type BaseOperator = keyof typeof CONDITION_OPERATORS;
/** How a base operator reads and compares values. */
export type OperatorFamily = (typeof CONDITION_OPERATORS)[BaseOperator]['family'];

/** An operator name taken apart. */
export interface ParsedOperator {
  readonly name: string;
  readonly base: BaseOperator;
  readonly family: OperatorFamily;
  readonly negated: boolean;
  readonly ifExists: boolean;
  readonly set: 'none' | 'ForAllValues' | 'ForAnyValue';
}

const BY_LOWER_NAME = new Map<string, BaseOperator>(
  (Object.keys(CONDITION_OPERATORS) as BaseOperator[]).map((name) => [name.toLowerCase(), name]),
);

/** Families whose values may hold policy variables (docs/aws-behaviour/iam-policy-language.md). */
export const FAMILIES_WITH_VARIABLES: ReadonlySet<OperatorFamily> = new Set(['string', 'string-ignore-case', 'string-like', 'arn', 'bool']);

/** Parses an operator name such as `ForAnyValue:StringLikeIfExists`; undefined when unknown. */
export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let set: ParsedOperator['set'] = 'none';
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === 'forallvalues') set = 'ForAllValues';
    else if (qualifier === 'foranyvalue') set = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  const base = BY_LOWER_NAME.get(rest.toLowerCase());
  if (!base) return undefined;
  const { family, negated } = CONDITION_OPERATORS[base];
  if (family === 'null' && (ifExists || set !== 'none')) return undefined;
  return { name, base, family, negated, ifExists, set };
}
