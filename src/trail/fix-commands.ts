/**
 * The changes `explain` suggests, turned into edits of the caller's real policies with the AWS CLI
 * command that makes each: a Deny statement taken out of the document holding it, an Allow put in the
 * caller's own inline policy, merged into its permissions boundary or a role's trust policy, or, for a
 * session policy (fixed when the credentials were issued), new credentials with the statement added; for
 * a service control policy, `tollgate accounts scp put|delete` (SCPs are given to accounts by Tollgate's
 * command line, not an AWS API). Each command carries its policy document inline, so it runs as printed.
 */
import { parseJsonDocument, type JsonValue, type PolicyChange, type StatementRef } from '../policy/index.ts';
import type { StsSessionRecord } from '../store/session-records.ts';
import type { HeldPolicy } from '../diagnose/held-policies.ts';
import { scpDeleteCommandLine, scpPutCommandLine } from '../services/shared/service-control-policies.ts';
import type { Entity } from '../diagnose/held-policies.ts';

/** The inline policy `tollgate why` adds its Allow statements to. */
export const WHY_POLICY_NAME = 'TollgateWhyFix';

/** What a change edits. */
export interface FixTarget {
  readonly type: 'user' | 'role' | 'group' | 'policy' | 'session' | 'scp';
  readonly name: string;
  readonly arn: string | undefined;
  /** For a service control policy: the account it is in effect for. */
  readonly accountId?: string;
}

/** One change, ready to apply. */
export interface FixChange {
  readonly kind: 'remove-statement' | 'add-statement';
  /** The policy kind changed (`identity`, `boundary`, `session`, `trust`, ...). */
  readonly policyKind: string;
  readonly target: FixTarget;
  readonly statement: JsonValue;
  readonly command: string;
}

/** What the commands need to know of the caller. */
export interface FixContext {
  readonly caller: Entity | undefined;
  readonly callerArn: string;
  readonly held: readonly HeldPolicy[];
  readonly session: StsSessionRecord | undefined;
  /** The role a session was issued for (role sessions), for a new `assume-role`. */
  readonly sessionRoleArn: string | undefined;
}

/** `'…'` for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function statementsOf(document: string): JsonValue[] {
  const parsed = parseJsonDocument(document);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
  const s = parsed['Statement'];
  return Array.isArray(s) ? [...s] : s === undefined ? [] : [s];
}

function withStatements(document: string, statements: readonly JsonValue[]): string {
  const parsed = parseJsonDocument(document);
  const base = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  return JSON.stringify({ ...base, Version: base['Version'] ?? '2012-10-17', Statement: statements });
}

function entityArn(e: Entity): string {
  return `arn:aws:iam::${e.accountId}:${e.type}/${e.name}`;
}

/** The held policy a statement reference belongs to. */
export function holderOf(held: readonly HeldPolicy[], ref: StatementRef): HeldPolicy | undefined {
  return held.find((h) => h.compiled.statements.some((s) => s.ref === ref))
    ?? held.find((h) => h.compiled.kind === ref.policyKind && h.compiled.name === ref.policyName && h.compiled.arn === ref.policyArn);
}

/** A new version of a managed policy's document, made the default. */
function newVersion(arn: string, document: string): string {
  return `aws iam create-policy-version --policy-arn ${arn} --policy-document ${shellQuote(document)} --set-as-default`;
}

function removal(ref: StatementRef, ctx: FixContext): FixChange | undefined {
  const held = holderOf(ctx.held, ref);
  if (held === undefined) return undefined;
  const all = statementsOf(held.document);
  const removed = all[ref.statementIndex] ?? null;
  const rest = all.filter((_, i) => i !== ref.statementIndex);
  const o = held.origin;
  const base = { kind: 'remove-statement' as const, policyKind: ref.policyKind, statement: removed };
  switch (o.type) {
    case 'inline': {
      const target: FixTarget = { type: o.owner.type, name: o.owner.name, arn: entityArn(o.owner) };
      const command = rest.length === 0
        ? `aws iam delete-${o.owner.type}-policy --${o.owner.type}-name ${o.owner.name} --policy-name ${o.name}`
        : `aws iam put-${o.owner.type}-policy --${o.owner.type}-name ${o.owner.name} --policy-name ${o.name} --policy-document ${shellQuote(withStatements(held.document, rest))}`;
      return { ...base, target, command };
    }
    case 'managed': {
      const target: FixTarget = { type: 'policy', name: held.compiled.name, arn: o.arn };
      // An AWS managed policy cannot be edited: detach it.
      const command = o.aws || rest.length === 0
        ? `aws iam detach-${o.attachedTo.type}-policy --${o.attachedTo.type}-name ${o.attachedTo.name} --policy-arn ${o.arn}`
        : newVersion(o.arn, withStatements(held.document, rest));
      return { ...base, target, command };
    }
    case 'boundary': {
      const target: FixTarget = { type: 'policy', name: held.compiled.name, arn: o.arn };
      const command = o.aws ? `aws iam delete-${o.of.type}-permissions-boundary --${o.of.type}-name ${o.of.name}` : newVersion(o.arn, withStatements(held.document, rest));
      return { ...base, target, command };
    }
    case 'trust':
      return { ...base, target: { type: 'role', name: o.role.name, arn: o.roleArn }, command: `aws iam update-assume-role-policy --role-name ${o.role.name} --policy-document ${shellQuote(withStatements(held.document, rest))}` };
    case 'scp': {
      // An SCP left without statements is taken away (a policy needs one); the account's other SCPs still apply.
      const command = rest.length === 0 ? scpDeleteCommandLine(o.accountId, o.name) : scpPutCommandLine(o.accountId, o.name, withStatements(held.document, rest));
      return { ...base, target: { type: 'scp', name: o.name, arn: undefined, accountId: o.accountId }, command };
    }
  }
}

