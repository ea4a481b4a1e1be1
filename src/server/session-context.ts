/**
 * What temporary credentials add to authorization: their condition keys (docs/aws-behaviour/iam-policy-evaluation.md:
 * `aws:TokenIssueTime`, `aws:MultiFactorAuthPresent`, `aws:SourceIdentity`, and `aws:PrincipalTag/*`
 * where session tags override the role's or user's tags, keys compared case-insensitively), and the
 * calls such credentials may not make at all.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getsessiontoken.html
 */
import { AwsError } from '../kernel/aws-error.ts';
import type { ContextInput } from '../policy/index.ts';
import type { Tag } from '../store/iam-records.ts';
import type { StsSessionRecord } from '../store/session-records.ts';
import type { AuthorizationCheck, Caller } from '../services/operation.ts';
import { SIGV4_MESSAGES } from '../sigv4/index.ts';
import type { ServiceName } from './resolve-service.ts';

/** `aws:PrincipalTag/<key>` for each tag, `overrides` replacing `base` tags of the same key in any case. */
export function principalTagKeys(base: readonly Tag[], overrides: readonly Tag[] = []): Record<string, string> {
  const merged = new Map<string, Tag>();
  for (const tag of [...base, ...overrides]) merged.set(tag.key.toLowerCase(), tag);
  const keys: Record<string, string> = {};
  for (const tag of merged.values()) keys[`aws:PrincipalTag/${tag.key}`] = tag.value;
  return keys;
}

/** The condition keys temporary credentials carry beyond the principal's. */
export function sessionKeys(session: StsSessionRecord): Record<string, ContextInput> {
  const keys: Record<string, ContextInput> = {
    'aws:TokenIssueTime': session.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:MultiFactorAuthPresent': session.mfa,
  };
  if (session.sourceIdentity !== undefined) keys['aws:SourceIdentity'] = session.sourceIdentity;
  return keys;
}

/**
 * Refuses what temporary credentials may never do, whatever the policies say (docs/aws-behaviour/sts-sessions.md):
 * federated users call no IAM or STS operation but GetCallerIdentity (which declares no checks), refused
 * in the standard AccessDenied form with the identity-based reason (Appendix B #18);
 * GetSessionToken credentials without MFA call no IAM operation.
 */
export function assertSessionMayCall(caller: Caller, service: ServiceName, checks: readonly AuthorizationCheck[]): void {
  const session = caller.session;
  if (!session) return;
  if (session.kind === 'session-token' && !session.mfa && service === 'iam') {
    throw new AwsError('InvalidClientTokenId', 403, SIGV4_MESSAGES.invalidToken);
  }
  const first = checks[0];
  if (session.kind === 'federated-user' && (service === 'iam' || service === 'sts') && first) {
    const arn = 'arn' in caller.principal ? caller.principal.arn : '';
    const reason = `because no identity-based policy allows the ${first.action} action`;
    throw new AwsError('AccessDenied', 403, `User: ${arn} is not authorized to perform: ${first.action} on resource: ${first.messageResource ?? first.resource} ${reason}`);
  }
}
