/** The shape of a validated policy document: what the compiler accepts (docs/aws-behaviour/iam-policy-language.md). */

/** The two policy language versions. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** A Principal / NotPrincipal block: `"*"` or values per principal type. */
export type PrincipalBlock =
  | { readonly wildcard: true }
  | { readonly wildcard: false; readonly AWS: readonly string[]; readonly Service: readonly string[]; readonly Federated: readonly string[]; readonly CanonicalUser: readonly string[] };

/** One key of a condition operator block with its values, booleans and numbers as strings. */
export interface ConditionEntry {
  readonly key: string;
  readonly values: readonly string[];
}

/** One operator block of a Condition, e.g. `StringEquals: {...}`. */
export interface ConditionClause {
  readonly operator: string;
  readonly entries: readonly ConditionEntry[];
}

/** A validated statement; `index` is its position in the document. */
export interface PolicyStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  readonly principal: PrincipalBlock | undefined;
  readonly notPrincipal: PrincipalBlock | undefined;
  readonly action: readonly string[] | undefined;
  readonly notAction: readonly string[] | undefined;
  readonly resource: readonly string[] | undefined;
  readonly notResource: readonly string[] | undefined;
  readonly condition: readonly ConditionClause[];
}

/** A validated policy document. INVARIANT: built only by validatePolicy. */
export interface PolicyDocument {
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  readonly statements: readonly PolicyStatement[];
}
