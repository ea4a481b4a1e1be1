/** eks:DescribeNodegroup `GET /clusters/{name}/node-groups/{nodegroupName}` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): authorized on the node group's ARN and tags. */
import { defineOperation } from '../../operation.ts';
import { childCheck } from '../shared/child-checks.ts';
import { nodegroupNotFound } from '../shared/child-errors.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { nodegroupToWire } from '../nodegroups/nodegroup-wire.ts';

export const describeNodegroup = defineOperation('eks', 'DescribeNodegroup', {
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:DescribeNodegroup', 'nodegroup', input.clusterName, input.nodegroupName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.clusterName);
    const nodegroup = await docs.get('nodegroup', input.clusterName, input.nodegroupName);
    if (!nodegroup) throw nodegroupNotFound(input.clusterName, input.nodegroupName);
    return { nodegroup: nodegroupToWire(nodegroup, ctx.clock.now()) };
  },
});
