/**
 * `tollgate diagnose --data-dir DIR`: the denied request decided again by Tollgate's own policy engine
 * over the caller's policies in the data directory (read only), the deciding statement named (or, for
 * a missing Allow, the statements that came closest), and the fixes applied to a copy of those
 * policies and the request decided once more: `verified` only when that allows it.
 */
import { evaluate, explain, PolicySet, type AuthorizationRequest, type Decision, type PolicyKind, type StatementRef } from '../policy/index.ts';
import type { ConditionTrace } from '../policy/trace.ts';
import type { AwsManagedPolicyCatalog } from '../services/iam/aws-managed-policy-catalog.ts';
import type { StoreSession } from '../store/store.ts';
import type { StoreLocation } from '../store-location.ts';
import { deniedRequest, type DeniedRequest } from './denied-request.ts';
import type { Diagnosis, Fix, PolicyType } from './diagnosis.ts';
import { explainDenial } from './explain-denial.ts';
import { policyLabel, type HeldPolicy } from './held-policies.ts';
import { offlineFixes } from './offline-fixes.ts';
import type { DiagnoseOptions } from './diagnose-offline.ts';
import { parseDenial, withOperation } from './parse-denial.ts';
import { allowFix, removeStatement, type StoredFix } from './stored-fixes.ts';
import { passedToByTrust, storedRequest } from './stored-request.ts';

const KIND_WORDS: Readonly<Record<PolicyKind, PolicyType>> = {
  identity: 'identity-based policy', boundary: 'permissions boundary', session: 'session policy', resource: 'resource-based policy',
  trust: 'role trust policy', scp: 'service control policy', rcp: 'resource control policy',
};

/** Kinds of policy a data directory does not hold: denials they decided cannot be decided again. */
const NOT_HELD: readonly PolicyType[] = ['session policy', 'resource control policy', 'VPC endpoint policy'];

function setOf(held: readonly HeldPolicy[]): PolicySet {
  const of = (kind: PolicyKind) => held.filter((h) => h.compiled.kind === kind).map((h) => h.compiled);
  // The caller's account's SCPs are one organization level, as the authorizer has them (services/shared/service-control-policies.ts).
  const scps = of('scp');
  const scp = scps.length > 0 ? [{ orgIdentifier: scps[0]!.orgIdentifier ?? '', policies: scps }] : [];
  return new PolicySet({ identity: of('identity'), boundary: of('boundary'), resource: [...of('trust'), ...of('resource')], scp });
}

function holderOf(held: readonly HeldPolicy[], ref: StatementRef): HeldPolicy | undefined {
  return held.find((h) => h.compiled.statements.some((s) => s.ref === ref));
}

function statementName(ref: StatementRef): string {
  return ref.sid ? `statement ${ref.sid} (#${ref.statementIndex})` : `statement #${ref.statementIndex}`;
}

/** `StringEquals iam:PassedToService is ec2.amazonaws.com in the policy, eks.amazonaws.com in the request`. */
function conditionWords(c: ConditionTrace): string {
  const request = c.requestValue === undefined ? 'absent from the request' : `${[c.requestValue].flat().join(', ')} in the request`;
  return `${c.operator} ${c.key}: ${c.policyValues.join(', ')} in the policy, ${request}`;
}

/** The statements that matched the action but not the request, and why: the nearest Allows. */
function nearMisses(request: AuthorizationRequest, held: readonly HeldPolicy[]): string[] {
  const out: string[] = [];
  for (const t of explain(request, setOf(held)).statements) {
    if (t.effect !== 'Allow' || !t.action || t.applies) continue;
    const holder = held.find((h) => h.compiled.statements.some((s) => s.ref === t.statement));
    const why = !t.resource ? 'its Resource does not match'
      : t.principal === 'none' ? 'its Principal does not name the caller'
      : `its Condition does not hold (${t.conditions.filter((c) => !c.result).map(conditionWords).join('; ')})`;
    const name = statementName(t.statement);
    out.push(`${name[0]!.toUpperCase()}${name.slice(1)} of ${holder ? policyLabel(holder.origin) : t.statement.policyName} allows ${request.action} but not this request: ${why}.`);
  }
  return out;
}

function decisionWords(decision: Decision): string {
  const kind = decision.blockedBy[0];
  if (decision.decision === 'Allowed') return 'Allowed';
  return `${decision.decision} (${decision.decision === 'ExplicitlyDenied' ? 'an explicit deny in' : 'no Allow in'} ${kind ? `${KIND_WORDS[kind]}` : 'any policy'})`;
}

/** Fixes for `decision` over `held`, and whether deciding again with them allows the request. */
function storedFixes(req: DeniedRequest, request: AuthorizationRequest, caller: Parameters<typeof allowFix>[2], held: readonly HeldPolicy[], decision: Decision): { fixes: Fix[]; verified: boolean } {
  const fixes: StoredFix[] = [];
  const unverifiable: Fix[] = [];
  let current = [...held];
  let now = decision;
  if (now.decision === 'ExplicitlyDenied') {
    for (const ref of now.determining) {
      const holder = holderOf(current, ref);
      if (!holder) continue;
      const fix = removeStatement(holder, ref.statementIndex, ref.sid);
      fixes.push(fix);
      current = fix.apply(current);
    }
    now = evaluate(request, setOf(current));
  }
  if (now.decision === 'ImplicitlyDenied') {
    for (const kind of now.blockedBy) {
      const fix = allowFix(kind, req, caller, current);
      if (fix) {
        fixes.push(fix);
        current = fix.apply(current);
      } else {
        unverifiable.push(...offlineFixes({ ...req, denial: { ...req.denial, reason: { effect: 'implicit', policyType: KIND_WORDS[kind] } } }));
      }
    }
    now = evaluate(request, setOf(current));
  }
  return { fixes: [...fixes.map((f) => f.fix), ...unverifiable], verified: now.decision === 'Allowed' && unverifiable.length === 0 && fixes.length > 0 };
}

