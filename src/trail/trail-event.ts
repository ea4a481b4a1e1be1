/**
 * A decided request turned into CloudTrail events: one in the caller's account and, for a call on a
 * resource of another account (a cross-account AssumeRole), one more in that account, as CloudTrail
 * records both sides (docs/aws-behaviour/cloudtrail-events.md). The event is CloudTrail's JSON, with
 * CloudTrail's member names and order; secrets are left out (recorded-parameters.ts). The texts are
 * built on the request thread at the end of the call's turn, so they are written as text from parts,
 * the caller's and the decision's cached, rather than as objects serialised whole.
 */
import { randomUUID } from 'node:crypto';
import type { Decision } from '../policy/index.ts';
import type { WireStructure } from '../kernel/wire-value.ts';
import type { AuthorizationCheck, Caller } from '../services/operation.ts';
import type { TrailEventRecord, TrailResource } from '../store/trail-records.ts';
import { eventIdFor } from '../store/trail-ids.ts';
import { decidingStatements, recordedCheck } from './decision-record.ts';
import { recordedParametersText } from './recorded-parameters.ts';
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

/** JSON text of a string. */
const q = JSON.stringify as (value: string) => string;

/** The per-caller parts of the texts, cached on the caller (one per credential, reused by its calls). */
interface CallerTexts {
  /** `userIdentity` of the caller's own account's copy. */
  readonly identity: string;
  /** The decision record's opening members: `{"principal":…,"accountId":…,"accessKeyId":…,"credentialType":…`. */
  readonly decisionHead: string;
}
const callerTexts = new WeakMap<Caller, CallerTexts>();

function textsOf(caller: Caller): CallerTexts {
  let texts = callerTexts.get(caller);
  if (texts === undefined) {
    const head = JSON.stringify({ principal: caller.principal, accountId: caller.accountId, accessKeyId: caller.accessKeyId, credentialType: caller.credentialType });
    texts = { identity: JSON.stringify(userIdentity(caller)), decisionHead: head.slice(0, -1) };
    callerTexts.set(caller, texts);
  }
  return texts;
}

/** `,"decision":…,"blockedBy":…,"statements":…` of a decision, cached on it (the authorizer reuses a decision for repeated checks). */
const outcomeTexts = new WeakMap<Decision, string>();

function outcomeText(decision: Decision): string {
  let text = outcomeTexts.get(decision);
  if (text === undefined) {
    text = `,"decision":${q(decision.decision)},"blockedBy":${JSON.stringify(decision.blockedBy)},"statements":${JSON.stringify(decidingStatements(decision))}`;
    outcomeTexts.set(decision, text);
  }
  return text;
}

/**
 * The decision as stored for `tollgate why`: a DecisionRecord's JSON (decision-record.ts), its members in
 * the record's order. Written from parts: the caller's and the decision's are cached, so a call costs
 * only what is its own (its facts and its check).
 */
function decisionText(call: DecidedCall): string | undefined {
  const d = call.decided;
  if (d === undefined) return undefined;
  const facts = `{"sourceIp":${q(call.sourceIp)},"secure":${call.secure},"time":"${call.time.toISOString()}","region":${q(call.region)}`
    + `${call.userAgent === undefined ? '' : `,"userAgent":${q(call.userAgent)}`}${call.referer === undefined ? '' : `,"referer":${q(call.referer)}`}}`;
  const message = d.decision.decision === 'Allowed' ? undefined : call.errorMessage;
  return `${textsOf(call.caller).decisionHead},"facts":${facts},"check":${JSON.stringify(recordedCheck(d.check))},"actions":${JSON.stringify((call.checks ?? []).map((check) => check.action))}`
    + `${outcomeText(d.decision)}${message === undefined ? '' : `,"message":${q(message)}`}${call.decidedBy === undefined ? '' : `,"decidedBy":${q(call.decidedBy)}`}}`;
}

/**
 * Whether CloudTrail records the call's `responseElements`: for calls that change something (create,
 * update, delete) and not for reads, except the credentials STS's GetSessionToken issues (see
 * docs/aws-behaviour/cloudtrail-events.md).
 */
function recordsResponse(call: DecidedCall): boolean {
  return !call.readOnly || (call.service === 'sts' && call.operation === 'GetSessionToken');
}

/** The events of one call: the caller's account's, then the other account's for a cross-account call. */
export function trailEvents(call: DecidedCall): TrailEventRecord[] {
  const named: NamedResource[] = [];
  for (const check of call.checks ?? []) {
    const resource = resourceOf(check.resource);
    if (resource && !named.some((r) => r.type === resource.type && r.name === resource.name)) named.push(resource);
  }
  const resources: TrailResource[] = named.map((r) => ({ type: r.type, name: r.name }));
  const caller = textsOf(call.caller);
  const decision = decisionText(call);
  const failed = call.errorCode !== undefined;
  const source = `${call.service}.amazonaws.com`;
  // CloudTrail's members in CloudTrail's order, written as text: most parts are constants or cached.
  const head = `{"eventVersion":"${EVENT_VERSION}","userIdentity":`;
  const middle = `,"eventTime":"${isoSeconds(call.time)}","eventSource":${q(source)},"eventName":${q(call.operation)},"awsRegion":${q(call.region)}`
    + `,"sourceIPAddress":${q(call.sourceIp)},"userAgent":${q(call.userAgent ?? '')}`
    + (failed ? `,"errorCode":${q(call.errorCode!)},"errorMessage":${q(call.errorMessage ?? '')}` : '')
    + `,"requestParameters":${recordedParametersText(call.input)},"responseElements":${failed || !recordsResponse(call) ? 'null' : recordedParametersText(call.output)}`
    + `,"requestID":${q(call.requestId)}`;
  const tail = `,"readOnly":${call.readOnly}${named.length > 0 ? `,"resources":${JSON.stringify(named.map((r) => ({ type: r.type, ARN: r.arn, accountId: r.accountId })))}` : ''}`
    + ',"eventType":"AwsApiCall","managementEvent":true';
  const event = (recipient: string, who: string, eventId: string): TrailEventRecord => ({
    accountId: recipient, region: call.region, eventId, requestId: call.requestId, eventTime: call.time, eventName: call.operation,
    eventSource: source, username: lookupUsername(call.caller), accessKeyId: call.caller.accessKeyId, readOnly: call.readOnly, resources,
    decision,
    event: `${head}${who}${middle},"eventID":${q(eventId)}${tail},"recipientAccountId":${q(recipient)}${recipient !== call.caller.accountId ? `,"sharedEventID":${q(call.eventId)}` : ''},"eventCategory":"Management"}`,
  });
  const own = event(call.caller.accountId, caller.identity, call.eventId);
  const other = otherAccount(call);
  if (other === undefined) return [own];
  // The resource owner's copy names the calling account, not its principal (CloudTrail's AWSAccount identity).
  const identity = userIdentity(call.caller);
  const foreign = { type: 'AWSAccount', principalId: identity['principalId'], accountId: call.caller.accountId, accessKeyId: call.caller.accessKeyId };
  return [own, event(other, JSON.stringify(foreign), crossAccountEventId(call))];
}

/** The other account's copy gets its own event id, derived so that both are found by request id (store/trail-ids.ts). */
function crossAccountEventId(call: DecidedCall): string {
  return eventIdFor(call.requestId, 1) ?? randomUUID();
}
