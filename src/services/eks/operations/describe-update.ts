/**
 * eks:DescribeUpdate `GET /clusters/{name}/updates/{updateId}` (docs/aws-behaviour/eks-clusters-and-lifecycle.md): authorized on the
 * cluster (and, when the query names one, the node group or add-on).
 */
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { updateToWire } from '../clusters/cluster-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { resourceNotFound } from '../shared/eks-errors.ts';
import { childChecks, updateScope } from '../shared/child-checks.ts';

export const describeUpdate = defineOperation('eks', 'DescribeUpdate', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:DescribeUpdate', input.name), ...(await childChecks(ctx, 'eks:DescribeUpdate', input.name, input))],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.name);
    const update = await docs.get('update', input.name, input.updateId);
    if (!update || update.scope !== updateScope(input)) throw resourceNotFound(`No update found for ID: ${input.updateId}`, { clusterName: input.name });
    return { update: updateToWire(update, ctx.clock.now()) };
  },
});
