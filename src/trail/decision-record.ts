/**
 * What the authorizer decided about a request, stored beside its CloudTrail event: the caller, the
 * request's facts, the checks decided (up to the one denied), the outcome and the deciding statements.
 * `tollgate why` decides the recorded request again from it. Nothing secret is in it: principals are
 * ARNs and ids, checks are actions, resources and condition keys.
 */
import type { ContextInput, Decision, DecisionOutcome, PolicyKind, RequestPrincipal, StatementRef } from '../policy/index.ts';
import type { AuthorizationCheck, Caller, ResourcePolicy } from '../services/operation.ts';

/** A deciding statement, named as a reader finds it. */
export interface RecordedStatement {
  readonly kind: PolicyKind;
  readonly policyName: string;
  readonly policyArn: string | undefined;
  readonly sid: string | undefined;
  readonly index: number;
  readonly effect: 'Allow' | 'Deny';
}

/** One check as decided. */
export interface RecordedCheck {
  readonly action: string;
  readonly resource: string;
  readonly messageResource?: string | undefined;
  readonly resourceAccount?: string | undefined;
  readonly context?: Readonly<Record<string, ContextInput>> | undefined;
  readonly resourcePolicies?: readonly ResourcePolicy[] | undefined;
}

/** The stored decision of one request. */
export interface DecisionRecord {
  readonly principal: RequestPrincipal;
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly credentialType: Caller['credentialType'];
  readonly facts: { readonly sourceIp: string; readonly secure: boolean; readonly time: string; readonly region: string; readonly userAgent?: string | undefined; readonly referer?: string | undefined };
  /** The check the outcome is about: the denied one, or the last allowed. */
  readonly check: RecordedCheck | undefined;
  /** Every action the operation needed, in order. */
  readonly actions: readonly string[];
  readonly decision: DecisionOutcome;
  readonly blockedBy: readonly PolicyKind[];
  /** Explicit deny: the Deny statements; allowed: the Allow statements relied on. */
  readonly statements: readonly RecordedStatement[];
  /** AWS's message of a denial. */
  readonly message: string | undefined;
  /** `kind:policy#statement` of the deciding statement, or the missing statement (as the request log says it). */
  readonly decidedBy: string | undefined;
}

/** A statement reference as recorded. */
export function recordedStatement(ref: StatementRef, effect: 'Allow' | 'Deny'): RecordedStatement {
  return { kind: ref.policyKind, policyName: ref.policyName, policyArn: ref.policyArn, sid: ref.sid, index: ref.statementIndex, effect };
}

/** The recorded form of a check (condition keys and resource policies as they were). */
export function recordedCheck(check: AuthorizationCheck): RecordedCheck {
  return { action: check.action, resource: check.resource, messageResource: check.messageResource, resourceAccount: check.resourceAccount, context: check.context, resourcePolicies: check.resourcePolicies };
}

/** The statements a decision rests on, with their effect. */
export function decidingStatements(decision: Decision): RecordedStatement[] {
  const effect = decision.decision === 'Allowed' ? 'Allow' : 'Deny';
  return decision.determining.map((ref) => recordedStatement(ref, effect));
}

/** Parses a stored decision record (it was written by this module; a malformed one is refused). */
export function parseDecisionRecord(text: string): DecisionRecord {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || !('principal' in parsed) || !('decision' in parsed) || !('facts' in parsed)) {
    throw new Error('stored decision record is malformed');
  }
  return parsed as DecisionRecord;
}
