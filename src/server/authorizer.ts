/**
 * The authorize step: every check an operation declares is decided by the policy engine against the
 * caller's policies (cached per principal and re-built when the account's generation moves), with
 * the request's global condition keys (IAM-SPEC §4.1). The first denial becomes AWS's AccessDenied.
 */
import { AwsError } from '../kernel/aws-error.ts';
import { AuthorizationRequest, accessDeniedMessage, evaluate, PolicyCache, type ContextInput, type Decision, type PolicySet } from '../policy/index.ts';
import type { AwsManagedPolicyCatalog } from '../services/iam/aws-managed-policy-catalog.ts';
import { loadCallerPolicySet } from '../services/iam/caller-policy-set.ts';
import type { AuthorizationCheck, Caller } from '../services/operation.ts';
import type { Store } from '../store/store.ts';
import type { ServiceName } from './resolve-service.ts';

/** What the request itself says, for the global condition keys. */
export interface RequestFacts {
  readonly sourceIp: string;
  readonly secure: boolean;
  readonly time: Date;
  readonly region: string;
  readonly userAgent: string | undefined;
  readonly referer: string | undefined;
}

/** The outcome of the checks of one request, for the request log. */
export interface AuthorizationOutcome {
  readonly decision: Decision['decision'];
  readonly action: string | undefined;
  /** `kind:policy#statement` of the deciding statement, when one decided. */
  readonly decidedBy: string | undefined;
}

interface CachedPrincipal {
  readonly generation: number;
  readonly set: PolicySet;
  readonly tags: Readonly<Record<string, string>>;
}

/** Decides operations' checks for callers. */
export class Authorizer {
  private readonly principals = new Map<string, CachedPrincipal>();
  readonly cache = new PolicyCache();

  constructor(private readonly store: Store, private readonly catalog: AwsManagedPolicyCatalog) {}

  /** Throws AccessDenied (AccessDeniedException for EKS) at the first check the caller may not pass. */
  async authorize(caller: Caller, checks: readonly AuthorizationCheck[], facts: RequestFacts, service: ServiceName): Promise<AuthorizationOutcome> {
    if (checks.length === 0) return { decision: 'Allowed', action: undefined, decidedBy: undefined };
    const { set, tags } = await this.principal(caller);
    let last: AuthorizationOutcome = { decision: 'Allowed', action: undefined, decidedBy: undefined };
    for (const check of checks) {
      const context: Record<string, ContextInput> = { ...globalKeys(facts), ...tags, ...check.context };
      const request = new AuthorizationRequest({
        principal: caller.principal,
        action: check.action,
        resource: check.resource,
        resourceAccount: check.resourceAccount,
        messageResource: check.messageResource,
        context,
      });
      const decision = evaluate(request, set);
      const deciding = decision.determining[0];
      last = {
        decision: decision.decision,
        action: check.action,
        decidedBy: deciding && `${deciding.policyKind}:${deciding.policyArn ?? deciding.policyName}#${deciding.sid ?? deciding.statementIndex}`,
      };
      if (decision.decision !== 'Allowed') {
        const message = accessDeniedMessage(decision, request) ?? '';
        throw Object.assign(new AwsError(service === 'eks' ? 'AccessDeniedException' : 'AccessDenied', 403, message), { outcome: last });
      }
    }
    return last;
  }

  private async principal(caller: Caller): Promise<CachedPrincipal> {
    const p = caller.principal;
    const key = p.type === 'User' ? p.uniqueId ?? p.arn : 'arn' in p ? p.arn : p.type;
    const generation = await this.store.accounts.generation(caller.accountId);
    const cached = this.principals.get(key);
    if (cached && cached.generation === generation) return cached;
    const set = await loadCallerPolicySet(p, { store: this.store, catalog: this.catalog, cache: this.cache });
    const tags: Record<string, string> = {};
    if (p.type === 'User' && p.uniqueId) {
      const user = await this.store.users.getById(p.accountId, p.uniqueId);
      for (const tag of user?.tags ?? []) tags[`aws:PrincipalTag/${tag.key}`] = tag.value;
    }
    const entry = { generation, set, tags };
    if (this.principals.size > 200_000) this.principals.clear();
    this.principals.set(key, entry);
    return entry;
  }
}

/** The global condition keys every request carries (IAM-SPEC §4.1). */
function globalKeys(facts: RequestFacts): Record<string, ContextInput> {
  const keys: Record<string, ContextInput> = {
    'aws:SourceIp': facts.sourceIp,
    'aws:SecureTransport': facts.secure,
    'aws:CurrentTime': facts.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(facts.time.getTime() / 1000)),
    'aws:RequestedRegion': facts.region,
    'aws:ViaAWSService': false,
  };
  if (facts.userAgent !== undefined) keys['aws:UserAgent'] = facts.userAgent;
  if (facts.referer !== undefined) keys['aws:Referer'] = facts.referer;
  return keys;
}
