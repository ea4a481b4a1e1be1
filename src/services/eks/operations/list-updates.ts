/** eks:ListUpdates `GET /clusters/{name}/updates` (docs/aws-behaviour/eks-clusters-and-lifecycle.md): the update ids of the cluster, node group or add-on, oldest first. */
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { childChecks, updateScope } from '../shared/child-checks.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { paginate } from '../shared/pagination.ts';
import { updatesOf } from '../updates/updates.ts';

export const listUpdates = defineOperation('eks', 'ListUpdates', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:ListUpdates', input.name), ...(await childChecks(ctx, 'eks:ListUpdates', input.name, input))],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.name);
    const updates = await updatesOf(docs, input.name, updateScope(input));
    const keyed = updates.map((u, i) => ({ id: u.id, key: String(i).padStart(8, '0') }));
    const page = paginate(keyed, (u) => u.key, input.maxResults, input.nextToken);
    return { updateIds: page.items.map((u) => u.id), ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) };
  },
});
