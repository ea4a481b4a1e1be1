/**
 * Fixes written against the policies a data directory holds, each with the edit it makes so that it can
 * be verified: a Deny statement taken out of the exact document that holds it (a new inline document,
 * a new default version, a new trust policy; an AWS managed policy, which cannot be edited, detached),
 * and an Allow merged into the caller's own inline policy, its boundary's document or a role's trust
 * policy, or the caller's account's SCP of that name (`tollgate accounts scp put`). What the data
 * directory cannot hold (RCPs, other resources' policies, session policies) stays an unverified offline fix.
 */
import { parseJsonDocument, type JsonValue } from '../policy/index.ts';
import type { DeniedRequest } from './denied-request.ts';
import type { Fix, JsonData, JsonMap } from './diagnosis.ts';
import { allowDocument, FIX_SID, passedToCondition, trustDocument } from './fix-policies.ts';
import { compileHeld, policyLabel, type Entity, type HeldPolicy } from './held-policies.ts';
import { callerPrincipal } from './offline-fixes.ts';
import { scpDeleteCommandLine, scpPutFileCommandLine } from '../services/shared/service-control-policies.ts';

/** A fix and the edit it makes to the held policies. */
export interface StoredFix {
  readonly fix: Fix;
  apply(held: readonly HeldPolicy[]): HeldPolicy[];
}

function statementsOf(document: string): JsonValue[] {
  const parsed = parseJsonDocument(document);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
  const s = parsed['Statement'];
  return Array.isArray(s) ? s : s === undefined ? [] : [s];
}

function documentWith(document: string, statements: readonly JsonValue[]): JsonMap {
  const parsed = parseJsonDocument(document) as { [key: string]: JsonValue };
  return { ...(parsed as JsonMap), Statement: statements as JsonData[] };
}

function recompiled(held: HeldPolicy, document: JsonMap): HeldPolicy {
  const text = JSON.stringify(document);
  const c = held.compiled;
  // Held policies are identity-based, boundaries, trust policies and SCPs (held-policies.ts).
  const validateAs = c.kind === 'boundary' ? 'boundary' : c.kind === 'identity' ? 'identity-inline' : c.kind === 'scp' ? 'scp' : 'trust';
  return { ...held, document: text, compiled: compileHeld(text, validateAs, c.kind, c.name, c.arn, c.orgIdentifier) };
}

const replace = (held: readonly HeldPolicy[], old: HeldPolicy, next: HeldPolicy | undefined): HeldPolicy[] =>
  held.flatMap((h) => (h === old ? (next ? [next] : []) : [h]));

function entityCli(e: Entity): string {
  return `--${e.type}-name ${e.name}`;
}

/** Where a new version of `held`'s document goes. */
function rewriteWhere(held: HeldPolicy, what: string): string {
  const o = held.origin;
  switch (o.type) {
    case 'inline': return `${policyLabel(o)}, ${what}: aws iam put-${o.owner.type}-policy ${entityCli(o.owner)} --policy-name ${o.name} --policy-document file://policy.json`;
    case 'managed':
    case 'boundary': return `${policyLabel(o)}, ${what} (the new version applies wherever the policy is attached or used as a boundary): aws iam create-policy-version --policy-arn ${o.arn} --policy-document file://policy.json --set-as-default`;
    case 'trust': return `${policyLabel(o)}, ${what}: aws iam update-assume-role-policy --role-name ${o.role.name} --policy-document file://policy.json`;
    case 'scp': return `${policyLabel(o)}, ${what}: ${scpPutFileCommandLine(o.accountId, o.name)}`;
  }
}

/** Takes the Deny statement `index` out of `held`. */
export function removeStatement(held: HeldPolicy, index: number, sid: string | undefined): StoredFix {
  const statements = statementsOf(held.document);
  const removed = statements[index] ?? null;
  const rest = statements.filter((_, i) => i !== index);
  const named = sid ? `statement ${sid}` : `statement #${index}`;
  const o = held.origin;
  if (o.type === 'managed' && o.aws) {
    return {
      fix: { kind: 'remove-deny', where: `${policyLabel(o)} holds the Deny (${named}); AWS managed policies cannot be edited, so detach it: aws iam detach-${o.attachedTo.type}-policy ${entityCli(o.attachedTo)} --policy-arn ${o.arn}`, policy: (removed ?? {}) as JsonMap },
      apply: (all) => replace(all, held, undefined),
    };
  }
  if (o.type === 'boundary' && o.aws) {
    return {
      fix: { kind: 'remove-deny', where: `${policyLabel(o)} holds the Deny (${named}); AWS managed policies cannot be edited, so remove or replace the boundary: aws iam delete-${o.of.type}-permissions-boundary ${entityCli(o.of)}`, policy: (removed ?? {}) as JsonMap },
      apply: (all) => replace(all, held, undefined),
    };
  }
  if (rest.length === 0 && o.type === 'inline') {
    return {
      fix: { kind: 'remove-deny', where: `${policyLabel(o)} holds nothing but the Deny (${named}): delete it: aws iam delete-${o.owner.type}-policy ${entityCli(o.owner)} --policy-name ${o.name}`, policy: (removed ?? {}) as JsonMap },
      apply: (all) => replace(all, held, undefined),
    };
  }
  if (rest.length === 0 && o.type === 'scp') {
    return {
      fix: { kind: 'remove-deny', where: `${policyLabel(o)} holds nothing but the Deny (${named}): take it from the account: ${scpDeleteCommandLine(o.accountId, o.name)}`, policy: (removed ?? {}) as JsonMap },
      apply: (all) => replace(all, held, undefined),
    };
  }
  if (rest.length === 0 && o.type === 'managed') {
    return {
      fix: { kind: 'remove-deny', where: `${policyLabel(o)} holds nothing but the Deny (${named}): detach it: aws iam detach-${o.attachedTo.type}-policy ${entityCli(o.attachedTo)} --policy-arn ${o.arn}`, policy: (removed ?? {}) as JsonMap },
      apply: (all) => replace(all, held, undefined),
    };
  }
  const document = documentWith(held.document, rest);
  return {
    fix: { kind: 'remove-deny', where: rewriteWhere(held, `with the Deny (${named}) taken out, as below`), policy: document },
    apply: (all) => replace(all, held, recompiled(held, document)),
  };
}

