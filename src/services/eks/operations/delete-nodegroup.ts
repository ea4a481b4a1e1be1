/**
 * eks:DeleteNodegroup `DELETE /clusters/{name}/node-groups/{nodegroupName}` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): DELETING,
 * then gone; a node group already DELETING answers as it is. Authorized on the node group's ARN and tags.
 */
import { defineOperation } from '../../operation.ts';
import { childCheck } from '../shared/child-checks.ts';
import { nodegroupNotFound } from '../shared/child-errors.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { delayMs } from '../shared/lifecycle.ts';
import { nodegroupToWire } from '../nodegroups/nodegroup-wire.ts';

export const deleteNodegroup = defineOperation('eks', 'DeleteNodegroup', {
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:DeleteNodegroup', 'nodegroup', input.clusterName, input.nodegroupName)],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const deleting = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      await docs.requireCluster(input.clusterName);
      const nodegroup = await docs.get('nodegroup', input.clusterName, input.nodegroupName);
      if (!nodegroup) throw nodegroupNotFound(input.clusterName, input.nodegroupName);
      if (nodegroup.deletingUntil !== undefined) return nodegroup;
      const next = { ...nodegroup, modifiedAt: now, deletingUntil: now + delayMs(ctx) };
      await docs.put('nodegroup', input.clusterName, input.nodegroupName, next);
      return next;
    });
    return { nodegroup: nodegroupToWire(deleting, now) };
  },
});
