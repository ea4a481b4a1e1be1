/**
 * eks:DeleteNodegroup `DELETE /clusters/{name}/node-groups/{nodegroupName}` (EKS-SPEC §2.7): DELETING,
 * then gone; a node group already DELETING answers as it is. Authorized on the node group's ARN and tags.
 */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import { defineOperation } from '../../operation.ts';
import { childCheck } from '../child-checks.ts';
import { nodegroupNotFound } from '../child-errors.ts';
import { EksDocuments } from '../eks-documents.ts';
import { delayMs } from '../lifecycle.ts';
import { nodegroupToWire } from '../nodegroup-wire.ts';

interface DeleteNodegroupInput {
  readonly clusterName: string;
  readonly nodegroupName: string;
}

export const deleteNodegroup = defineOperation<DeleteNodegroupInput, { nodegroup: WireStructure }>({
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
