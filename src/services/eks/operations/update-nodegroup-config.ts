/**
 * eks:UpdateNodegroupConfig `POST /clusters/{name}/node-groups/{nodegroupName}/update-config` (see
 * docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): a ConfigUpdate; the node group is UPDATING until it ends. Only an ACTIVE node group takes an
 * update, so one runs at a time (409 `Nodegroup cannot be updated as it is currently not in Active State`,
 * as AWS answers). A retry with the same clientRequestToken answers the update it made.
 */
import { defineOperation } from '../../operation.ts';
import { childCheck } from '../shared/child-checks.ts';
import { nodegroupNotFound } from '../shared/child-errors.ts';
import { updateToWire } from '../clusters/cluster-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { resourceInUse } from '../shared/eks-errors.ts';
import { delayMs, lifecycleStatus } from '../shared/lifecycle.ts';
import { nodegroupConfigChange } from '../nodegroups/nodegroup-config-update.ts';
import { recordUpdate, retriedUpdate } from '../updates/updates.ts';

export const updateNodegroupConfig = defineOperation('eks', 'UpdateNodegroupConfig', {
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:UpdateNodegroupConfig', 'nodegroup', input.clusterName, input.nodegroupName)],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const scope = `nodegroup/${input.nodegroupName}`;
    const update = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      await docs.requireCluster(input.clusterName);
      const nodegroup = await docs.get('nodegroup', input.clusterName, input.nodegroupName);
      if (!nodegroup) throw nodegroupNotFound(input.clusterName, input.nodegroupName);
      const retried = await retriedUpdate(docs, { cluster: input.clusterName, scope, token: input.clientRequestToken });
      if (retried) return retried;
      if (lifecycleStatus(nodegroup, now) !== 'ACTIVE') {
        throw resourceInUse('Nodegroup cannot be updated as it is currently not in Active State', { clusterName: input.clusterName, nodegroupName: input.nodegroupName });
      }
      const change = nodegroupConfigChange(input, nodegroup);
      await docs.put('nodegroup', input.clusterName, input.nodegroupName, { ...change.next, modifiedAt: now, updatingUntil: now + delayMs(ctx) });
      return recordUpdate(docs, ctx, { cluster: input.clusterName, scope, type: 'ConfigUpdate', params: change.params, token: input.clientRequestToken });
    });
    return { update: updateToWire(update, now) };
  },
});
