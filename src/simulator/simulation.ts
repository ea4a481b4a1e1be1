/**
 * The IAM policy simulator's core: each (action, resource) pair becomes an AuthorizationRequest decided
 * by the same engine as real requests (src/policy/), traced so that the deciding statements, the
 * missing context keys and the boundary's and organization's own verdicts can be reported. One
 * EvaluationResult per action aggregates its resources: the most restrictive decision, the statements
 * that led to it, every missing key; ResourceSpecificResults holds each resource's own result.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 */
import {
  AuthorizationRequest, evaluate, PolicySet, RequestContext, TraceRecorder,
  type ContextInput, type DecisionOutcome, type PolicyKind, type RequestPrincipal, type StatementTrace,
} from '../policy/index.ts';
import type { CompiledStatement } from '../policy/compiled-policy.ts';
import { variableKeys } from './context-keys.ts';
import type { SimulatedPolicy } from './simulated-policy.ts';
import { moreRestrictive, type EvalDecision, type EvaluationResult, type MatchedStatement, type ResourceSpecificResult } from './simulation-result.ts';

/** What a simulation runs on. */
export interface SimulationInput {
  readonly identity: readonly SimulatedPolicy[];
  /** The permissions boundary (AWS takes one). */
  readonly boundary: readonly SimulatedPolicy[];
  /** Service control policies, one list per organization level from the root to the account. */
  readonly organizations: readonly (readonly SimulatedPolicy[])[];
  readonly resourcePolicy: SimulatedPolicy | undefined;
  /** The simulated caller. */
  readonly caller: RequestPrincipal;
  /** The account owning resources whose ARN names none; the caller's when undefined. */
  readonly resourceOwner: string | undefined;
  /** The requested resources; undefined when the request named none (`*`, no per-resource results). */
  readonly resourceArns: readonly string[] | undefined;
  /** The request's condition keys: the ContextEntries, nothing else. */
  readonly context: Readonly<Record<string, ContextInput>>;
  /** The ARN template of the action's resource type for the top-level EvalResourceName, when known. */
  readonly resourceTemplate?: (action: string, resources: readonly string[]) => string | undefined;
}

const DECISIONS: Readonly<Record<DecisionOutcome, EvalDecision>> = { Allowed: 'allowed', ImplicitlyDenied: 'implicitDeny', ExplicitlyDenied: 'explicitDeny' };
/** Only statements of these kinds are reported in MatchedStatements and MissingContextValues (not SCPs, not boundaries). */
const REPORTED_KINDS: ReadonlySet<PolicyKind> = new Set(['identity', 'resource', 'trust']);
/** The names AWS gives the policy types in EvalDecisionDetails. */
const IDENTITY_DETAIL = 'IAM Policy';
const RESOURCE_DETAIL = 'Resource Policy';

interface Located {
  readonly policy: SimulatedPolicy;
  readonly statement: MatchedStatement;
}

/** A simulation over fixed policies, caller and resources; evaluates one action at a time. */
export class Simulation {
  private readonly set: PolicySet;
  private readonly located = new Map<CompiledStatement, Located>();
  /** The organization level of each SCP statement. */
  private readonly levelOf = new Map<CompiledStatement, number>();

  constructor(private readonly input: SimulationInput) {
    this.set = new PolicySet({
      identity: input.identity.map((p) => p.compiled),
      boundary: input.boundary.map((p) => p.compiled),
      resource: input.resourcePolicy ? [input.resourcePolicy.compiled] : [],
      scp: input.organizations.map((level, i) => ({ orgIdentifier: `level-${i + 1}`, policies: level.map((p) => p.compiled) })),
    });
    input.organizations.forEach((level, i) => {
      for (const policy of level) for (const s of policy.compiled.statements) this.levelOf.set(s, i);
    });
    const all = [...input.identity, ...input.boundary, ...input.organizations.flat(), ...(input.resourcePolicy ? [input.resourcePolicy] : [])];
    for (const policy of all) {
      policy.compiled.statements.forEach((s, i) => {
        const span = policy.spans[i];
        if (!span) return;
        this.located.set(s, {
          policy,
          statement: {
            SourcePolicyId: policy.id,
            SourcePolicyType: policy.type,
            StartPosition: { Line: span.start.line, Column: span.start.column },
            EndPosition: { Line: span.end.line, Column: span.end.column },
          },
        });
      });
    }
  }

  /** The EvaluationResult of `action` over every requested resource. */
  evaluateAction(action: string): EvaluationResult {
    const { input } = this;
    const resources = input.resourceArns ?? ['*'];
    const results = resources.map((resource) => this.evaluateOne(action, resource));
    let decision: EvalDecision = 'allowed';
    for (const r of results) decision = moreRestrictive(decision, r.EvalResourceDecision);
    const matched = new Map<string, MatchedStatement>();
    const missing = new Map<string, string>();
    for (const r of results) {
      if (r.EvalResourceDecision === decision) for (const s of r.MatchedStatements) matched.set(statementKey(s), s);
      for (const key of r.MissingContextValues) if (!missing.has(key.toLowerCase())) missing.set(key.toLowerCase(), key);
    }
    const template = input.resourceArns ? input.resourceTemplate?.(action, input.resourceArns) : undefined;
    const top: EvaluationResult = {
      EvalActionName: action,
      EvalResourceName: template ?? '*',
      EvalDecision: decision,
      MatchedStatements: [...matched.values()],
      MissingContextValues: [...missing.values()],
      ...this.organizationsDetail(results.map((r) => r.organizations)),
      ...boundaryDetail(results.map((r) => r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary)),
      ...topDecisionDetails(results.map((r) => r.EvalDecisionDetails)),
    };
    if (!input.resourceArns) return top;
    return { ...top, ResourceSpecificResults: results.map(({ organizations: _, ...r }) => r) };
  }

