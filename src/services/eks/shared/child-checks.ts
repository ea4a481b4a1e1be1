/**
 * Authorization on a cluster's node groups, add-ons and Fargate profiles (docs/aws-behaviour/eks-authorization.md): the child's
 * own ARN (with its uuid) and `aws:ResourceTag/*` from its tags. A child that does not exist is
 * named `<type>/<cluster>/<name>/*`, so policies on the cluster's children still decide.
 */
import type { EksChildKind } from '../../../store/eks-records.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';
import { EksDocuments } from './eks-documents.ts';
import { resourceTagContext } from '../tags/tag-context.ts';

/** The kinds of cluster children with their own ARN. */
export type ChildKind = EksChildKind;

/** `action` on the child `name` of `cluster`. */
export async function childCheck(ctx: OperationContext, action: string, kind: ChildKind, cluster: string, name: string): Promise<AuthorizationCheck> {
  const child = await new EksDocuments(ctx).get(kind, cluster, name);
  const resource = child?.arn ?? `arn:aws:eks:${ctx.region}:${ctx.caller.accountId}:${kind}/${cluster}/${name}/*`;
  return { action, resource, context: resourceTagContext(child?.tags) };
}

/** The optional node-group / add-on checks of DescribeUpdate and ListUpdates. */
export async function childChecks(ctx: OperationContext, action: string, cluster: string, input: { readonly nodegroupName?: string; readonly addonName?: string }): Promise<AuthorizationCheck[]> {
  if (input.nodegroupName !== undefined) return [await childCheck(ctx, action, 'nodegroup', cluster, input.nodegroupName)];
  if (input.addonName !== undefined) return [await childCheck(ctx, action, 'addon', cluster, input.addonName)];
  return [];
}

/** The update scope a DescribeUpdate / ListUpdates query names. */
export function updateScope(input: { readonly nodegroupName?: string; readonly addonName?: string }): string {
  if (input.nodegroupName !== undefined) return `nodegroup/${input.nodegroupName}`;
  if (input.addonName !== undefined) return `addon/${input.addonName}`;
  return 'cluster';
}
