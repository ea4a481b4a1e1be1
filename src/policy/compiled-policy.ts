/**
 * A validated policy compiled for evaluation: actions lower-cased into a set plus wildcard matchers and
 * indexed by service prefix, resources into ARN matchers, principals and conditions into matchers.
 */
import { compileArnPattern, type ArnMatcher } from './arn-pattern.ts';
import { compileCondition, type CompiledClause } from './conditions/compile-condition.ts';
import { compileGlob, hasWildcard, type GlobMatcher } from './glob.ts';
import type { PolicyDocument, PolicyStatement } from './policy-document.ts';
import type { PolicyKind } from './policy-kind.ts';
import { compilePrincipals, type PrincipalMatcher } from './principal-match.ts';

/** Where a statement comes from: reported in decisions and explanations. */
export interface StatementRef {
  readonly policyKind: PolicyKind;
  /** The caller's name for the policy (for inline policies, its name). */
  readonly policyName: string;
  /** The managed policy's ARN; undefined for inline policies. */
  readonly policyArn: string | undefined;
  /** The organization level (root, OU or account id) of an SCP or RCP. */
  readonly orgIdentifier: string | undefined;
  readonly statementIndex: number;
  readonly sid: string | undefined;
}

/** Matches lower-cased action names. */
export interface ActionMatcher {
  readonly patterns: readonly string[];
  matches(lowerAction: string): boolean;
  /** The service prefixes the patterns can match; undefined when any service. */
  readonly services: readonly string[] | undefined;
}

/** One statement, compiled. */
export interface CompiledStatement {
  readonly ref: StatementRef;
  readonly source: PolicyStatement;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: ActionMatcher;
  readonly notAction: boolean;
  /** Undefined when the statement has no Resource element (trust policies): it applies to its resource. */
  readonly resources: readonly ArnMatcher[] | undefined;
  readonly notResource: boolean;
  readonly principals: PrincipalMatcher | undefined;
  readonly notPrincipal: boolean;
  readonly condition: readonly CompiledClause[];
  /** Policy values that cannot be read (they never match). */
  readonly errors: readonly string[];
}

/** One policy, compiled. */
export interface CompiledPolicy {
  readonly kind: PolicyKind;
  readonly name: string;
  readonly arn: string | undefined;
  readonly orgIdentifier: string | undefined;
  readonly document: PolicyDocument;
  readonly statements: readonly CompiledStatement[];
}

/** Identifies a policy being compiled. */
export interface PolicyIdentity {
  readonly kind: PolicyKind;
  readonly name: string;
  readonly arn?: string | undefined;
  readonly orgIdentifier?: string | undefined;
}

/** Compiles a validated document. */
export function compilePolicy(document: PolicyDocument, identity: PolicyIdentity): CompiledPolicy {
  const base = { kind: identity.kind, name: identity.name, arn: identity.arn, orgIdentifier: identity.orgIdentifier };
  return {
    ...base,
    document,
    statements: document.statements.map((statement) => compileStatement(statement, document, base)),
  };
}

/** A copy of `policy` keeping only the statements `keep` accepts. */
export function withStatements(policy: CompiledPolicy, keep: (statement: CompiledStatement) => boolean): CompiledPolicy {
  return { ...policy, statements: policy.statements.filter(keep) };
}

function compileStatement(statement: PolicyStatement, document: PolicyDocument, policy: Omit<PolicyIdentity, 'arn'> & { arn: string | undefined }): CompiledStatement {
  const errors: string[] = [];
  const variables = document.version === '2012-10-17';
  const resourceList = statement.resource ?? statement.notResource;
  const principalBlock = statement.principal ?? statement.notPrincipal;
  return {
    ref: {
      policyKind: policy.kind,
      policyName: policy.name,
      policyArn: policy.arn,
      orgIdentifier: policy.orgIdentifier,
      statementIndex: statement.index,
      sid: statement.sid,
    },
    source: statement,
    effect: statement.effect,
    actions: compileActions(statement.action ?? statement.notAction ?? []),
    notAction: statement.notAction !== undefined,
    resources: resourceList?.map((r) => compileArnPattern(r, variables, 'resource-part')),
    notResource: statement.notResource !== undefined,
    principals: principalBlock && compilePrincipals(principalBlock),
    notPrincipal: statement.notPrincipal !== undefined,
    condition: compileCondition(statement.condition, document.version, errors),
    errors,
  };
}

function compileActions(patterns: readonly string[]): ActionMatcher {
  const exact = new Set<string>();
  const globs: GlobMatcher[] = [];
  const services = new Set<string>();
  let anyService = false;
  for (const pattern of patterns) {
    const lower = pattern.toLowerCase();
    if (hasWildcard(lower)) globs.push(compileGlob(lower));
    else exact.add(lower);
    const colon = lower.indexOf(':');
    const service = colon < 0 ? lower : lower.slice(0, colon);
    if (colon < 0 || hasWildcard(service)) anyService = true;
    else services.add(service);
  }
  const matches =
    globs.length === 0
      ? (action: string) => exact.has(action)
      : (action: string) => {
          if (exact.has(action)) return true;
          for (const glob of globs) if (glob(action)) return true;
          return false;
        };
  return { patterns, matches, services: anyService ? undefined : [...services] };
}
