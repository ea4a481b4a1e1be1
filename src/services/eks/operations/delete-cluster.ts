/**
 * eks:DeleteCluster `DELETE /clusters/{name}` (docs/aws-behaviour/eks-clusters-and-lifecycle.md): refused while node groups or Fargate
 * profiles remain or an update is in progress; otherwise DELETING, then gone with everything it held.
 */
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { clusterToWire } from '../clusters/cluster-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { resourceInUse } from '../shared/eks-errors.ts';
import { delayMs, lifecycleStatus, updateStatus } from '../shared/lifecycle.ts';

export const deleteCluster = defineOperation('eks', 'DeleteCluster', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:DeleteCluster', input.name)],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const deleting = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      const cluster = await docs.requireCluster(input.name);
      if (lifecycleStatus(cluster, now) === 'DELETING') return cluster;
      const nodegroups = await docs.list('nodegroup', input.name);
      if (nodegroups.length > 0) throw resourceInUse('Cluster has nodegroups attached', { clusterName: input.name, nodegroupName: nodegroups[0]!.nodegroupName });
      if ((await docs.list('fargateprofile', input.name)).length > 0) throw resourceInUse('Cluster has fargate profiles attached', { clusterName: input.name });
      const busy = (await docs.list('update', input.name)).some((u) => updateStatus(u, now) === 'InProgress');
      if (busy) throw resourceInUse(`Cannot delete because cluster ${input.name} currently has an update in progress`, { clusterName: input.name });
      const next = { ...cluster, deletingUntil: now + delayMs(ctx) };
      await docs.put('cluster', input.name, input.name, next);
      // Its Kubernetes API stops with the deletion, and its objects go at once (its port is free again).
      await tx.kubernetes.deleteCluster(cluster.id);
      return next;
    });
    return { cluster: clusterToWire(deleting, now, ctx.region) };
  },
});
