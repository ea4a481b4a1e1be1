/**
 * sts:GetFederationToken (docs/aws-behaviour/sts-sessions.md): temporary credentials for a federated user
 * `arn:aws:sts::ACCT:federated-user/NAME`, whose permissions are the calling IAM user's policies
 * intersected with the session policies passed (none passed: no permissions). Needs an Allow of
 * `sts:GetFederationToken` (and `sts:TagSession` with tags); refused to temporary credentials.
 * Duration 900–129600 s (default 43200), at most 3600 s for the root user.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
import type { AuthorizationCheck } from '../../operation.ts';
import { defineOperation } from '../../operation.ts';
import { checkSessionPolicies } from '../sessions/session-policies.ts';
import { sessionTagContext, sessionTags } from '../sessions/session-tags.ts';
import { accessDenied, STS_MESSAGES } from '../shared/sts-errors.ts';
import { issueCredentials } from '../sessions/temporary-credentials.ts';

const USER_DEFAULT = 43_200;
const ROOT_MAX = 3_600;

function federatedUserArn(accountId: string, name: string): string {
  return `arn:aws:sts::${accountId}:federated-user/${name}`;
}

export const getFederationToken = defineOperation('sts', 'GetFederationToken', {
  authorize: (input, ctx) => {
    if (ctx.caller.credentialType === 'session') throw accessDenied(STS_MESSAGES.sessionCredentials('GetFederationToken'));
    const base = { resource: federatedUserArn(ctx.caller.accountId, input.Name), context: sessionTagContext(input.Tags, undefined) };
    const checks: AuthorizationCheck[] = [{ action: 'sts:GetFederationToken', ...base }];
    if ((input.Tags?.length ?? 0) > 0) checks.push({ action: 'sts:TagSession', ...base });
    return checks;
  },
  handle: async (input, ctx) => {
    const { accountId, principal } = ctx.caller;
    const root = principal.type === 'Account';
    const duration = root ? Math.min(input.DurationSeconds ?? ROOT_MAX, ROOT_MAX) : input.DurationSeconds ?? USER_DEFAULT;
    const { tags } = sessionTags(input.Tags, undefined, []);
    const policies = await checkSessionPolicies(ctx, accountId, input.Policy, input.PolicyArns, tags);
    const credentials = await issueCredentials(ctx, {
      accountId, kind: 'federated-user', principalId: principal.type === 'User' ? principal.uniqueId : undefined, name: input.Name,
      policy: policies.policy, policyArns: policies.policyArns, tags, transitiveTagKeys: [], sourceIdentity: undefined, mfa: false, chained: false,
    }, duration);
    return {
      Credentials: credentials,
      FederatedUser: { FederatedUserId: `${accountId}:${input.Name}`, Arn: federatedUserArn(accountId, input.Name) },
      PackedPolicySize: policies.packedPolicySize ?? 0,
    };
  },
});
