/** eks:ListAddons `GET /clusters/{name}/addons` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): add-on names in name order, authorized on the cluster. */
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { paginate } from '../shared/pagination.ts';

export const listAddons = defineOperation('eks', 'ListAddons', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:ListAddons', input.clusterName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.clusterName);
    const names = (await docs.list('addon', input.clusterName)).map((a) => a.addonName).sort();
    const page = paginate(names, (n) => n, input.maxResults, input.nextToken);
    return { addons: page.items, ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) };
  },
});
