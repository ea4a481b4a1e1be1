/**
 * What the request log says about a denial beside AWS's message: the reason (the message's last
 * words) and the statement that decided it, or, for an implicit denial, the statement that is missing.
 */
import { denialReason, principalMessageArn, type AuthorizationRequest, type Decision, type PolicyKind } from '../policy/index.ts';

/** Where the missing Allow would go, as a reader names it. */
const WHERE: Readonly<Record<PolicyKind, string>> = {
  identity: 'an identity-based policy',
  boundary: 'the permissions boundary',
  session: 'the session policy',
  resource: 'the resource-based policy',
  trust: 'the role trust policy',
  scp: 'a service control policy',
  rcp: 'a resource control policy',
};

/** The reason and the deciding (or missing) statement of a denied request. */
export interface DenialSummary {
  /** As AWS's AccessDenied message ends, e.g. `because no identity-based policy allows the eks:DescribeCluster action`. */
  readonly reason: string;
  /** `kind:policy#statement` of the deciding Deny; for an implicit denial, `missing: Allow … in …`. */
  readonly decidedBy: string | undefined;
}

/** Summarizes the denial `decision` of `request`; `deciding` names the deciding statement of an explicit one. */
export function denialSummary(decision: Decision, request: AuthorizationRequest, deciding: string | undefined): DenialSummary {
  const reason = denialReason(decision, request);
  if (decision.decision === 'ExplicitlyDenied') return { reason, decidedBy: deciding };
  return { reason, decidedBy: missingStatement(decision, request) };
}

/** `missing: Allow eks:DescribeCluster on arn:… in an identity-based policy` (the kinds lacking an Allow, all of them). */
function missingStatement(decision: Decision, request: AuthorizationRequest): string | undefined {
  if (decision.blockedBy.length === 0) return undefined;
  const principalKinds = decision.blockedBy.some((kind) => kind === 'trust' || kind === 'resource');
  const who = principalKinds ? ` for ${principalMessageArn(request.principal)}` : '';
  return `missing: Allow ${request.action} on ${request.resource.text}${who} in ${decision.blockedBy.map((kind) => WHERE[kind]).join(' and ')}`;
}