/** The caller's own inline policy named FIX_SID, with the allow statement merged in. */
function identityAllow(req: DeniedRequest, caller: Entity, held: readonly HeldPolicy[]): StoredFix {
  const grant = { action: req.denial.action!, resource: req.policyResource, condition: req.passedTo ? passedToCondition(req.passedTo.service) : undefined };
  const statement = (allowDocument(grant)['Statement'] as readonly JsonData[])[0] as JsonMap;
  const existing = held.find((h) => h.origin.type === 'inline' && h.origin.name === FIX_SID && h.origin.owner.id === caller.id);
  const document = existing ? documentWith(existing.document, [...statementsOf(existing.document).filter((s) => !(typeof s === 'object' && s !== null && !Array.isArray(s) && s['Sid'] === FIX_SID)), statement as JsonValue]) : allowDocument(grant);
  const text = JSON.stringify(document);
  const added: HeldPolicy = { origin: { type: 'inline', owner: caller, name: FIX_SID }, document: text, compiled: compileHeld(text, 'identity-inline', 'identity', FIX_SID, undefined) };
  return {
    fix: { kind: 'identity', where: `inline policy ${FIX_SID} of IAM ${caller.type} ${caller.name}${existing ? ' (its statement replaced)' : ''}: aws iam put-${caller.type}-policy ${entityCli(caller)} --policy-name ${FIX_SID} --policy-document file://policy.json`, policy: document },
    apply: (all) => (existing ? replace(all, existing, added) : [...all, added]),
  };
}

/** `statement` merged into `held` (a boundary or a trust policy). */
function mergeInto(held: HeldPolicy, statement: JsonMap, kind: Fix['kind']): StoredFix {
  const document = documentWith(held.document, [...statementsOf(held.document), statement as JsonValue]);
  const o = held.origin;
  const where = o.type === 'boundary' && o.aws
    ? `${policyLabel(o)} is AWS managed and cannot be edited: create a customer managed policy with this document and make it the boundary (aws iam create-policy --policy-name ${FIX_SID}Boundary --policy-document file://policy.json; aws iam put-${o.of.type}-permissions-boundary ${entityCli(o.of)} --permissions-boundary NEW_POLICY_ARN)`
    : rewriteWhere(held, 'with this statement added');
  return { fix: { kind, where, policy: document }, apply: (all) => replace(all, held, recompiled(held, document)) };
}

/** The account's SCP named FIX_SID, with the allow statement merged in (its SCPs lack one that allows). */
function scpAllow(grant: Parameters<typeof allowDocument>[0], accountId: string, held: readonly HeldPolicy[]): StoredFix {
  const statement = (allowDocument(grant)['Statement'] as readonly JsonData[])[0] as JsonMap;
  const existing = held.find((h) => h.origin.type === 'scp' && h.origin.accountId === accountId && h.origin.name === FIX_SID);
  const document = existing ? documentWith(existing.document, [...statementsOf(existing.document).filter((s) => !(typeof s === 'object' && s !== null && !Array.isArray(s) && s['Sid'] === FIX_SID)), statement as JsonValue]) : allowDocument(grant);
  const text = JSON.stringify(document);
  const added: HeldPolicy = { origin: { type: 'scp', accountId, name: FIX_SID }, document: text, compiled: compileHeld(text, 'scp', 'scp', FIX_SID, undefined, accountId) };
  return {
    fix: { kind: 'scp', where: `service control policy ${FIX_SID} of account ${accountId}${existing ? ' (its statement replaced)' : ''}: ${scpPutFileCommandLine(accountId, FIX_SID)}`, policy: document },
    apply: (all) => (existing ? replace(all, existing, added) : [...all, added]),
  };
}

/** The Allow a policy kind lacks, against the held policies; undefined when the data directory does not hold that kind. */
export function allowFix(kind: string, req: DeniedRequest, caller: Entity, held: readonly HeldPolicy[]): StoredFix | undefined {
  const grant = { action: req.denial.action!, resource: req.policyResource, condition: req.passedTo ? passedToCondition(req.passedTo.service) : undefined };
  if (kind === 'identity') return identityAllow(req, caller, held);
  if (kind === 'boundary') {
    const boundary = held.find((h) => h.origin.type === 'boundary');
    return boundary && mergeInto(boundary, (allowDocument(grant)['Statement'] as readonly JsonData[])[0] as JsonMap, 'boundary');
  }
  if (kind === 'scp') return scpAllow(grant, caller.accountId, held);
  if (kind === 'trust' || kind === 'resource') {
    const trust = held.find((h) => h.origin.type === 'trust');
    const principal = callerPrincipal(req);
    if (!trust || !principal) return undefined;
    return mergeInto(trust, (trustDocument(principal, req.denial.action!)['Statement'] as readonly JsonData[])[0] as JsonMap, 'trust');
  }
  return undefined;
}
