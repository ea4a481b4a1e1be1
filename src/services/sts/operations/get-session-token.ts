/**
 * sts:GetSessionToken (docs/aws-behaviour/sts-sessions.md): temporary credentials for the calling IAM user or root
 * user, who stays the principal. Needs no Allow (only an explicit Deny stops it); refused to
 * temporary credentials. Users get 900–129600 s (default 43200), the root user at most 3600 s.
 * With SerialNumber and TokenCode the session counts as MFA-authenticated (any six digits are
 * accepted: Tollgate models no MFA devices).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
import { defineOperation } from '../../operation.ts';
import { accessDenied, STS_MESSAGES } from '../shared/sts-errors.ts';
import { issueCredentials } from '../sessions/temporary-credentials.ts';

/** Default session length for IAM users, and the most the root user gets (seconds). */
const USER_DEFAULT = 43_200;
const ROOT_MAX = 3_600;

export const getSessionToken = defineOperation('sts', 'GetSessionToken', {
  authorize: (_input, ctx) => {
    if (ctx.caller.credentialType === 'session') throw accessDenied(STS_MESSAGES.sessionCredentials('GetSessionToken'));
    return [{ action: 'sts:GetSessionToken', resource: '*' }];
  },
  handle: async (input, ctx) => {
    const principal = ctx.caller.principal;
    const root = principal.type === 'Account';
    // The root user's sessions last at most an hour: a longer request gets an hour.
    const duration = root ? Math.min(input.DurationSeconds ?? ROOT_MAX, ROOT_MAX) : input.DurationSeconds ?? USER_DEFAULT;
    const credentials = await issueCredentials(ctx, {
      accountId: ctx.caller.accountId, kind: 'session-token', principalId: principal.type === 'User' ? principal.uniqueId : undefined, name: '',
      policy: undefined, policyArns: [], tags: [], transitiveTagKeys: [], sourceIdentity: undefined,
      mfa: input.SerialNumber !== undefined && input.TokenCode !== undefined, chained: false,
    }, duration);
    return { Credentials: credentials };
  },
});
