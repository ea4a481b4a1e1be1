/** eks:DescribeCluster `GET /clusters/{name}` (EKS-SPEC §2.3). */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../cluster-checks.ts';
import { describedCluster } from '../cluster-wire.ts';
import { EksDocuments } from '../eks-documents.ts';

export const describeCluster = defineOperation<{ readonly name: string }, { cluster: WireStructure }>({
  readOnly: true,
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:DescribeCluster', input.name)],
  handle: async (input, ctx) => describedCluster(await new EksDocuments(ctx).requireCluster(input.name), ctx.clock.now(), ctx.region),
});
