/** eks:ListFargateProfiles `GET /clusters/{name}/fargate-profiles` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): names in name order, authorized on the cluster. */
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { paginate } from '../shared/pagination.ts';

export const listFargateProfiles = defineOperation('eks', 'ListFargateProfiles', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:ListFargateProfiles', input.clusterName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.clusterName);
    const names = (await docs.list('fargateprofile', input.clusterName)).map((p) => p.fargateProfileName).sort();
    const page = paginate(names, (n) => n, input.maxResults, input.nextToken);
    return { fargateProfileNames: page.items, ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) };
  },
});
