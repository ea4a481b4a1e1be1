/**
 * Explanations: which statements decided a request, how each element of every statement matched, and
 * for a denial the smallest change that would allow it, checked by deciding again with the change
 * applied. Views over the trace (OPA's explanation filters); evaluation itself is unchanged.
 */
import type { AuthorizationRequest } from './authorization-request.ts';
import { compilePolicy, withStatements, type CompiledPolicy, type StatementRef } from './compiled-policy.ts';
import type { Decision, DecisionOutcome } from './decision.ts';
import { evaluate } from './evaluate.ts';
import type { PolicyDocument, PolicyStatement } from './policy-document.ts';
import type { PolicyKind } from './policy-kind.ts';
import { PolicySet, type OrganizationLevel, type PolicySetInput } from './policy-set.ts';
import { principalMessageArn } from './request-principal.ts';
import { TraceRecorder, type StatementTrace } from './trace.ts';

/** A statement to add, in IAM's JSON shape. */
export interface SuggestedStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Principal?: { readonly AWS: string } | { readonly Service: string } | '*';
  readonly Action: string;
  readonly Resource?: string;
}

/** One change to the policies. */
export type PolicyChange =
  | { readonly change: 'remove-statement'; readonly statement: StatementRef }
  | { readonly change: 'add-statement'; readonly policyKind: PolicyKind; readonly orgIdentifier?: string; readonly statement: SuggestedStatement };

/** The smallest change found, and what deciding again with it gave. */
export interface Suggestion {
  readonly changes: readonly PolicyChange[];
  readonly decisionAfter: DecisionOutcome;
  /** True when the request is allowed once the changes are applied. */
  readonly verified: boolean;
}

/** A statement's trace without the compiled statement, fit for JSON. */
export type StatementTraceView = Omit<StatementTrace, 'compiled'>;

/** A decision with its full trace and, for a denial, a suggestion. */
export interface Explanation {
  readonly decision: Decision;
  readonly statements: readonly StatementTraceView[];
  readonly suggestion: Suggestion | undefined;
}

/** Decides `request` with tracing and explains the result. */
export function explain(request: AuthorizationRequest, set: PolicySet): Explanation {
  const recorder = new TraceRecorder();
  const decision = evaluate(request, set, recorder);
  const statements = recorder.statements.map(({ compiled: _compiled, ...view }) => view);
  const suggestion = decision.decision === 'Allowed' ? undefined : suggest(request, set, decision, recorder.statements);
  return { decision, statements, suggestion };
}

function suggest(request: AuthorizationRequest, set: PolicySet, decision: Decision, traces: readonly StatementTrace[]): Suggestion {
  const changes: PolicyChange[] = [];
  let input: PolicySetInput = set.input;
  let current = decision;
  if (decision.decision === 'ExplicitlyDenied') {
    const denying = new Set(traces.filter((t) => t.effect === 'Deny' && t.applies).map((t) => t.compiled));
    for (const t of traces) if (denying.has(t.compiled)) changes.push({ change: 'remove-statement', statement: t.statement });
    input = mapPolicies(input, (p) => withStatements(p, (s) => !denying.has(s)));
    current = evaluate(request, new PolicySet(input));
  }
  if (current.decision === 'ImplicitlyDenied') {
    const retrace = new TraceRecorder();
    evaluate(request, new PolicySet(input), retrace);
    for (const kind of current.blockedBy) {
      const statement = allowStatement(request, kind);
      const levels = kind === 'scp' ? input.scp : kind === 'rcp' ? input.rcp : undefined;
      if (levels) {
        const lacking = levels.filter((level) => !retrace.statements.some((t) => t.applies && t.effect === 'Allow' && t.statement.orgIdentifier === level.orgIdentifier && t.statement.policyKind === kind));
        for (const level of lacking) changes.push({ change: 'add-statement', policyKind: kind, orgIdentifier: level.orgIdentifier, statement });
        input = { ...input, [kind]: levels.map((level) => (lacking.includes(level) ? addToLevel(level, kind, statement) : level)) };
      } else {
        changes.push({ change: 'add-statement', policyKind: kind, statement });
        const slot = kind === 'trust' ? 'resource' : (kind as 'identity' | 'boundary' | 'session' | 'resource');
        input = { ...input, [slot]: [...(input[slot] ?? []), suggestedPolicy(kind, statement)] };
      }
    }
    current = evaluate(request, new PolicySet(input));
  }
  return { changes, decisionAfter: current.decision, verified: current.decision === 'Allowed' };
}

function allowStatement(request: AuthorizationRequest, kind: PolicyKind): SuggestedStatement {
  const base = { Sid: 'TollgateSuggested', Effect: 'Allow' as const, Action: request.action };
  const p = request.principal;
  const resource = request.resource.text;
  if (kind === 'resource' || kind === 'trust') {
    const principal =
      p.type === 'Anonymous' ? ('*' as const)
      : p.type === 'Service' ? { Service: p.service }
      : { AWS: p.type === 'AssumedRole' ? p.roleArn : principalMessageArn(p) };
    return kind === 'trust' ? { ...base, Principal: principal } : { ...base, Principal: principal, Resource: resource };
  }
  return { ...base, Resource: resource };
}

function suggestedPolicy(kind: PolicyKind, statement: SuggestedStatement, orgIdentifier?: string): CompiledPolicy {
  const source: PolicyStatement = {
    index: 0,
    sid: statement.Sid,
    effect: 'Allow',
    principal: statement.Principal === undefined ? undefined
      : statement.Principal === '*' ? { wildcard: true }
      : { wildcard: false, AWS: 'AWS' in statement.Principal ? [statement.Principal.AWS] : [], Service: 'Service' in statement.Principal ? [statement.Principal.Service] : [], Federated: [], CanonicalUser: [] },
    notPrincipal: undefined,
    action: [statement.Action],
    notAction: undefined,
    resource: statement.Resource === undefined ? undefined : [statement.Resource],
    notResource: undefined,
    condition: [],
  };
  const document: PolicyDocument = { version: '2012-10-17', id: undefined, statements: [source] };
  return compilePolicy(document, { kind, name: 'TollgateSuggested', orgIdentifier });
}

function addToLevel(level: OrganizationLevel, kind: PolicyKind, statement: SuggestedStatement): OrganizationLevel {
  return { ...level, policies: [...level.policies, suggestedPolicy(kind, statement, level.orgIdentifier)] };
}

function mapPolicies(input: PolicySetInput, f: (p: CompiledPolicy) => CompiledPolicy): PolicySetInput {
  const levels = (list: readonly OrganizationLevel[] | undefined) => list?.map((l) => ({ ...l, policies: l.policies.map(f) }));
  return {
    identity: input.identity?.map(f),
    boundary: input.boundary?.map(f),
    session: input.session?.map(f),
    resource: input.resource?.map(f),
    scp: levels(input.scp),
    rcp: levels(input.rcp),
  };
}
