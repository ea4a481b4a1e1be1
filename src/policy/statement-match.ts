/**
 * Whether one statement applies to a request (docs/aws-behaviour/iam-policy-evaluation.md): its Action, Resource, Principal and
 * Condition must all match. The fast form stops at the first element that fails; the traced form
 * evaluates every element and reports each.
 */
import type { AuthorizationRequest } from './authorization-request.ts';
import type { CompiledStatement } from './compiled-policy.ts';
import { conditionHolds } from './conditions/compile-condition.ts';
import type { PrincipalMatch } from './principal-match.ts';
import type { ConditionTrace, StatementTrace } from './trace.ts';

/**
 * How the statement applies: 'none' when it does not; for statements with a Principal element how the
 * caller was named; 'direct' for statements without one. The Action is taken as already matched
 * (the policy set's index only yields statements whose Action matches).
 */
export function statementMatch(s: CompiledStatement, request: AuthorizationRequest, hasBoundary: boolean): PrincipalMatch {
  if (!resourceMatches(s, request)) return 'none';
  const principal = principalMatch(s, request, hasBoundary);
  if (principal === 'none') return 'none';
  if (s.condition.length > 0 && !conditionHolds(s.condition, request.context)) return 'none';
  return principal;
}

/** Evaluates every element of `s` for the trace; `match` is what statementMatch would return. */
export function traceStatement(s: CompiledStatement, request: AuthorizationRequest, hasBoundary: boolean): { trace: StatementTrace; match: PrincipalMatch } {
  const action = s.actions.matches(request.lowerAction) !== s.notAction;
  const resource = resourceMatches(s, request);
  const principal = s.principals ? principalMatch(s, request, hasBoundary) : undefined;
  const conditions: ConditionTrace[] = [];
  const condition = conditionHolds(s.condition, request.context, (clause, entry, requestValue, result) => {
    conditions.push({ operator: clause.name, key: entry.key, policyValues: entry.policyValues, requestValue, result });
  });
  const applies = action && resource && principal !== 'none' && condition;
  const match: PrincipalMatch = applies ? principal ?? 'direct' : 'none';
  const reportedPrincipal = s.notPrincipal && principal === 'none' ? 'exempt' : principal;
  return {
    trace: { statement: s.ref, effect: s.effect, action, resource, principal: reportedPrincipal, conditions, applies, compiled: s },
    match,
  };
}

function resourceMatches(s: CompiledStatement, request: AuthorizationRequest): boolean {
  const matchers = s.resources;
  if (!matchers) return true;
  let any = false;
  for (const m of matchers) {
    if (m(request.resource, request.context)) {
      any = true;
      break;
    }
  }
  return any !== s.notResource;
}

function principalMatch(s: CompiledStatement, request: AuthorizationRequest, hasBoundary: boolean): PrincipalMatch {
  const matcher = s.principals;
  if (!matcher) return 'direct';
  if (!s.notPrincipal) return matcher.match(request.principal);
  // NotPrincipal in a Deny always applies to principals with a permissions boundary (docs/aws-behaviour/iam-policy-language.md).
  if (s.effect === 'Deny' && hasBoundary) return 'grant';
  return matcher.exempts(request.principal) ? 'none' : 'grant';
}
