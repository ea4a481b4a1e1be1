/**
 * The decision algorithm of IAM (docs/aws-behaviour/iam-policy-evaluation.md): explicit denies first, then every organization
 * level's allow, then the resource-based and identity-based allows limited by boundaries and session
 * policies, with the same-account rule for directly named principals and the cross-account rule that
 * both sides must allow.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 *
 * This is the hot path of every request: it allocates nothing but the decision, and creates no
 * closures, when no trace sink is attached.
 */
import type { AuthorizationRequest } from './authorization-request.ts';
import type { CompiledStatement, StatementRef } from './compiled-policy.ts';
import type { Decision } from './decision.ts';
import type { PolicyKind } from './policy-kind.ts';
import type { PolicySet } from './policy-set.ts';
import { strongerMatch, type PrincipalMatch } from './principal-match.ts';
import { isServiceLinkedRoleSession } from './request-principal.ts';
import { statementMatch, traceStatement } from './statement-match.ts';
import type { TraceSink } from './trace.ts';

/** The actions a role's trust policy governs (docs/aws-behaviour/iam-policy-language.md, docs/aws-behaviour/sts-sessions.md). */
export const TRUST_ACTIONS: ReadonlySet<string> = new Set([
  'sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity',
]);

/**
 * Actions that need no Allow: only an explicit Deny stops them (docs/aws-behaviour/sts-sessions.md).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
const NO_ALLOW_NEEDED: ReadonlySet<string> = new Set(['sts:getsessiontoken']);

const CALLER_IDENTITY: Decision = { decision: 'Allowed', blockedBy: [], determining: [], errors: [] };

/** Statement outcomes computed ahead by a traced evaluation; undefined for the fast path. */
type Traced = ReadonlyMap<CompiledStatement, PrincipalMatch> | undefined;

function matchOf(s: CompiledStatement, request: AuthorizationRequest, set: PolicySet, traced: Traced): PrincipalMatch {
  return traced ? traced.get(s) ?? 'none' : statementMatch(s, request, set.hasBoundary);
}

/** Decides `request` against `set`; with a sink, every statement's evaluation is reported to it. */
export function evaluate(request: AuthorizationRequest, set: PolicySet, sink?: TraceSink): Decision {
  // sts:GetCallerIdentity cannot be denied by any policy (docs/aws-behaviour/iam-policy-evaluation.md).
  if (request.lowerAction === 'sts:getcalleridentity') return CALLER_IDENTITY;
  const traced = sink ? traceAll(request, set, sink) : undefined;
  const view = traced ? set.all : set.forAction(request.lowerAction);

  const p = request.principal;
  const hasIdentity = p.type === 'User' || p.type === 'AssumedRole' || p.type === 'FederatedUser';
  const scpLevels = set.hasScp && (hasIdentity || p.type === 'Account') && !isServiceLinkedRoleSession(p) ? view.scp : NO_LEVELS;
  const rcpLevels = set.hasRcp && p.type !== 'Service' ? view.rcp : NO_LEVELS;
  const useBoundary = hasIdentity && set.hasBoundary;
  const useSession = hasIdentity && set.hasSession;
  const resourceKind: PolicyKind = TRUST_ACTIONS.has(request.lowerAction) ? 'trust' : 'resource';

  // 1. An applicable Deny anywhere decides.
  if (view.hasDeny) {
    const denies: StatementRef[] = [];
    const deniedBy: PolicyKind[] = [];
    const addDenies = (kind: PolicyKind, statements: readonly CompiledStatement[]) => {
      for (const s of statements) {
        if (s.effect !== 'Deny' || matchOf(s, request, set, traced) === 'none') continue;
        denies.push(s.ref);
        if (!deniedBy.includes(kind)) deniedBy.push(kind);
      }
    };
    for (const level of scpLevels) addDenies('scp', level);
    for (const level of rcpLevels) addDenies('rcp', level);
    addDenies(resourceKind, view.resource);
    if (hasIdentity) {
      addDenies('identity', view.identity);
      if (useBoundary) addDenies('boundary', view.boundary);
      if (useSession) addDenies('session', view.session);
    }
    if (denies.length > 0) return { decision: 'ExplicitlyDenied', blockedBy: deniedBy, determining: denies, errors: view.errors };
  }

  // 2. Every organization level must allow.
  const blockedBy: PolicyKind[] = [];
  const determining: StatementRef[] = [];
  for (const level of scpLevels) requireAllow('scp', level, request, set, traced, blockedBy, determining);
  for (const level of rcpLevels) requireAllow('rcp', level, request, set, traced, blockedBy, determining);

  // 3. The resource-based policy, and how it names the caller.
  let resourceMatch: PrincipalMatch = 'none';
  let resourceAllow: StatementRef | undefined;
  for (const s of view.resource) {
    if (s.effect !== 'Allow') continue;
    const match = matchOf(s, request, set, traced);
    if (match === 'none' || strongerMatch(resourceMatch, match) === resourceMatch) continue;
    resourceMatch = match;
    resourceAllow = s.ref;
    if (match === 'direct' && !traced) break;
  }
  const need = requirements(request, hasIdentity, resourceMatch, resourceKind === 'trust');
  if (need.resource && resourceMatch === 'none') blockedBy.push(resourceKind);
  else if (resourceAllow && (need.resource || (!need.identity && hasIdentity))) determining.push(resourceAllow);

  // 4. Identity-based policies, limited by the boundary and the session policies.
  if (need.identity) requireAllow('identity', view.identity, request, set, traced, blockedBy, determining);
  if (need.boundaryAndSession && useBoundary) requireAllow('boundary', view.boundary, request, set, traced, blockedBy, determining);
  if (need.boundaryAndSession && useSession) requireAllow('session', view.session, request, set, traced, blockedBy, determining);

  if (blockedBy.length > 0) return { decision: 'ImplicitlyDenied', blockedBy, determining: [], errors: view.errors };
  return { decision: 'Allowed', blockedBy, determining, errors: view.errors };
}

