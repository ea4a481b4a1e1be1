/** Authorization checks on an existing cluster (docs/aws-behaviour/eks-authorization.md): the cluster ARN, with `aws:ResourceTag/*` from its tags. */
import type { ContextInput } from '../../../policy/index.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';
import { clusterArn } from '../shared/eks-arns.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { resourceTagContext } from '../tags/tag-context.ts';

/** `action` on cluster `name` (its tags as resource tags when it exists). */
export async function clusterCheck(ctx: OperationContext, action: string, name: string, context: Readonly<Record<string, ContextInput>> = {}): Promise<AuthorizationCheck> {
  const cluster = await new EksDocuments(ctx).cluster(name);
  return { action, resource: clusterArn(ctx.region, ctx.caller.accountId, name), context: { ...resourceTagContext(cluster?.tags), ...context } };
}
