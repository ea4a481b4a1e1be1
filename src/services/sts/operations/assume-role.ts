/**
 * sts:AssumeRole (docs/aws-behaviour/sts-sessions.md): after shape validation, the RoleArn must parse, the root user is
 * refused, then the caller's identity policies and the role's trust policy decide `sts:AssumeRole` (and
 * `sts:TagSession`, `sts:SetSourceIdentity` when used) (docs/aws-behaviour/sts-sessions.md); a role that does not exist is
 * refused exactly like one whose trust policy does not allow the caller. Then duration, session tags and
 * session policies are checked and `ASIA…` credentials issued.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import type { ContextInput } from '../../../policy/index.ts';
import type { RoleRecord } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import { defineOperation, type AuthorizationCheck, type OperationContext } from '../../operation.ts';
import { checkSessionPolicies } from '../sessions/session-policies.ts';
import { inheritedTransitiveTags, sessionTagContext, sessionTags } from '../sessions/session-tags.ts';
import { accessDenied, STS_MESSAGES, validationError } from '../shared/sts-errors.ts';
import { issueCredentials } from '../sessions/temporary-credentials.ts';
import type { AssumeRoleRequest } from '../../../model-types/sts.ts';

const ANY_ARN = /^arn:aws(-[a-z]+)*:[a-z0-9-]+:[^:]*:[^:]*:.+$/;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;
/** The default session length, and the most a chained role session may last (seconds). */
const ONE_HOUR = 3600;

/** The role `arn` names exactly (path included), if it exists. */
async function roleOf(store: StoreSession, arn: string): Promise<RoleRecord | undefined> {
  const m = ROLE_ARN.exec(arn);
  if (!m) return undefined;
  const role = await store.roles.get(m[1]!, m[2]!);
  return role?.arn === arn ? role : undefined;
}

/**
 * The source identity the new session will carry: a calling session's persists and cannot be changed
 * (docs/aws-behaviour/iam-policy-evaluation.md), so a different requested value is not taken, and the trust policy sees the one kept.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
 */
function sourceIdentityOf(input: AssumeRoleRequest, ctx: OperationContext): string | undefined {
  return ctx.caller.session?.sourceIdentity ?? input.SourceIdentity;
}

export const assumeRole = defineOperation('sts', 'AssumeRole', {
  // Issuing a session changes no decision any cache holds.
  authorize: async (input, ctx) => {
    if (!ANY_ARN.test(input.RoleArn)) throw validationError(`${input.RoleArn} is invalid`);
    if (ctx.caller.principal.type === 'Account') throw accessDenied(STS_MESSAGES.rootAssumeRole);
    const role = await roleOf(ctx.store, input.RoleArn);
    const context: Record<string, ContextInput> = { 'sts:RoleSessionName': input.RoleSessionName, ...sessionTagContext(input.Tags, input.TransitiveTagKeys) };
    if (input.ExternalId !== undefined) context['sts:ExternalId'] = input.ExternalId;
    const sourceIdentity = sourceIdentityOf(input, ctx);
    if (sourceIdentity !== undefined) context['sts:SourceIdentity'] = sourceIdentity;
    if (input.SerialNumber !== undefined && input.TokenCode !== undefined) context['aws:MultiFactorAuthPresent'] = true;
    for (const tag of role?.tags ?? []) context[`iam:ResourceTag/${tag.key}`] = tag.value;
    const base = {
      resource: input.RoleArn,
      resourceAccount: ROLE_ARN.exec(input.RoleArn)?.[1],
      context,
      resourcePolicies: role ? [{ kind: 'trust' as const, document: role.trustPolicy, name: `role/${role.name}` }] : [],
    };
    const checks: AuthorizationCheck[] = [{ action: 'sts:AssumeRole', ...base }];
    if ((input.Tags?.length ?? 0) > 0 || (input.TransitiveTagKeys?.length ?? 0) > 0) checks.push({ action: 'sts:TagSession', ...base });
    if (sourceIdentity !== undefined) checks.push({ action: 'sts:SetSourceIdentity', ...base });
    return checks;
  },
  handle: async (input, ctx) => {
    const caller = ctx.caller;
    const role = await roleOf(ctx.store, input.RoleArn);
    const callerArn = 'arn' in caller.principal ? caller.principal.arn : '';
    if (!role) throw accessDenied(`User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`);

    const duration = input.DurationSeconds ?? ONE_HOUR;
    if (duration > role.maxSessionDuration) throw validationError(STS_MESSAGES.maxSessionDuration);
    const chained = caller.credentialType === 'session';
    if (chained && duration > ONE_HOUR) throw validationError(STS_MESSAGES.roleChaining);

    const { tags, transitiveTagKeys } = sessionTags(input.Tags, input.TransitiveTagKeys, inheritedTransitiveTags(caller.session));
    const policies = await checkSessionPolicies(ctx, role.accountId, input.Policy, input.PolicyArns, input.Tags?.length ? tags : []);
    const sourceIdentity = sourceIdentityOf(input, ctx);
    const mfa = (input.SerialNumber !== undefined && input.TokenCode !== undefined) || (caller.session?.mfa ?? false);

    const credentials = await issueCredentials(ctx, {
      accountId: role.accountId, kind: 'assumed-role', principalId: role.id, name: input.RoleSessionName,
      policy: policies.policy, policyArns: policies.policyArns, tags, transitiveTagKeys, sourceIdentity, mfa, chained,
    }, duration);
    return {
      Credentials: credentials,
      AssumedRoleUser: { AssumedRoleId: `${role.id}:${input.RoleSessionName}`, Arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${input.RoleSessionName}` },
      ...(policies.packedPolicySize !== undefined ? { PackedPolicySize: policies.packedPolicySize } : {}),
      ...(sourceIdentity !== undefined ? { SourceIdentity: sourceIdentity } : {}),
    };
  },
});