/** `statement` with a Sid none of `existing` has (a policy's Sids are unique). */
function uniqueSid(existing: readonly JsonValue[], statement: JsonValue): JsonValue {
  if (typeof statement !== 'object' || statement === null || Array.isArray(statement) || typeof statement['Sid'] !== 'string') return statement;
  const taken = new Set(existing.map((s) => (typeof s === 'object' && s !== null && !Array.isArray(s) ? s['Sid'] : undefined)));
  const sid = statement['Sid'];
  let n = 1;
  let candidate = sid;
  while (taken.has(candidate)) candidate = `${sid}${++n}`;
  return { ...statement, Sid: candidate };
}

function addition(change: Extract<PolicyChange, { change: 'add-statement' }>, ctx: FixContext): FixChange | undefined {
  const statement = change.statement as unknown as JsonValue;
  const base = { kind: 'add-statement' as const, policyKind: change.policyKind, statement };
  switch (change.policyKind) {
    case 'identity': {
      const caller = ctx.caller;
      if (caller === undefined) return undefined;
      const existing = ctx.held.find((h) => h.origin.type === 'inline' && h.origin.name === WHY_POLICY_NAME && h.origin.owner.id === caller.id);
      const document = existing ? withStatements(existing.document, [...statementsOf(existing.document), statement]) : JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
      return { ...base, target: { type: caller.type, name: caller.name, arn: entityArn(caller) }, command: `aws iam put-${caller.type}-policy --${caller.type}-name ${caller.name} --policy-name ${WHY_POLICY_NAME} --policy-document ${shellQuote(document)}` };
    }
    case 'boundary': {
      const held = ctx.held.find((h) => h.origin.type === 'boundary');
      if (held === undefined || held.origin.type !== 'boundary') return undefined;
      const o = held.origin;
      const document = withStatements(held.document, [...statementsOf(held.document), statement]);
      if (!o.aws) return { ...base, target: { type: 'policy', name: held.compiled.name, arn: o.arn }, command: newVersion(o.arn, document) };
      // An AWS managed boundary cannot be edited: a customer managed copy with the statement becomes the boundary.
      const name = `${held.compiled.name}-${WHY_POLICY_NAME}`;
      const arn = `arn:aws:iam::${o.of.accountId}:policy/${name}`;
      return { ...base, target: { type: 'policy', name, arn }, command: `aws iam create-policy --policy-name ${name} --policy-document ${shellQuote(document)} && aws iam put-${o.of.type}-permissions-boundary --${o.of.type}-name ${o.of.name} --permissions-boundary ${arn}` };
    }
    case 'trust': {
      const held = ctx.held.find((h) => h.origin.type === 'trust');
      if (held === undefined || held.origin.type !== 'trust') return undefined;
      const document = withStatements(held.document, [...statementsOf(held.document), statement]);
      return { ...base, target: { type: 'role', name: held.origin.role.name, arn: held.origin.roleArn }, command: `aws iam update-assume-role-policy --role-name ${held.origin.role.name} --policy-document ${shellQuote(document)}` };
    }
    case 'session': {
      const session = ctx.session;
      if (session === undefined) return undefined;
      // A session policy is fixed when the credentials are issued: new credentials, with the statement added.
      const document = session.policy !== undefined ? withStatements(session.policy, [...statementsOf(session.policy), statement]) : JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
      const arns = session.policyArns.length > 0 ? ` --policy-arns ${session.policyArns.map((arn) => `arn=${arn}`).join(' ')}` : '';
      const target: FixTarget = { type: 'session', name: session.name, arn: ctx.callerArn };
      if (session.kind === 'assumed-role' && ctx.sessionRoleArn !== undefined) {
        return { ...base, target, command: `aws sts assume-role --role-arn ${ctx.sessionRoleArn} --role-session-name ${session.name} --policy ${shellQuote(document)}${arns}` };
      }
      if (session.kind === 'federated-user') return { ...base, target, command: `aws sts get-federation-token --name ${session.name} --policy ${shellQuote(document)}${arns}` };
      return undefined;
    }
    case 'scp': {
      // The Allow the account's SCPs lack goes into its SCP named TollgateWhyFix (made when absent).
      const accountId = change.orgIdentifier;
      if (accountId === undefined) return undefined;
      const existing = ctx.held.find((h) => h.origin.type === 'scp' && h.origin.accountId === accountId && h.origin.name === WHY_POLICY_NAME);
      const statements = existing ? statementsOf(existing.document) : [];
      const added = uniqueSid(statements, statement);
      const document = existing ? withStatements(existing.document, [...statements, added]) : JSON.stringify({ Version: '2012-10-17', Statement: [added] });
      return { ...base, statement: added, target: { type: 'scp', name: WHY_POLICY_NAME, arn: undefined, accountId }, command: scpPutCommandLine(accountId, WHY_POLICY_NAME, document) };
    }
    default:
      return undefined;
  }
}

/** The commands of `changes`; undefined entries are changes no command can make here (RCPs, another account's SCPs). */
export function fixChanges(changes: readonly PolicyChange[], ctx: FixContext): (FixChange | undefined)[] {
  return changes.map((change) => (change.change === 'remove-statement' ? removal(change.statement, ctx) : addition(change, ctx)));
}
