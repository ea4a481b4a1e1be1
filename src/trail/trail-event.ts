/**
 * A decided request turned into CloudTrail events: one in the caller's account and, for a call on a
 * resource of another account (a cross-account AssumeRole), one more in that account, as CloudTrail
 * records both sides (docs/aws-behaviour/cloudtrail-events.md). The event is CloudTrail's JSON, with
 * CloudTrail's member names and order; secrets are left out (recorded-parameters.ts).
 */
import type { Decision } from '../policy/index.ts';
import type { WireStructure } from '../kernel/wire-value.ts';
import type { AuthorizationCheck, Caller } from '../services/operation.ts';
import type { TrailEventRecord, TrailResource } from '../store/trail-records.ts';
import { decidingStatements, recordedCheck, type DecisionRecord } from './decision-record.ts';
import { recordedParameters } from './recorded-parameters.ts';
import { resourceOf, type NamedResource } from './trail-resources.ts';

/** CloudTrail's record format version of the events written. */
export const EVENT_VERSION = '1.08';

/** Everything the trail learns of one authenticated call, gathered by the pipeline. */
export interface DecidedCall {
  readonly requestId: string;
  readonly eventId: string;
  readonly time: Date;
  /** The service's signing name (`iam`, `sts`, `eks`, `cloudtrail`). */
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly caller: Caller;
  readonly sourceIp: string;
  readonly secure: boolean;
  readonly userAgent: string | undefined;
  readonly referer: string | undefined;
  readonly readOnly: boolean;
  readonly input: WireStructure | undefined;
  readonly output: WireStructure | undefined;
  readonly errorCode: string | undefined;
  readonly errorMessage: string | undefined;
  /** Every check the operation declared (undefined when it failed before authorization). */
  readonly checks: readonly AuthorizationCheck[] | undefined;
  /** The check the outcome is about and its decision. */
  readonly decided: { readonly check: AuthorizationCheck; readonly decision: Decision } | undefined;
  readonly decidedBy: string | undefined;
}

/** CloudTrail's `userIdentity` of the caller, as its own account records it. */
export function userIdentity(caller: Caller): Record<string, unknown> {
  const p = caller.principal;
  const key = caller.accessKeyId;
  const session = caller.session;
  const attributes = session ? { creationDate: isoSeconds(session.issuedAt), mfaAuthenticated: String(session.mfa) } : undefined;
  switch (p.type) {
    case 'Account':
      return { type: 'Root', principalId: p.accountId, arn: p.arn, accountId: p.accountId, accessKeyId: key, ...(attributes ? { sessionContext: { attributes } } : {}) };
    case 'User':
      return { type: 'IAMUser', principalId: p.uniqueId ?? p.name, arn: p.arn, accountId: p.accountId, accessKeyId: key, userName: p.name, ...(attributes ? { sessionContext: { attributes } } : {}) };
    case 'AssumedRole': {
      const roleId = p.roleUniqueId ?? p.roleName;
      return {
        type: 'AssumedRole', principalId: `${roleId}:${p.sessionName}`, arn: p.arn, accountId: p.accountId, accessKeyId: key,
        sessionContext: { sessionIssuer: { type: 'Role', principalId: roleId, arn: p.roleArn, accountId: p.accountId, userName: p.roleName }, attributes: attributes ?? {} },
      };
    }
    case 'FederatedUser':
      return {
        type: 'FederatedUser', principalId: `${p.accountId}:${p.name}`, arn: p.arn, accountId: p.accountId, accessKeyId: key,
        sessionContext: { ...(p.userArn ? { sessionIssuer: { type: 'IAMUser', arn: p.userArn, accountId: p.accountId, userName: p.userArn.slice(p.userArn.lastIndexOf('/') + 1) } } : {}), attributes: attributes ?? {} },
      };
    case 'Service':
      return { type: 'AWSService', invokedBy: p.service };
    case 'Anonymous':
      return { type: 'Unknown' };
  }
}

/** LookupEvents' `Username` of the caller: the IAM user, the role session, the federated user, `root`. */
export function lookupUsername(caller: Caller): string | undefined {
  const p = caller.principal;
  switch (p.type) {
    case 'Account': return 'root';
    case 'User': return p.name;
    case 'AssumedRole': return p.sessionName;
    case 'FederatedUser': return p.name;
    default: return undefined;
  }
}

