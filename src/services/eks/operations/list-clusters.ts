/** eks:ListClusters `GET /clusters` (docs/aws-behaviour/eks-clusters-and-lifecycle.md): names in name order; authorized on `*` (AccessDenied shows `cluster/*`). */
import { defineOperation } from '../../operation.ts';
import { clusterArn } from '../shared/eks-arns.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { paginate } from '../shared/pagination.ts';

export const listClusters = defineOperation('eks', 'ListClusters', {
  authorize: (_input, ctx) => [{ action: 'eks:ListClusters', resource: '*', messageResource: clusterArn(ctx.region, ctx.caller.accountId, '*') }],
  handle: async (input, ctx) => {
    const clusters = await new EksDocuments(ctx).list('cluster');
    const page = paginate(clusters.map((c) => c.name), (n) => n, input.maxResults, input.nextToken);
    return { clusters: page.items, ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) };
  },
});
