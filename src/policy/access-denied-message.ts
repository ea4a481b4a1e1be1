/**
 * AWS's AccessDenied text rendered from a decision (docs/aws-behaviour/access-denied-messages.md):
 * `User: <principal> is not authorized to perform: <action> on resource: <resource> <reason>`, the
 * reason naming the first blocking kind of policy, and since January 2026 the deciding managed policy's
 * ARN after an explicit deny.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
import type { AuthorizationRequest } from './authorization-request.ts';
import type { Decision } from './decision.ts';
import type { PolicyKind } from './policy-kind.ts';
import { principalMessageArn } from './request-principal.ts';

const REASONS: Readonly<Record<PolicyKind, { readonly implicit: string; readonly explicit: string }>> = {
  identity: { implicit: 'because no identity-based policy allows the %s action', explicit: 'with an explicit deny in an identity-based policy' },
  boundary: { implicit: 'because no permissions boundary allows the %s action', explicit: 'with an explicit deny in a permissions boundary' },
  // "a sessions policy" is the documentation's wording (docs/aws-behaviour/access-denied-messages.md).
  session: { implicit: 'because no session policy allows the %s action', explicit: 'with an explicit deny in a sessions policy' },
  resource: { implicit: 'because no resource-based policy allows the %s action', explicit: 'with an explicit deny in a resource-based policy' },
  trust: { implicit: 'because no role trust policy allows the %s action', explicit: 'with an explicit deny in the role trust policy' },
  scp: { implicit: 'because no service control policy allows the %s action', explicit: 'with an explicit deny in a service control policy' },
  rcp: { implicit: 'because no resource control policy allows the %s action', explicit: 'with an explicit deny in a resource control policy' },
};

/** Rendering options. */
export interface MessageOptions {
  /** Append the deciding managed policy's ARN to explicit-deny messages (default true; docs/aws-behaviour/access-denied-messages.md). */
  readonly policyArn?: boolean;
}

/** The reason suffix for a denial, e.g. `because no identity-based policy allows the eks:DescribeCluster action`. */
export function denialReason(decision: Decision, request: AuthorizationRequest, options: MessageOptions = {}): string {
  const kind = decision.blockedBy[0];
  if (!kind) return '';
  const reason = REASONS[kind];
  if (decision.decision !== 'ExplicitlyDenied') return reason.implicit.replace('%s', request.action);
  const deciding = decision.determining.find((ref) => ref.policyKind === kind || (kind === 'trust' && ref.policyKind === 'resource'));
  const arn = deciding?.policyArn;
  // The ARN is shown to callers in the policy's own account or organization: never for another account's resource policy.
  const shown = arn !== undefined && (options.policyArn ?? true) && !((kind === 'resource' || kind === 'trust') && request.crossAccount);
  return shown ? `${reason.explicit}: ${arn}` : reason.explicit;
}

/** The full AccessDenied message for a denied request; undefined when the decision allows it. */
export function accessDeniedMessage(decision: Decision, request: AuthorizationRequest, options: MessageOptions = {}): string | undefined {
  if (decision.decision === 'Allowed') return undefined;
  // An empty message resource: an action without a resource type, whose message names none (docs/aws-behaviour/access-denied-messages.md).
  const on = request.messageResource === '' ? '' : ` on resource: ${request.messageResource}`;
  const head = `User: ${principalMessageArn(request.principal)} is not authorized to perform: ${request.action}${on}`;
  const reason = denialReason(decision, request, options);
  return reason ? `${head} ${reason}` : head;
}