const NO_LEVELS: readonly (readonly CompiledStatement[])[] = [];

/** Records the first applicable Allow of `statements`, or `kind` as blocking when there is none. */
function requireAllow(
  kind: PolicyKind, statements: readonly CompiledStatement[], request: AuthorizationRequest, set: PolicySet, traced: Traced,
  blockedBy: PolicyKind[], determining: StatementRef[],
): void {
  for (const s of statements) {
    if (s.effect === 'Allow' && matchOf(s, request, set, traced) !== 'none') {
      determining.push(s.ref);
      return;
    }
  }
  if (!blockedBy.includes(kind)) blockedBy.push(kind);
}

interface Requirements {
  readonly resource: boolean;
  readonly identity: boolean;
  readonly boundaryAndSession: boolean;
}
const ROOT_OWN: Requirements = { resource: false, identity: false, boundaryAndSession: false };
const ROOT_CROSS: Requirements = { resource: true, identity: false, boundaryAndSession: false };
const NAMED_DIRECTLY: Requirements = ROOT_OWN;
const GRANTED: Requirements = { resource: false, identity: false, boundaryAndSession: true };
const CROSS_ACCOUNT: Requirements = { resource: true, identity: true, boundaryAndSession: true };
const IDENTITY: Requirements = { resource: false, identity: true, boundaryAndSession: true };

/** Which policies must allow, given how the resource-based policy named the caller (docs/aws-behaviour/iam-policy-evaluation.md). */
function requirements(request: AuthorizationRequest, hasIdentity: boolean, resourceMatch: PrincipalMatch, trustAction: boolean): Requirements {
  // The root user may do everything in its own account; elsewhere the resource must allow it.
  if (request.principal.type === 'Account') return request.crossAccount ? ROOT_CROSS : ROOT_OWN;
  if (!hasIdentity) return ROOT_CROSS; // anonymous and service callers: only a resource-based policy can allow
  if (NO_ALLOW_NEEDED.has(request.lowerAction)) return NAMED_DIRECTLY;
  if (request.crossAccount) return CROSS_ACCOUNT;
  if (resourceMatch === 'direct') return NAMED_DIRECTLY;
  if (resourceMatch === 'grant') return GRANTED;
  // A role can be assumed only when its trust policy allows it explicitly.
  return trustAction ? CROSS_ACCOUNT : IDENTITY;
}

/** Evaluates every statement once, reporting each to the sink in reporting order. */
function traceAll(request: AuthorizationRequest, set: PolicySet, sink: TraceSink): Map<CompiledStatement, PrincipalMatch> {
  const results = new Map<CompiledStatement, PrincipalMatch>();
  const all = set.all;
  for (const list of [...all.scp, ...all.rcp, all.resource, all.identity, all.boundary, all.session]) {
    for (const s of list) {
      const { trace, match } = traceStatement(s, request, set.hasBoundary);
      results.set(s, match);
      sink.statement(trace);
    }
  }
  return results;
}
