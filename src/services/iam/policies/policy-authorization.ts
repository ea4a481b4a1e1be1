/**
 * The authorization check of a managed-policy operation (docs/aws-behaviour/iam-policy-evaluation.md): the policy ARN as given,
 * decided as a resource of the caller's account (AWS managed policies live in the pseudo-account `aws`
 * yet are used in every account), with the policy's tags as `aws:ResourceTag/*`.
 */
import type { ContextInput } from '../../../policy/index.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';
import { parsePolicyArn } from './policy-lookup.ts';
import { resourceTagKeys } from '../../shared/iam-resource-tags.ts';

/** The check of `action` on the managed policy `arn`, plus `extra` condition keys. */
export async function policyCheck(ctx: OperationContext, action: string, arn: string, extra: Readonly<Record<string, ContextInput>> = {}): Promise<AuthorizationCheck> {
  const accountId = ctx.caller.accountId;
  const parts = parsePolicyArn(arn);
  const context: Record<string, ContextInput> = {};
  if (parts?.account === accountId) {
    const policy = await ctx.store.managedPolicies.get(arn);
    if (policy) Object.assign(context, resourceTagKeys(policy.tags));
  }
  Object.assign(context, extra);
  const foreign = parts !== undefined && parts.account !== 'aws' && parts.account !== accountId;
  return { action, resource: arn, ...(foreign ? {} : { resourceAccount: accountId }), context };
}
