/** eks:DescribeCluster `GET /clusters/{name}` (docs/aws-behaviour/eks-clusters-and-lifecycle.md). */
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { describedCluster } from '../clusters/cluster-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';

export const describeCluster = defineOperation('eks', 'DescribeCluster', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:DescribeCluster', input.name)],
  handle: async (input, ctx) => describedCluster(await new EksDocuments(ctx).requireCluster(input.name), ctx.clock.now(), ctx.region),
});
