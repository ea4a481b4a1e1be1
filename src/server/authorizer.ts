/**
 * The authorize step: every check an operation declares is decided by the policy engine against the
 * caller's policies (cached per principal, or per session for temporary credentials, and re-built when
 * the account's generation moves), with the request's global condition keys (docs/aws-behaviour/iam-policy-evaluation.md) and the
 * check's resource-based policies (a role's trust policy). The first denial becomes AWS's AccessDenied,
 * an AccessDeniedError that carries its decision.
 */
import { BoundedMemo } from '../kernel/bounded-memo.ts';
import { systemClock, type Clock } from '../kernel/clock.ts';
import {
  AuthorizationRequest, accessDeniedMessage, evaluate, PolicyCache, PolicySet, RequestContext,
  type CompiledPolicy, type ContextInput, type Decision, type RequestPrincipal, type StatementRef,
} from '../policy/index.ts';
import type { AwsManagedPolicyCatalog } from '../services/iam/aws-managed-policy-catalog.ts';
import { loadCallerPolicySet } from '../services/iam/caller-policy-set.ts';
import type { AuthorizationCheck, Caller, ResourcePolicy } from '../services/operation.ts';
import type { Store } from '../store/store.ts';
import { AccessDeniedError } from './access-denied-error.ts';
import { denialSummary } from './denial-summary.ts';
import { GenerationCheckedCache } from './generation-checked-cache.ts';
import type { ServiceName } from './resolve-service.ts';
import { assertSessionMayCall, principalTagKeys, sessionKeys } from './session-context.ts';

/** What the request itself says, for the global condition keys. */
export interface RequestFacts {
  readonly sourceIp: string;
  readonly secure: boolean;
  readonly time: Date;
  readonly region: string;
  readonly userAgent: string | undefined;
  readonly referer: string | undefined;
}

/** The service a request is for, as authorization needs it: its name and how its protocol spells a denial. */
export interface AuthorizedService {
  readonly name: ServiceName;
  /** `AccessDenied` (awsQuery) or `AccessDeniedException` (restJson1): the service codec's `errorCodes.accessDenied`. */
  readonly accessDeniedCode: string;
}

/** The outcome of the checks of one request, for the request log. */
export interface AuthorizationOutcome {
  readonly decision: Decision['decision'];
  /** Every action decided, in order, when the operation needs more than one (`eks:CreateCluster`, `iam:PassRole`). */
  readonly checks: readonly string[] | undefined;
  /** `kind:policy#statement` of the deciding statement; for an implicit denial, the statement missing (see denial-summary.ts). */
  readonly decidedBy: string | undefined;
  /** A denial's reason, as AWS's message ends. */
  readonly reason: string | undefined;
  /** The last check decided and its decision (the denied one for a denial), for the audit trail. */
  readonly decided?: { readonly check: AuthorizationCheck; readonly decision: Decision } | undefined;
}

const NOTHING_TO_DECIDE: AuthorizationOutcome = { decision: 'Allowed', checks: undefined, decidedBy: undefined, reason: undefined };

interface CachedPrincipal {
  readonly set: PolicySet;
  /** The caller's own condition keys: the principal's, its tags and, for temporary credentials, the session's. */
  readonly context: RequestContext;
  /** Decisions under the global keys of the caller's latest request (see `Authorizer.authorize`). */
  decisions?: RecentDecisions;
}

/**
 * The decisions of one caller under one layer of global keys (one client, one second). A decision is a
 * function of the caller's policies and keys (fixed for a cached principal), the global keys (fixed
 * for the layer) and the check, so a check that brings no keys or policies of its own is decided once:
 * a client that repeats a call within the second gets the decision already made.
 */
interface RecentDecisions {
  readonly principal: RequestPrincipal;
  readonly layer: RequestContext;
  readonly context: RequestContext;
  readonly byCheck: BoundedMemo<string, Decision>;
}

/** The most checks remembered per caller and second. */
const RECENT_DECISIONS_MAX = 256;

/** The most callers whose policy sets are kept (principals and live sessions in use). */
const PRINCIPALS_MAX = 4096;

/** Decides operations' checks for callers. */
export class Authorizer {
  /** Bounded, trusted while the caller's account is unchanged, and a session's entry goes when the session expires. */
  private readonly principals: GenerationCheckedCache<CachedPrincipal>;
  private readonly globalKeys = new GlobalKeys();
  private readonly cache = new PolicyCache();

