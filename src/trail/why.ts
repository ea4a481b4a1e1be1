/**
 * `tollgate why REQUEST_ID` and `GET /_tollgate/why/REQUEST_ID`: the recorded request (its trail event
 * and stored decision) decided again by the authorizer over the policies as they are now, with the
 * engine's `explain`: the policy kinds that blocked it, the deciding statements named by policy and
 * where it is attached (a service control policy: the account it is in effect for), and the minimal fix, verified by deciding the request again with the fix
 * applied, with the AWS CLI command that applies it; and whether the request would be allowed now.
 */
import { explain, type DecisionOutcome, type PolicyKind } from '../policy/index.ts';
import type { AwsManagedPolicyCatalog } from '../services/iam/aws-managed-policy-catalog.ts';
import { trustPolicyFromStore } from '../services/iam/roles/role-trust-policy.ts';
import type { AuthorizationCheck, Caller } from '../services/operation.ts';
import type { Authorizer } from '../server/authorizer.ts';
import type { StoreSession } from '../store/store.ts';
import type { TrailEventRecord } from '../store/trail-records.ts';
import { accountScps, compileHeld, rolePolicies, userPolicies, type Entity, type HeldPolicy } from '../diagnose/held-policies.ts';
import { storedRole } from '../diagnose/stored-request.ts';
import { parseDecisionRecord, type DecisionRecord, type RecordedStatement } from './decision-record.ts';
import { fixChanges, type FixChange } from './fix-commands.ts';

/** A statement as `why` names it. */
export interface WhyStatement {
  /** `attachedTo`: the entity's ARN; for a service control policy, the account it is in effect for. */
  readonly policy: { readonly arn: string | null; readonly name: string; readonly kind: PolicyKind; readonly attachedTo: string | null };
  readonly sid: string | null;
  readonly index: number;
  readonly effect: 'Allow' | 'Deny';
}

/** The explanation, member for member the object `--json` prints. */
export interface WhyExplanation {
  readonly requestId: string;
  readonly eventTime: string;
  readonly principal: string;
  readonly action: string | null;
  readonly resource: string | null;
  /** The decision recorded: Allowed, ImplicitlyDenied, ExplicitlyDenied, or null when the call failed before authorization. */
  readonly decision: DecisionOutcome | null;
  readonly message: string | null;
  readonly blockedBy: readonly PolicyKind[];
  readonly statements: readonly WhyStatement[];
  readonly fix: { readonly verified: boolean; readonly decisionAfter: DecisionOutcome; readonly changes: readonly FixChange[] } | null;
  /** The decision over the policies as they are now. */
  readonly decisionNow: DecisionOutcome | null;
  /** The service control policies in effect for the caller's account now, by name; null when it has none (unrestricted). */
  readonly serviceControlPolicies: { readonly accountId: string; readonly names: readonly string[] } | null;
}

/** What the explanation reads. */
export interface WhyDependencies {
  readonly store: StoreSession;
  readonly catalog: AwsManagedPolicyCatalog;
  readonly authorizer: Authorizer;
}

/** The caller as the store knows it now: the IAM entity whose policies decide, and its session. */
async function callerNow(store: StoreSession, d: DecisionRecord): Promise<{ caller: Caller; entity: Entity | undefined; boundaryArn: string | undefined; roleArn: string | undefined }> {
  const session = d.credentialType === 'session' ? await store.sessions.get(d.accessKeyId) : undefined;
  const caller: Caller = { principal: d.principal, accountId: d.accountId, accessKeyId: d.accessKeyId, credentialType: d.credentialType, ...(session ? { session } : {}) };
  const p = d.principal;
  if (p.type === 'User' && p.uniqueId !== undefined) {
    const user = await store.users.getById(p.accountId, p.uniqueId);
    if (user) return { caller, entity: { type: 'user', name: user.name, id: user.id, accountId: user.accountId }, boundaryArn: user.permissionsBoundaryArn, roleArn: undefined };
  }
  if (p.type === 'AssumedRole' && p.roleUniqueId !== undefined) {
    const role = await store.roles.getById(p.accountId, p.roleUniqueId);
    if (role) return { caller, entity: { type: 'role', name: role.name, id: role.id, accountId: role.accountId }, boundaryArn: role.permissionsBoundaryArn, roleArn: role.arn };
  }
  if (p.type === 'FederatedUser' && session?.principalId !== undefined) {
    const user = await store.users.getById(p.accountId, session.principalId);
    if (user) return { caller, entity: { type: 'user', name: user.name, id: user.id, accountId: user.accountId }, boundaryArn: user.permissionsBoundaryArn, roleArn: undefined };
  }
  return { caller, entity: undefined, boundaryArn: undefined, roleArn: p.type === 'AssumedRole' ? p.roleArn : undefined };
}

/** The check as it would be made now: a role's trust policy read again from the store. */
async function checkNow(store: StoreSession, check: AuthorizationCheck): Promise<{ check: AuthorizationCheck; trust: HeldPolicy | undefined }> {
  if (!check.resourcePolicies?.some((p) => p.kind === 'trust')) return { check, trust: undefined };
  const role = await storedRole(store, check.resource);
  if (!role) return { check: { ...check, resourcePolicies: [] }, trust: undefined };
  const entity: Entity = { type: 'role', name: role.name, id: role.id, accountId: role.accountId };
  const shown = await trustPolicyFromStore(store, role.accountId, role.trustPolicy);
  const trust: HeldPolicy = { origin: { type: 'trust', role: entity, roleArn: role.arn }, document: shown, compiled: compileHeld(role.trustPolicy, 'trust', 'trust', `role/${role.name}`, undefined) };
  return { check: { ...check, resourcePolicies: [{ kind: 'trust', document: role.trustPolicy, name: `role/${role.name}` }] }, trust };
}

