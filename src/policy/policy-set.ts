/**
 * The policies that bear on one caller's requests (docs/aws-behaviour/iam-policy-evaluation.md), compiled once and indexed so a
 * decision touches only statements whose Action can match: statements are bucketed by service
 * prefix, and the statements matching each action are memoised. A decision's cost therefore depends
 * on the statements that could apply, never on how many principals or policies the account holds.
 */
import { BoundedMemo } from '../kernel/bounded-memo.ts';
import type { CompiledPolicy, CompiledStatement } from './compiled-policy.ts';
import type { StatementError } from './decision.ts';

/** One level of an organization (root, OU or account) and its SCPs or RCPs. */
export interface OrganizationLevel {
  readonly orgIdentifier: string;
  readonly policies: readonly CompiledPolicy[];
}

/** What makes up a policy set. Empty `boundary` / `session` lists mean there is none. */
export interface PolicySetInput {
  readonly identity?: readonly CompiledPolicy[];
  readonly boundary?: readonly CompiledPolicy[];
  readonly session?: readonly CompiledPolicy[];
  /** The resource-based policy of the resource (for the role-trust actions: the role's trust policy). */
  readonly resource?: readonly CompiledPolicy[];
  readonly scp?: readonly OrganizationLevel[];
  readonly rcp?: readonly OrganizationLevel[];
}

/** The statements of each kind whose Action matches one action, in policy order. */
export interface ActionView {
  readonly identity: readonly CompiledStatement[];
  readonly boundary: readonly CompiledStatement[];
  readonly session: readonly CompiledStatement[];
  readonly resource: readonly CompiledStatement[];
  readonly scp: readonly (readonly CompiledStatement[])[];
  readonly rcp: readonly (readonly CompiledStatement[])[];
  /** The unreadable policy values of these statements. */
  readonly errors: readonly StatementError[];
  /** True when any of these statements is a Deny (most views have none, so the deny pass is skipped). */
  readonly hasDeny: boolean;
}

const MEMO_LIMIT = 2048;

/** A compiled, indexed policy set. */
export class PolicySet {
  readonly hasBoundary: boolean;
  readonly hasSession: boolean;
  readonly hasScp: boolean;
  readonly hasRcp: boolean;
  /** Every statement of every kind, unfiltered: what a traced decision walks. */
  readonly all: ActionView;
  private readonly index: { readonly [K in Exclude<keyof ActionView, 'errors' | 'hasDeny'>]: ServiceIndex | readonly ServiceIndex[] };
  /** Views by action: a pure function of the set, so started afresh past its bound at no risk. */
  private readonly memo = new BoundedMemo<string, ActionView>(MEMO_LIMIT);

  constructor(readonly input: PolicySetInput) {
    const statementsOf = (policies: readonly CompiledPolicy[] | undefined) => (policies ?? []).flatMap((p) => p.statements);
    this.all = withErrors({
      identity: statementsOf(input.identity),
      boundary: statementsOf(input.boundary),
      session: statementsOf(input.session),
      resource: statementsOf(input.resource),
      scp: (input.scp ?? []).map((level) => statementsOf(level.policies)),
      rcp: (input.rcp ?? []).map((level) => statementsOf(level.policies)),
    });
    this.hasBoundary = (input.boundary ?? []).length > 0;
    this.hasSession = (input.session ?? []).length > 0;
    this.hasScp = (input.scp ?? []).length > 0;
    this.hasRcp = (input.rcp ?? []).length > 0;
    this.index = {
      identity: new ServiceIndex(this.all.identity),
      boundary: new ServiceIndex(this.all.boundary),
      session: new ServiceIndex(this.all.session),
      resource: new ServiceIndex(this.all.resource),
      scp: this.all.scp.map((s) => new ServiceIndex(s)),
      rcp: this.all.rcp.map((s) => new ServiceIndex(s)),
    };
  }

  /** The statements whose Action or NotAction matches `lowerAction` (a lower-cased `service:Name`). */
  forAction(lowerAction: string): ActionView {
    let view = this.memo.peek(lowerAction);
    if (view) return view;
    const pick = (index: ServiceIndex) => index.matching(lowerAction);
    const { identity, boundary, session, resource, scp, rcp } = this.index as {
      identity: ServiceIndex; boundary: ServiceIndex; session: ServiceIndex; resource: ServiceIndex; scp: ServiceIndex[]; rcp: ServiceIndex[];
    };
    view = withErrors({
      identity: pick(identity),
      boundary: pick(boundary),
      session: pick(session),
      resource: pick(resource),
      scp: scp.map(pick),
      rcp: rcp.map(pick),
    });
    this.memo.set(lowerAction, view);
    return view;
  }
}

function withErrors(view: Omit<ActionView, 'errors' | 'hasDeny'>): ActionView {
  const errors: StatementError[] = [];
  let hasDeny = false;
  for (const list of [view.identity, view.boundary, view.session, view.resource, ...view.scp, ...view.rcp]) {
    for (const s of list) {
      for (const message of s.errors) errors.push({ statement: s.ref, message });
      if (s.effect === 'Deny') hasDeny = true;
    }
  }
  return { ...view, errors, hasDeny };
}

/** Statements bucketed by the service prefixes their Action can match. */
class ServiceIndex {
  private readonly byService = new Map<string, CompiledStatement[]>();
  private readonly anyService: CompiledStatement[] = [];

  constructor(statements: readonly CompiledStatement[]) {
    for (const s of statements) {
      const services = s.notAction ? undefined : s.actions.services;
      if (!services) this.anyService.push(s);
      else for (const service of services) if (!this.byService.has(service)) this.byService.set(service, []);
    }
    // Buckets keep policy order: each holds its service's statements and the any-service ones.
    for (const s of statements) {
      const services = s.notAction ? undefined : s.actions.services;
      for (const [service, bucket] of this.byService) if (!services || services.includes(service)) bucket.push(s);
    }
  }

  matching(lowerAction: string): CompiledStatement[] {
    const colon = lowerAction.indexOf(':');
    const bucket = this.byService.get(colon < 0 ? lowerAction : lowerAction.slice(0, colon)) ?? this.anyService;
    return bucket.filter((s) => s.actions.matches(lowerAction) !== s.notAction);
  }
}
