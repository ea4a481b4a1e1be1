/**
 * The decision algorithm of IAM (IAM-SPEC §5.2–§5.5): explicit denies first, then every organization
 * level's allow, then the resource-based and identity-based allows limited by boundaries and session
 * policies, with the same-account rule for directly named principals and the cross-account rule that
 * both sides must allow.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { AuthorizationRequest } from './authorization-request.ts';
import type { CompiledStatement, StatementRef } from './compiled-policy.ts';
import type { Decision } from './decision.ts';
import type { PolicyKind } from './policy-kind.ts';
import type { ActionView, PolicySet } from './policy-set.ts';
import { strongerMatch, type PrincipalMatch } from './principal-match.ts';
import { isServiceLinkedRoleSession } from './request-principal.ts';
import { statementMatch, traceStatement } from './statement-match.ts';
import type { TraceSink } from './trace.ts';

/** The actions a role's trust policy governs (IAM-SPEC §1.2, §5.4). */
export const TRUST_ACTIONS: ReadonlySet<string> = new Set([
  'sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity',
]);

const CALLER_IDENTITY: Decision = { decision: 'Allowed', blockedBy: [], determining: [], errors: [] };

type Check = (s: CompiledStatement) => PrincipalMatch;

/** Decides `request` against `set`; with a sink, every statement's evaluation is reported to it. */
export function evaluate(request: AuthorizationRequest, set: PolicySet, sink?: TraceSink): Decision {
  // sts:GetCallerIdentity cannot be denied by any policy (IAM-SPEC §5.2).
  if (request.lowerAction === 'sts:getcalleridentity') return CALLER_IDENTITY;
  const view = sink ? set.all : set.forAction(request.lowerAction);
  const check: Check = sink ? tracedCheck(request, set, sink) : (s) => statementMatch(s, request, set.hasBoundary);

  const p = request.principal;
  const hasIdentity = p.type === 'User' || p.type === 'AssumedRole' || p.type === 'FederatedUser';
  const orgExempt = !hasIdentity && p.type !== 'Account' ? true : isServiceLinkedRoleSession(p);
  const scpLevels = set.hasScp && !orgExempt ? view.scp : [];
  const rcpLevels = set.hasRcp && p.type !== 'Service' ? view.rcp : [];
  const useBoundary = hasIdentity && set.hasBoundary;
  const useSession = hasIdentity && set.hasSession;
  const resourceKind: PolicyKind = TRUST_ACTIONS.has(request.lowerAction) ? 'trust' : 'resource';

  // 1. An applicable Deny anywhere decides.
  const denies: StatementRef[] = [];
  const deniedBy: PolicyKind[] = [];
  const collectDenies = (kind: PolicyKind, statements: readonly CompiledStatement[]) => {
    for (const s of statements) {
      if (s.effect !== 'Deny' || check(s) === 'none') continue;
      denies.push(s.ref);
      if (!deniedBy.includes(kind)) deniedBy.push(kind);
    }
  };
  for (const level of scpLevels) collectDenies('scp', level);
  for (const level of rcpLevels) collectDenies('rcp', level);
  collectDenies(resourceKind, view.resource);
  if (hasIdentity) {
    collectDenies('identity', view.identity);
    if (useBoundary) collectDenies('boundary', view.boundary);
    if (useSession) collectDenies('session', view.session);
  }
  if (denies.length > 0) return { decision: 'ExplicitlyDenied', blockedBy: deniedBy, determining: denies, errors: view.errors };

  // 2. Allows.
  const blockedBy: PolicyKind[] = [];
  const determining: StatementRef[] = [];
  const firstAllow = (statements: readonly CompiledStatement[]): StatementRef | undefined => {
    let found: StatementRef | undefined;
    for (const s of statements) {
      if (s.effect !== 'Allow' || check(s) === 'none') continue;
      found ??= s.ref;
      if (!sink) break;
    }
    return found;
  };
  const requireLevels = (kind: PolicyKind, levels: readonly (readonly CompiledStatement[])[]) => {
    for (const level of levels) {
      const allow = firstAllow(level);
      if (allow) determining.push(allow);
      else if (!blockedBy.includes(kind)) blockedBy.push(kind);
    }
  };
  requireLevels('scp', scpLevels);
  requireLevels('rcp', rcpLevels);

  let resourceMatch: PrincipalMatch = 'none';
  let resourceAllow: StatementRef | undefined;
  for (const s of view.resource) {
    if (s.effect !== 'Allow') continue;
    const match = check(s);
    if (match === 'none' || strongerMatch(resourceMatch, match) === resourceMatch) continue;
    resourceMatch = match;
    resourceAllow = s.ref;
    if (match === 'direct' && !sink) break;
  }

  const need = requirements(request, hasIdentity, resourceMatch, resourceKind === 'trust');
  if (need.resource && resourceMatch === 'none') blockedBy.push(resourceKind);
  else if (need.resource || resourceMatch === 'direct' || resourceMatch === 'grant') {
    if (resourceAllow && (need.resource || !need.identity)) determining.push(resourceAllow);
  }
  const requireAllow = (kind: PolicyKind, wanted: boolean, statements: readonly CompiledStatement[]) => {
    if (!wanted) return;
    const allow = firstAllow(statements);
    if (allow) determining.push(allow);
    else blockedBy.push(kind);
  };
  requireAllow('identity', need.identity, view.identity);
  requireAllow('boundary', need.boundaryAndSession && useBoundary, view.boundary);
  requireAllow('session', need.boundaryAndSession && useSession, view.session);

  if (blockedBy.length > 0) return { decision: 'ImplicitlyDenied', blockedBy, determining: [], errors: view.errors };
  return { decision: 'Allowed', blockedBy: [], determining, errors: view.errors };
}

/** Which policies must allow, given how the resource-based policy named the caller (IAM-SPEC §5.2–§5.5). */
function requirements(request: AuthorizationRequest, hasIdentity: boolean, resourceMatch: PrincipalMatch, trustAction: boolean) {
  const p = request.principal;
  if (p.type === 'Account') {
    // The root user may do everything in its own account; elsewhere the resource must allow it.
    return { resource: request.crossAccount, identity: false, boundaryAndSession: false };
  }
  if (!hasIdentity) return { resource: true, identity: false, boundaryAndSession: false };
  if (request.crossAccount) return { resource: true, identity: true, boundaryAndSession: true };
  if (resourceMatch === 'direct') return { resource: false, identity: false, boundaryAndSession: false };
  if (resourceMatch === 'grant') return { resource: false, identity: false, boundaryAndSession: true };
  // A role can be assumed only when its trust policy allows it explicitly.
  return { resource: trustAction, identity: true, boundaryAndSession: true };
}

/** Evaluates every statement once, reporting each to the sink, and answers from those results. */
function tracedCheck(request: AuthorizationRequest, set: PolicySet, sink: TraceSink): Check {
  const results = new Map<CompiledStatement, PrincipalMatch>();
  const all: ActionView = set.all;
  for (const list of [...all.scp, ...all.rcp, all.resource, all.identity, all.boundary, all.session]) {
    for (const s of list) {
      const { trace, match } = traceStatement(s, request, set.hasBoundary);
      results.set(s, match);
      sink.statement(trace);
    }
  }
  return (s) => results.get(s) ?? 'none';
}
