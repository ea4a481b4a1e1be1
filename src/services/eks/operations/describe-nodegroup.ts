/** eks:DescribeNodegroup `GET /clusters/{name}/node-groups/{nodegroupName}` (EKS-SPEC §2.7): authorized on the node group's ARN and tags. */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import { defineOperation } from '../../operation.ts';
import { childCheck } from '../child-checks.ts';
import { nodegroupNotFound } from '../child-errors.ts';
import { EksDocuments } from '../eks-documents.ts';
import { nodegroupToWire } from '../nodegroup-wire.ts';

interface DescribeNodegroupInput {
  readonly clusterName: string;
  readonly nodegroupName: string;
}

export const describeNodegroup = defineOperation<DescribeNodegroupInput, { nodegroup: WireStructure }>({
  readOnly: true,
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:DescribeNodegroup', 'nodegroup', input.clusterName, input.nodegroupName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.clusterName);
    const nodegroup = await docs.get('nodegroup', input.clusterName, input.nodegroupName);
    if (!nodegroup) throw nodegroupNotFound(input.clusterName, input.nodegroupName);
    return { nodegroup: nodegroupToWire(nodegroup, ctx.clock.now()) };
  },
});