  constructor(private readonly store: Store, private readonly catalog: AwsManagedPolicyCatalog, clock: Clock = systemClock, maxPrincipals = PRINCIPALS_MAX) {
    this.principals = new GenerationCheckedCache(store.accounts, maxPrincipals, clock);
  }

  /** How many callers' policy sets are kept (for tests of the bound). */
  get cachedPrincipals(): number {
    return this.principals.size;
  }

  /** Throws an AccessDeniedError, with the service's code, at the first check the caller may not pass. */
  async authorize(caller: Caller, checks: readonly AuthorizationCheck[], facts: RequestFacts, service: AuthorizedService): Promise<AuthorizationOutcome> {
    assertSessionMayCall(caller, service.name, checks);
    if (checks.length === 0) return NOTHING_TO_DECIDE;
    const cached = await this.principal(caller);
    const layer = this.globalKeys.of(facts);
    let recent = cached.decisions;
    if (recent === undefined || recent.layer !== layer || recent.principal !== caller.principal) {
      // Principal tags and session keys never share a name with a global key, so the order of layers is moot.
      recent = { principal: caller.principal, layer, context: cached.context.extend(layer), byCheck: new BoundedMemo(RECENT_DECISIONS_MAX) };
      cached.decisions = recent;
    }
    const requestContext = recent.context;
    const actions = checks.length > 1 ? checks.map((check) => check.action) : undefined;
    let last: AuthorizationOutcome = NOTHING_TO_DECIDE;
    for (const check of checks) {
      const ownKeys = check.context !== undefined && hasKeys(check.context);
      const context = ownKeys ? requestContext.extend(check.context!) : requestContext;
      const memoKey = ownKeys || check.resourcePolicies ? undefined : `${check.action}\n${check.resource}\n${check.resourceAccount ?? ''}`;
      let decision = memoKey === undefined ? undefined : recent.byCheck.peek(memoKey);
      let request: AuthorizationRequest | undefined;
      if (decision === undefined) {
        request = authorizationRequest(caller, check, context);
        const set = check.resourcePolicies ? new PolicySet({ ...cached.set.input, resource: check.resourcePolicies.map((p) => this.resourcePolicy(p)) }) : cached.set;
        decision = evaluate(request, set);
        if (memoKey !== undefined) recent.byCheck.set(memoKey, decision);
      }
      const deciding = decision.determining[0];
      last = { decision: decision.decision, checks: actions, decidedBy: deciding && decidedBy(deciding), reason: undefined, decided: { check, decision } };
      if (decision.decision !== 'Allowed') {
        request ??= authorizationRequest(caller, check, context);
        const message = accessDeniedMessage(decision, request) ?? '';
        const outcome: AuthorizationOutcome = { decision: decision.decision, checks: actions, ...denialSummary(decision, request, last.decidedBy), decided: { check, decision } };
        throw new AccessDeniedError(service.accessDeniedCode, message, outcome);
      }
    }
    return last;
  }

  /**
   * The request and policy set `authorize` would decide `check` with, for `caller` and `facts`, built
   * from the store as it is now (for `tollgate why`: the recorded request decided again).
   */
  async rebuild(caller: Caller, check: AuthorizationCheck, facts: RequestFacts): Promise<{ request: AuthorizationRequest; set: PolicySet }> {
    const cached = await this.principal(caller);
    const layered = cached.context.extend(new RequestContext(globalKeys(facts, Math.floor(facts.time.getTime() / 1000) * 1000)));
    const context = check.context !== undefined && hasKeys(check.context) ? layered.extend(check.context) : layered;
    const set = check.resourcePolicies ? new PolicySet({ ...cached.set.input, resource: check.resourcePolicies.map((p) => this.resourcePolicy(p)) }) : cached.set;
    return { request: authorizationRequest(caller, check, context), set };
  }

  private principal(caller: Caller): Promise<CachedPrincipal> {
    const p = caller.principal;
    const key = caller.session ? `session:${caller.accessKeyId}` : p.type === 'User' ? p.uniqueId ?? p.arn : 'arn' in p ? p.arn : p.type;
    return this.principals.current(key, () => this.derivePrincipal(key, caller));
  }

  /** The caller's policy set and keys, from the records of its account. */
  private derivePrincipal(key: string, caller: Caller): Promise<CachedPrincipal> {
    const session = caller.session;
    return this.principals.derive(key, caller.accountId, async (): Promise<CachedPrincipal> => ({
      set: await loadCallerPolicySet(caller.principal, { store: this.store, catalog: this.catalog, cache: this.cache }, session),
      context: RequestContext.forPrincipal(caller.principal).extend(await this.callerKeys(caller)),
    }), session?.expiresAt.getTime());
  }