function attachedTo(held: HeldPolicy | undefined, d: DecisionRecord): string | null {
  const arn = (e: Entity) => `arn:aws:iam::${e.accountId}:${e.type}/${e.name}`;
  if (held === undefined) return 'arn' in d.principal ? d.principal.arn : null;
  const o = held.origin;
  switch (o.type) {
    case 'inline': return arn(o.owner);
    case 'managed': return arn(o.attachedTo);
    case 'boundary': return arn(o.of);
    case 'trust': return o.roleArn;
    case 'scp': return o.accountId;
  }
}

function named(s: RecordedStatement, held: readonly HeldPolicy[], d: DecisionRecord): WhyStatement {
  const holder = held.find((h) => h.compiled.kind === s.kind && h.compiled.name === s.policyName && h.compiled.arn === s.policyArn);
  return { policy: { arn: s.policyArn ?? null, name: s.policyName, kind: s.kind, attachedTo: s.kind === 'session' ? ('arn' in d.principal ? d.principal.arn : null) : attachedTo(holder, d) }, sid: s.sid ?? null, index: s.index, effect: s.effect };
}

/** The first recorded event of `requestId` that carries a decision (the caller's account's). */
export function decidedEvent(records: readonly TrailEventRecord[], accountId?: string): TrailEventRecord | undefined {
  return records.find((r) => r.decision !== undefined && (accountId === undefined || r.accountId === accountId)) ?? records.find((r) => accountId === undefined || r.accountId === accountId);
}

/** Explains the recorded request `record`. */
export async function explainRecorded(record: TrailEventRecord, deps: WhyDependencies): Promise<WhyExplanation> {
  const event = JSON.parse(record.event) as { errorMessage?: string; userIdentity?: { arn?: string } };
  const base = { requestId: record.requestId, eventTime: record.eventTime.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  if (record.decision === undefined) {
    return { ...base, principal: event.userIdentity?.arn ?? '', action: null, resource: null, decision: null, message: event.errorMessage ?? null, blockedBy: [], statements: [], fix: null, decisionNow: null, serviceControlPolicies: null };
  }
  const d = parseDecisionRecord(record.decision);
  const principal = 'arn' in d.principal ? d.principal.arn : d.principal.type;
  const recordedCheck = d.check;
  if (recordedCheck === undefined) {
    return { ...base, principal, action: null, resource: null, decision: d.decision, message: d.message ?? null, blockedBy: d.blockedBy, statements: [], fix: null, decisionNow: null, serviceControlPolicies: null };
  }
  const { caller, entity, boundaryArn, roleArn } = await callerNow(deps.store, d);
  const held: HeldPolicy[] = entity === undefined ? []
    : entity.type === 'user' ? await userPolicies(deps.store, deps.catalog, entity, boundaryArn)
    : await rolePolicies(deps.store, deps.catalog, entity, boundaryArn);
  const now = await checkNow(deps.store, recordedCheck);
  if (now.trust) held.push(now.trust);
  const scpAccount = 'accountId' in d.principal ? d.principal.accountId : undefined;
  const scps = scpAccount === undefined ? [] : await accountScps(deps.store, scpAccount);
  held.push(...scps);
  const facts = { ...d.facts, time: new Date(d.facts.time), userAgent: d.facts.userAgent, referer: d.facts.referer };
  const { request, set } = await deps.authorizer.rebuild(caller, now.check, facts);
  const explanation = explain(request, set);
  const decisionNow = explanation.decision.decision;
  const suggestion = explanation.suggestion;
  let fix: WhyExplanation['fix'] = null;
  if (suggestion !== undefined) {
    const changes = fixChanges(suggestion.changes, { caller: entity, callerArn: principal, held, session: caller.session, sessionRoleArn: roleArn });
    const applicable = changes.filter((c): c is FixChange => c !== undefined);
    // Verified only when every change has a command: a change no command makes here is not a fix one can apply.
    fix = { verified: suggestion.verified && applicable.length === changes.length, decisionAfter: suggestion.decisionAfter, changes: applicable };
  }
  // The statements that decided then; for an implicit denial none decided: the fix names the missing one.
  const statements = d.statements.map((s) => named(s, held, d));
  return {
    ...base, principal, action: recordedCheck.action, resource: recordedCheck.resource, decision: d.decision, message: d.message ?? null,
    blockedBy: d.blockedBy, statements, fix, decisionNow,
    serviceControlPolicies: scpAccount !== undefined && scps.length > 0 ? { accountId: scpAccount, names: scps.map((h) => h.compiled.name) } : null,
  };
}

/** Explains `requestId`, or undefined when the trail holds no such request (of `accountId`, when given). */
export async function explainRequest(requestId: string, deps: WhyDependencies, accountId?: string): Promise<WhyExplanation | undefined> {
  const record = decidedEvent(await deps.store.trail.byRequestId(requestId), accountId);
  return record && explainRecorded(record, deps);
}