  private organizationsDetail(verdicts: readonly (boolean | undefined)[]): Pick<EvaluationResult, 'OrganizationsDecisionDetail'> {
    if (this.input.organizations.length === 0) return {};
    return { OrganizationsDecisionDetail: { AllowedByOrganizations: verdicts.every((v) => v !== false) } };
  }

  private evaluateOne(action: string, resource: string): ResourceSpecificResult & { organizations: boolean | undefined } {
    const { input } = this;
    // An ARN names its owner by a 12-digit account (not `aws`, not empty as S3's do).
    const arnAccount = /^\d{12}$/.test(resource.split(':')[4] ?? '') ? resource.split(':')[4] : undefined;
    const callerAccount = 'accountId' in input.caller ? input.caller.accountId : undefined;
    const resourceAccount = arnAccount || input.resourceOwner || callerAccount;
    // The simulated request carries the ContextEntries only: keys the caller would imply are not added.
    const context = new RequestContext(input.context, undefined, input.caller);
    const request = new AuthorizationRequest({ principal: input.caller, action, resource, resourceAccount, context });
    const recorder = new TraceRecorder();
    const decision = DECISIONS[evaluate(request, this.set, recorder).decision];
    const traces = recorder.statements;
    const reported = traces.filter((t) => REPORTED_KINDS.has(t.statement.policyKind));

    const effect = decision === 'allowed' ? 'Allow' : decision === 'explicitDeny' ? 'Deny' : undefined;
    const matched = effect ? reported.filter((t) => t.applies && t.effect === effect).flatMap((t) => this.locatedStatement(t)) : [];
    const result: ResourceSpecificResult = {
      EvalResourceName: resource,
      EvalResourceDecision: decision,
      MatchedStatements: matched,
      MissingContextValues: this.missingKeys(reported, request),
      ...this.decisionDetails(request, traces, resource),
      ...(input.boundary.length > 0 ? { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: allows(traces, ['boundary']) === 'allowed' } } : {}),
    };
    const organizations = input.organizations.length > 0 ? this.organizationsAllow(traces) : undefined;
    return { ...result, organizations };
  }

  /** True when no SCP denies and every organization level has an SCP that allows. */
  private organizationsAllow(traces: readonly StatementTrace[]): boolean {
    const allowing = new Set<number>();
    for (const t of traces) {
      const level = this.levelOf.get(t.compiled);
      if (!t.applies || level === undefined) continue;
      if (t.effect === 'Deny') return false;
      allowing.add(level);
    }
    return allowing.size === this.input.organizations.length;
  }

  private locatedStatement(trace: StatementTrace): MatchedStatement[] {
    const located = this.located.get(trace.compiled);
    return located ? [located.statement] : [];
  }

  /** Keys referenced by statements whose Action matches, that the request does not carry. */
  private missingKeys(traces: readonly StatementTrace[], request: AuthorizationRequest): string[] {
    const out = new Map<string, string>();
    const note = (key: string) => {
      const lower = key.toLowerCase();
      if (!out.has(lower) && request.context.get(lower) === undefined) out.set(lower, key);
    };
    for (const t of traces) {
      if (!t.action) continue;
      const located = this.located.get(t.compiled);
      if (located?.policy.document.version === '2012-10-17') for (const r of t.compiled.source.resource ?? t.compiled.source.notResource ?? []) variableKeys(r, note);
      for (const c of t.conditions) note(c.key);
    }
    return [...out.values()];
  }

  /** Per policy type, for cross-account requests; present but empty for a named resource in the caller's account. */
  private decisionDetails(request: AuthorizationRequest, traces: readonly StatementTrace[], resource: string): Pick<ResourceSpecificResult, 'EvalDecisionDetails'> {
    if (!request.crossAccount) return resource === '*' ? {} : { EvalDecisionDetails: {} };
    return { EvalDecisionDetails: { [IDENTITY_DETAIL]: allows(traces, ['identity']), [RESOURCE_DETAIL]: allows(traces, ['resource', 'trust']) } };
  }
}

/** How the statements of `kinds` alone decide: an applicable Deny, else an applicable Allow, else none. */
function allows(traces: readonly StatementTrace[], kinds: readonly PolicyKind[]): EvalDecision {
  let allowed = false;
  for (const t of traces) {
    if (!t.applies || !kinds.includes(t.statement.policyKind)) continue;
    if (t.effect === 'Deny') return 'explicitDeny';
    allowed = true;
  }
  return allowed ? 'allowed' : 'implicitDeny';
}


function boundaryDetail(verdicts: readonly (boolean | undefined)[]): Pick<EvaluationResult, 'PermissionsBoundaryDecisionDetail'> {
  if (verdicts.every((v) => v === undefined)) return {};
  return { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: verdicts.every((v) => v !== false) } };
}

/** The most restrictive decision per policy type across the resources. */
function topDecisionDetails(details: readonly (Record<string, EvalDecision> | undefined)[]): Pick<EvaluationResult, 'EvalDecisionDetails'> {
  if (details.every((d) => d === undefined)) return {};
  const out: Record<string, EvalDecision> = {};
  for (const d of details) for (const [kind, decision] of Object.entries(d ?? {})) out[kind] = out[kind] ? moreRestrictive(out[kind], decision) : decision;
  return { EvalDecisionDetails: out };
}

function statementKey(s: MatchedStatement): string {
  return `${s.SourcePolicyId}\u0000${s.SourcePolicyType}\u0000${s.StartPosition.Line}:${s.StartPosition.Column}`;
}
