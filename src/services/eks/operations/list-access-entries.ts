/**
 * eks:ListAccessEntries `GET /clusters/{name}/access-entries` (docs/aws-behaviour/eks-access-entries.md): principal ARNs in order,
 * optionally only those with `associatedPolicyArn` associated; authorized on the cluster.
 */
import { defineOperation } from '../../operation.ts';
import { requireAccessEntryCluster } from '../access-entries/access-entry-lookup.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { paginate } from '../shared/pagination.ts';

export const listAccessEntries = defineOperation('eks', 'ListAccessEntries', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:ListAccessEntries', input.clusterName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await requireAccessEntryCluster(docs, input.clusterName);
    const policy = input.associatedPolicyArn;
    const entries = (await docs.list('accessentry', input.clusterName)).filter((e) => policy === undefined || e.policies.some((p) => p.policyArn === policy));
    const page = paginate(entries.map((e) => e.principalArn).sort(), (arn) => arn, input.maxResults, input.nextToken);
    return { accessEntries: page.items, ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) };
  },
});
