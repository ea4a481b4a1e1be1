/**
 * Console sessions: what a console sign-in yields. AWS's console signs a person in and then calls the
 * AWS APIs with temporary credentials that act as the IAM user (or root user) itself; Tollgate does the
 * same with an STS session of kind `console`:
 * - the principal is the user itself (`arn:aws:iam::ACCT:user/NAME`, or the root user), so every page's
 *   call is decided by the user's own policies, exactly as from the CLI with the user's access key;
 * - unlike GetSessionToken's credentials, which call no IAM operation without MFA, a console session
 *   calls IAM like the user (AWS's console manages IAM without MFA when no policy requires it); its
 *   `aws:MultiFactorAuthPresent` is false (Tollgate models no MFA devices) and `aws:TokenIssueTime` is
 *   the sign-in time, so policies conditioned on either treat it as AWS treats a console session;
 * - it lasts an hour (a password-reset session 15 minutes), ends at sign-out (the record is deleted, so
 *   the next request signed with it is refused) and when the user is deleted;
 * - a user whose password must be reset gets a session limited by a session policy to what changing
 *   the password needs (ChangePassword, GetAccountPasswordPolicy, GetCallerIdentity), still subject to
 *   the user's own policies, as AWS asks such a user for a new password before anything else.
 */
import type { OperationContext } from '../services/operation.ts';
import { issueCredentials, type WireCredentials } from '../services/sts/sessions/temporary-credentials.ts';

/** How long a console session lasts (seconds). */
export const CONSOLE_SESSION_SECONDS = 3_600;
/** How long a session that may only change the password lasts (seconds). */
export const PASSWORD_RESET_SESSION_SECONDS = 900;

/** The session policy of a user who must set a new password first. */
export const PASSWORD_RESET_SESSION_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'PasswordResetOnly', Effect: 'Allow', Action: ['iam:ChangePassword', 'iam:GetAccountPasswordPolicy', 'sts:GetCallerIdentity'], Resource: '*' }],
});

/** Issues a console session for the IAM user `userId` (undefined: the root user) of `accountId`. */
export function issueConsoleSession(
  ctx: Pick<OperationContext, 'ids' | 'clock' | 'store' | 'secrets'>, accountId: string, userId: string | undefined, passwordResetOnly: boolean,
): Promise<WireCredentials> {
  return issueCredentials(ctx, {
    accountId, kind: 'console', principalId: userId, name: '',
    policy: passwordResetOnly ? PASSWORD_RESET_SESSION_POLICY : undefined, policyArns: [], tags: [], transitiveTagKeys: [],
    sourceIdentity: undefined, mfa: false, chained: false,
  }, passwordResetOnly ? PASSWORD_RESET_SESSION_SECONDS : CONSOLE_SESSION_SECONDS);
}
