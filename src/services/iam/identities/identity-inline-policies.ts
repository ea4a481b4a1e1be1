/**
 * Inline policies of users and groups (Put/Get/Delete/List{User,Group}Policy): validated by the policy
 * engine, limited in aggregate size per owner (docs/aws-behaviour/iam-policy-language.md: 2,048 per user, 5,120 per group), and
 * stored exactly as submitted. https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import { INLINE_POLICY_AGGREGATE_LIMITS, policySize, validatePolicy } from '../../../policy/index.ts';
import type { InlinePolicyRecord } from '../../../store/iam-records.ts';
import type { OperationContext } from '../../operation.ts';
import { limitExceeded, noSuchEntity } from '../shared/iam-errors.ts';
import { requireOwner, type IdentityOwnerType, type PolicyOwner } from './identity-entities.ts';

/** Stores `document` as the inline policy `policyName` of the user or group `ownerName`. */
export async function putInlinePolicy(ctx: OperationContext, type: IdentityOwnerType, ownerName: string, policyName: string, document: string): Promise<void> {
  const accountId = ctx.caller.accountId;
  // The aggregate limit below is the one that applies to an inline policy (and is always the smaller).
  const validation = validatePolicy(document, 'identity-inline', { enforceSizeLimit: false });
  await ctx.store.transaction(async (tx) => {
    const owner = await requireOwner(tx, accountId, type, ownerName);
    if (!validation.ok) throw new AwsError(validation.error.code, validation.error.code === 'LimitExceeded' ? 409 : 400, validation.error.message);
    // INVARIANT: a document stored here validated as an identity policy; caller-policy-set.ts relies on it.
    const others = (await tx.inlinePolicies.list(accountId, type, owner.id)).filter((p) => p.name !== policyName);
    const aggregate = others.reduce((sum, p) => sum + policySize(p.document), validation.size);
    const limit = INLINE_POLICY_AGGREGATE_LIMITS[type];
    if (aggregate > limit.limit) throw limitExceeded(limit.message(owner.name));
    await tx.inlinePolicies.put({ accountId, ownerType: type, ownerId: owner.id, name: policyName, document });
  });
}

/** The inline policy `policyName` of the user or group `ownerName`, with its owner; NoSuchEntity when missing. */
export async function getInlinePolicy(ctx: OperationContext, type: IdentityOwnerType, ownerName: string, policyName: string): Promise<{ owner: PolicyOwner; policy: InlinePolicyRecord }> {
  const accountId = ctx.caller.accountId;
  const owner = await requireOwner(ctx.store, accountId, type, ownerName);
  const policy = await ctx.store.inlinePolicies.get(accountId, type, owner.id, policyName);
  if (!policy) throw missingInlinePolicy(type, policyName);
  return { owner, policy };
}

/** Deletes the inline policy `policyName` of the user or group `ownerName`; NoSuchEntity when missing. */
export async function deleteInlinePolicy(ctx: OperationContext, type: IdentityOwnerType, ownerName: string, policyName: string): Promise<void> {
  const accountId = ctx.caller.accountId;
  await ctx.store.transaction(async (tx) => {
    const owner = await requireOwner(tx, accountId, type, ownerName);
    if (!(await tx.inlinePolicies.get(accountId, type, owner.id, policyName))) throw missingInlinePolicy(type, policyName);
    await tx.inlinePolicies.delete(accountId, type, owner.id, policyName);
  });
}

/** The names of the inline policies of the user or group `ownerName`, sorted. */
export async function inlinePolicyNames(ctx: OperationContext, type: IdentityOwnerType, ownerName: string): Promise<string[]> {
  const accountId = ctx.caller.accountId;
  const owner = await requireOwner(ctx.store, accountId, type, ownerName);
  return (await ctx.store.inlinePolicies.list(accountId, type, owner.id)).map((p) => p.name);
}

function missingInlinePolicy(type: IdentityOwnerType, policyName: string): AwsError {
  return noSuchEntity(`The ${type} policy with name ${policyName} cannot be found.`);
}