/** `2026-12-07T23:10:04Z`, as CloudTrail writes times. */
export function isoSeconds(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

/** The account of a resource other than the caller's that the call acted on, if any. */
function otherAccount(call: DecidedCall): string | undefined {
  for (const check of call.checks ?? []) {
    const account = check.resourceAccount ?? accountOfArn(check.resource);
    if (account !== undefined && account !== call.caller.accountId) return account;
  }
  return undefined;
}

/** The decision as stored for `tollgate why`. */
function decisionRecord(call: DecidedCall): DecisionRecord | undefined {
  const d = call.decided;
  if (d === undefined) return undefined;
  const c = call.caller;
  return {
    principal: c.principal, accountId: c.accountId, accessKeyId: c.accessKeyId, credentialType: c.credentialType,
    facts: { sourceIp: call.sourceIp, secure: call.secure, time: call.time.toISOString(), region: call.region, userAgent: call.userAgent, referer: call.referer },
    check: recordedCheck(d.check),
    actions: (call.checks ?? []).map((check) => check.action),
    decision: d.decision.decision,
    blockedBy: d.decision.blockedBy,
    statements: decidingStatements(d.decision),
    message: d.decision.decision === 'Allowed' ? undefined : call.errorMessage,
    decidedBy: call.decidedBy,
  };
}

/** The events of one call: the caller's account's, then the other account's for a cross-account call. */
export function trailEvents(call: DecidedCall): TrailEventRecord[] {
  const named: NamedResource[] = [];
  for (const check of call.checks ?? []) {
    const resource = resourceOf(check.resource);
    if (resource && !named.some((r) => r.type === resource.type && r.name === resource.name)) named.push(resource);
  }
  const resources: TrailResource[] = named.map((r) => ({ type: r.type, name: r.name }));
  const identity = userIdentity(call.caller);
  const decision = decisionRecord(call);
  const decisionText = decision && JSON.stringify(decision);
  const failed = call.errorCode !== undefined;
  const event = (recipient: string, who: Record<string, unknown>, eventId: string): TrailEventRecord => ({
    accountId: recipient, region: call.region, eventId, requestId: call.requestId, eventTime: call.time, eventName: call.operation,
    eventSource: `${call.service}.amazonaws.com`, username: lookupUsername(call.caller), accessKeyId: call.caller.accessKeyId, readOnly: call.readOnly, resources,
    decision: decisionText,
    event: JSON.stringify({
      eventVersion: EVENT_VERSION,
      userIdentity: who,
      eventTime: isoSeconds(call.time),
      eventSource: `${call.service}.amazonaws.com`,
      eventName: call.operation,
      awsRegion: call.region,
      sourceIPAddress: call.sourceIp,
      userAgent: call.userAgent ?? '',
      ...(failed ? { errorCode: call.errorCode, errorMessage: call.errorMessage ?? '' } : {}),
      requestParameters: recordedParameters(call.input),
      responseElements: failed ? null : recordedParameters(call.output),
      requestID: call.requestId,
      eventID: eventId,
      readOnly: call.readOnly,
      ...(named.length > 0 ? { resources: named.map((r) => ({ type: r.type, ARN: r.arn, accountId: r.accountId })) } : {}),
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: recipient,
      ...(recipient !== call.caller.accountId ? { sharedEventID: call.eventId } : {}),
      eventCategory: 'Management',
    }),
  });
  const own = event(call.caller.accountId, identity, call.eventId);
  const other = otherAccount(call);
  if (other === undefined) return [own];
  // The resource owner's copy names the calling account, not its principal (CloudTrail's AWSAccount identity).
  const foreign = { type: 'AWSAccount', principalId: identity['principalId'], accountId: call.caller.accountId, accessKeyId: call.caller.accessKeyId };
  return [own, event(other, foreign, crossAccountEventId(call.eventId))];
}

/** The other account's copy gets its own event id, derived so that both are found by request id. */
function crossAccountEventId(eventId: string): string {
  const last = eventId.slice(-1);
  return `${eventId.slice(0, -1)}${last === '0' ? '1' : '0'}`;
}
