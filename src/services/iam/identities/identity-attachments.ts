/**
 * Managed policies attached to users and groups (AttachUserPolicy, AttachGroupPolicy and their Detach
 * and ListAttached operations): at most 10 per entity (docs/aws-behaviour/iam-identities-and-quotas.md), idempotent attach, and
 * `Policy <arn> was not found.` when detaching a policy that is not attached.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html
 */
import type { OperationContext } from '../../operation.ts';
import { limitExceeded, noSuchEntity } from '../shared/iam-errors.ts';
import { requireOwner, type IdentityOwnerType } from './identity-entities.ts';
import { findManagedPolicy, requireAttachablePolicy, type ManagedPolicyRef } from './identity-managed-policies.ts';
import { assertParsablePolicyArn } from '../policies/policy-lookup.ts';

/** Most managed policies attached to one user or group. */
export const ATTACHED_POLICIES_PER_ENTITY = 10;

const QUOTA_NAME = { user: 'PoliciesPerUser', group: 'PoliciesPerGroup' } as const;

/** Attaches `policyArn` to the user or group `name`. */
export async function attachPolicy(ctx: OperationContext, type: IdentityOwnerType, name: string, policyArn: string): Promise<void> {
  assertParsablePolicyArn(policyArn);
  const accountId = ctx.caller.accountId;
  await ctx.store.transaction(async (tx) => {
    const owner = await requireOwner(tx, accountId, type, name);
    await requireAttachablePolicy(tx, ctx.managedPolicies, accountId, policyArn);
    const attached = await tx.attachments.ofEntity(accountId, type, owner.id);
    if (attached.some((a) => a.policyArn === policyArn)) return;
    if (attached.length >= ATTACHED_POLICIES_PER_ENTITY) throw limitExceeded(`Cannot exceed quota for ${QUOTA_NAME[type]}: ${ATTACHED_POLICIES_PER_ENTITY}`);
    await tx.attachments.attach({ accountId, policyArn, entityType: type, entityId: owner.id });
  });
}

/** Detaches `policyArn` from the user or group `name`. */
export async function detachPolicy(ctx: OperationContext, type: IdentityOwnerType, name: string, policyArn: string): Promise<void> {
  assertParsablePolicyArn(policyArn);
  const accountId = ctx.caller.accountId;
  await ctx.store.transaction(async (tx) => {
    const owner = await requireOwner(tx, accountId, type, name);
    const attached = await tx.attachments.ofEntity(accountId, type, owner.id);
    if (!attached.some((a) => a.policyArn === policyArn)) throw noSuchEntity(`Policy ${policyArn} was not found.`);
    await tx.attachments.detach({ accountId, policyArn, entityType: type, entityId: owner.id });
  });
}

/** The policies attached to the user or group `name` whose path starts with `pathPrefix`, in attachment order. */
export async function attachedPolicies(ctx: OperationContext, type: IdentityOwnerType, name: string, pathPrefix: string | undefined): Promise<ManagedPolicyRef[]> {
  const accountId = ctx.caller.accountId;
  const owner = await requireOwner(ctx.store, accountId, type, name);
  const out: ManagedPolicyRef[] = [];
  for (const attachment of await ctx.store.attachments.ofEntity(accountId, type, owner.id)) {
    const policy = await findManagedPolicy(ctx.store, ctx.managedPolicies, accountId, attachment.policyArn);
    if (policy && policy.path.startsWith(pathPrefix ?? '/')) out.push(policy);
  }
  return out;
}
