/** eks:ListNodegroups `GET /clusters/{name}/node-groups` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): names in name order, authorized on the cluster. */
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { paginate } from '../shared/pagination.ts';

export const listNodegroups = defineOperation('eks', 'ListNodegroups', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:ListNodegroups', input.clusterName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.clusterName);
    const names = (await docs.list('nodegroup', input.clusterName)).map((n) => n.nodegroupName).sort();
    const page = paginate(names, (n) => n, input.maxResults, input.nextToken);
    return { nodegroups: page.items, ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) };
  },
});