/** Diagnoses `text` against an open store; `where` names it in the explanation (`the data directory /x`). */
export async function diagnoseAgainstStore(text: string, store: StoreSession, catalog: AwsManagedPolicyCatalog, where: string, now: Date, options: DiagnoseOptions = {}): Promise<Diagnosis | undefined> {
  const parsed = parseDenial(text);
  if (!parsed) return undefined;
  const denial = withOperation(parsed, options.operation);
  const offline = deniedRequest(denial);
  const passedTo = offline.passedTo ?? (denial.action?.toLowerCase() === 'iam:passrole' ? await passedToByTrust(store, offline.policyResource) : undefined);
  const req = deniedRequest(denial, passedTo);
  const base = explainDenial(req);
  if (denial.kubernetes) {
    return { denial, explanation: `${base} The data directory holds no Kubernetes permissions, so nothing was decided again.`, fixes: offlineFixes(req), verified: false };
  }
  const type = denial.reason.policyType;
  if (type !== null && NOT_HELD.includes(type)) {
    return { denial, explanation: `${base} A data directory holds no ${type === 'session policy' ? 'session policies of past credentials' : `${type === 'VPC endpoint policy' ? 'VPC endpoint' : type.replace(/ policy$/, '')} policies`}, so the denial was not decided again and the fixes are not verified.`, fixes: offlineFixes(req), verified: false };
  }
  const scpAccount = req.principal?.account ?? null;
  if (type === 'service control policy' && (scpAccount === null || (await store.serviceControlPolicies.list(scpAccount)).length === 0)) {
    const none = scpAccount === null ? 'the denial names no account' : `the data directory gives account ${scpAccount} no service control policies (tollgate accounts scp put)`;
    return { denial, explanation: `${base} Against ${where}: ${none}, so the denial was not decided again and the fixes are not verified.`, fixes: offlineFixes(req), verified: false };
  }
  const rebuilt = await storedRequest(store, catalog, req, now);
  if (!rebuilt.ok) {
    return { denial, explanation: `${base} Against ${where}: ${rebuilt.why}, so nothing was decided again and the fixes are not verified.`, fixes: offlineFixes(req), verified: false };
  }
  const { request, policies, caller } = rebuilt;
  const decision = evaluate(request, setOf(policies));
  const held = policies.length > 0 ? policies.map((h) => policyLabel(h.origin)).join('; ') : 'no policies';
  const parts = [`Against ${where}, the request was decided again by Tollgate's policy engine over ${held}: ${decisionWords(decision)}.`];
  const said = denial.reason;
  const engineEffect = decision.decision === 'ExplicitlyDenied' ? 'explicit' : decision.decision === 'ImplicitlyDenied' ? 'implicit' : undefined;
  const engineType = decision.blockedBy[0] && KIND_WORDS[decision.blockedBy[0]];
  if (said.effect !== null && (said.effect !== engineEffect || (said.policyType !== null && said.policyType !== engineType))) {
    parts.push('That differs from the text: the policies may have changed since, or the request carried condition keys or session policies the text does not show.');
  }
  if (decision.decision === 'Allowed') {
    parts.push('The current policies allow it, so there is nothing to fix here; if it is still denied, look at what the data directory does not hold (session policies, the request\'s condition keys).');
    return { denial, explanation: `${base} ${parts.join(' ')}`, fixes: [], verified: false };
  }
  if (decision.decision === 'ExplicitlyDenied') {
    for (const ref of decision.determining) {
      const holder = holderOf(policies, ref);
      parts.push(`Deciding statement: ${statementName(ref)} of ${holder ? policyLabel(holder.origin) : ref.policyName} (Effect Deny).`);
    }
  } else {
    parts.push(`Missing statement: no statement of the caller's ${engineType ?? 'policies'} allows ${request.action} on ${request.resource.text}.`, ...nearMisses(request, policies));
  }
  const { fixes, verified } = storedFixes(req, request, caller, policies, decision);
  parts.push(verified
    ? 'With the fixes below applied to a copy of these policies, the request was decided again: Allowed (verified).'
    : 'The fixes below could not all be verified against the data directory.');
  return { denial, explanation: `${base} ${parts.join(' ')}`, fixes, verified };
}

/** Diagnoses `text` against the state at `location` (a data directory, or a shared database), opened to read. */
export async function diagnoseWithStore(text: string, location: StoreLocation, options: DiagnoseOptions = {}, now: Date = new Date()): Promise<Diagnosis | undefined> {
  const [{ openStoreToRead, describeLocation }, { managedPolicyCatalog }] = await Promise.all([import('../store-location.ts'), import('../managed-policy-catalog.ts')]);
  const store = await openStoreToRead(location);
  try {
    return await diagnoseAgainstStore(text, store, managedPolicyCatalog(), describeLocation(location), now, options);
  } finally {
    await store.close();
  }
}
