/**
 * Authorization on an access entry (docs/aws-behaviour/eks-authorization.md): every action but CreateAccessEntry is checked
 * on the entry's ARN with the access-entry resource keys taken from the stored entry (aws:ResourceTag/*,
 * eks:accessEntryType, eks:clusterName, eks:kubernetesGroups, eks:principalArn, eks:username). For a
 * principal with no entry the ARN ends in `*` (its uuid does not exist) and only the keys the request
 * itself determines are set, so policies on the cluster's entries still decide and the handler then
 * answers 404.
 */
import type { ContextInput } from '../../../policy/index.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';
import { accessEntryArn } from '../shared/eks-arns.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import type { AccessEntryState } from '../shared/eks-state.ts';
import { resourceTagContext } from '../tags/tag-context.ts';

type Context = Record<string, ContextInput>;

/** The access-entry resource keys of a stored entry. */
export function accessEntryResourceContext(entry: AccessEntryState): Context {
  return {
    ...resourceTagContext(entry.tags),
    'eks:accessEntryType': entry.type,
    'eks:clusterName': entry.clusterName,
    'eks:kubernetesGroups': [...entry.kubernetesGroups],
    'eks:principalArn': entry.principalArn,
    'eks:username': entry.username,
  };
}

/** The stored entry of `principalArn` in `cluster`, or undefined (no cluster, no entry). */
export function findAccessEntry(ctx: OperationContext, cluster: string, principalArn: string): Promise<AccessEntryState | undefined> {
  return new EksDocuments(ctx).get('accessentry', cluster, principalArn);
}

/** `action` on the entry of `principalArn` in `cluster`, with `context` (the action's own keys) added. */
export async function accessEntryCheck(ctx: OperationContext, action: string, cluster: string, principalArn: string, context: Context = {}): Promise<AuthorizationCheck> {
  const entry = await findAccessEntry(ctx, cluster, principalArn);
  if (entry) return { action, resource: entry.arn, context: { ...accessEntryResourceContext(entry), ...context } };
  return {
    action,
    resource: accessEntryArn(ctx.region, ctx.caller.accountId, cluster, principalArn, '*'),
    context: { 'eks:clusterName': cluster, 'eks:principalArn': principalArn, ...context },
  };
}
