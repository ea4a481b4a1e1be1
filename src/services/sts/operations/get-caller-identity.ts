/**
 * sts:GetCallerIdentity (docs/aws-behaviour/sts-sessions.md): who the credentials belong to. Never denied, so it declares no
 * checks. https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
import { defineOperation } from '../../operation.ts';
import type { RequestPrincipal } from '../../../policy/index.ts';

interface GetCallerIdentityOutput {
  readonly UserId: string;
  readonly Account: string;
  readonly Arn: string;
}

/** UserId and Arn per principal type (docs/aws-behaviour/iam-identities-and-quotas.md). */
export function callerIdentity(principal: RequestPrincipal, accountId: string): GetCallerIdentityOutput {
  switch (principal.type) {
    case 'User': return { UserId: principal.uniqueId ?? principal.name, Account: accountId, Arn: principal.arn };
    case 'AssumedRole': return { UserId: `${principal.roleUniqueId ?? principal.roleName}:${principal.sessionName}`, Account: accountId, Arn: principal.arn };
    case 'FederatedUser': return { UserId: `${accountId}:${principal.name}`, Account: accountId, Arn: principal.arn };
    case 'Account': return { UserId: accountId, Account: accountId, Arn: principal.arn };
    default: return { UserId: 'anonymous', Account: accountId, Arn: '' };
  }
}

export const getCallerIdentity = defineOperation('sts', 'GetCallerIdentity', {
  authorize: () => [],
  handle: async (_input, ctx) => callerIdentity(ctx.caller.principal, ctx.caller.accountId),
});