  /** Principal tags (role or user tags, overlaid by session tags) and the keys of temporary credentials. */
  private async callerKeys(caller: Caller): Promise<Record<string, ContextInput>> {
    const p = caller.principal;
    const session = caller.session;
    let base: readonly { key: string; value: string }[] = [];
    if (p.type === 'User' && p.uniqueId) base = (await this.store.users.getById(p.accountId, p.uniqueId))?.tags ?? [];
    else if (p.type === 'AssumedRole' && p.roleUniqueId) base = (await this.store.roles.getById(p.accountId, p.roleUniqueId))?.tags ?? [];
    else if (p.type === 'FederatedUser' && session?.principalId) base = (await this.store.users.getById(p.accountId, session.principalId))?.tags ?? [];
    if (!session) return principalTagKeys(base);
    return { ...principalTagKeys(base, session.tags), ...sessionKeys(session) };
  }

  /** A check's resource-based policy, compiled once per document. */
  private resourcePolicy(policy: ResourcePolicy): CompiledPolicy {
    return this.cache.compiled({ kind: policy.kind, name: policy.name, arn: undefined, document: policy.document });
  }
}

function authorizationRequest(caller: Caller, check: AuthorizationCheck, context: RequestContext): AuthorizationRequest {
  return new AuthorizationRequest({
    principal: caller.principal,
    action: check.action,
    resource: check.resource,
    resourceAccount: check.resourceAccount,
    messageResource: check.messageResource,
    context,
  });
}

function hasKeys(record: object): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

/** Names of deciding statements, made once per compiled statement. */
const statementNames = new WeakMap<StatementRef, string>();

/** `kind:policy#statement` of a statement, for the request log. */
function decidedBy(statement: StatementRef): string {
  let name = statementNames.get(statement);
  if (name === undefined) statementNames.set(statement, (name = `${statement.policyKind}:${statement.policyArn ?? statement.policyName}#${statement.sid ?? statement.statementIndex}`));
  return name;
}

/**
 * The global condition keys every request carries (docs/aws-behaviour/iam-policy-evaluation.md). They change with the second and the
 * client, so each distinct set is built once a second and laid over callers' keys as it is.
 */
class GlobalKeys {
  private second = Number.NaN;
  /** This second's layers, by client; started afresh each second (and past its bound). */
  private readonly layers = new BoundedMemo<string, RequestContext>(1024);

  /** The facts and layer of the last request: under load, most requests come from the client before. */
  private last: { readonly facts: RequestFacts; readonly layer: RequestContext } | undefined;

  of(facts: RequestFacts): RequestContext {
    const ms = facts.time.getTime();
    const second = Math.floor(ms / 1000);
    if (second !== this.second) {
      this.second = second;
      this.layers.clear();
      this.last = undefined;
    }
    const last = this.last;
    if (last !== undefined && sameClient(last.facts, facts)) return last.layer;
    const key = `${facts.sourceIp} ${facts.secure} ${facts.region} ${facts.userAgent === undefined ? '-' : `+${facts.userAgent}`} ${facts.referer === undefined ? '-' : `+${facts.referer}`}`;
    let layer = this.layers.peek(key);
    if (layer === undefined) this.layers.set(key, (layer = new RequestContext(globalKeys(facts, second * 1000))));
    this.last = { facts, layer };
    return layer;
  }
}

function sameClient(a: RequestFacts, b: RequestFacts): boolean {
  return a.sourceIp === b.sourceIp && a.secure === b.secure && a.region === b.region && a.userAgent === b.userAgent && a.referer === b.referer;
}

function globalKeys(facts: RequestFacts, secondMs: number): Record<string, ContextInput> {
  const keys: Record<string, ContextInput> = {
    'aws:SourceIp': facts.sourceIp,
    'aws:SecureTransport': facts.secure,
    'aws:CurrentTime': new Date(secondMs).toISOString().replace('.000Z', 'Z'),
    'aws:EpochTime': String(secondMs / 1000),
    'aws:RequestedRegion': facts.region,
    'aws:ViaAWSService': false,
  };
  if (facts.userAgent !== undefined) keys['aws:UserAgent'] = facts.userAgent;
  if (facts.referer !== undefined) keys['aws:Referer'] = facts.referer;
  return keys;
}
