/** eks:ListAssociatedAccessPolicies `GET /clusters/{name}/access-entries/{principalArn}/access-policies` (docs/aws-behaviour/eks-access-entries.md): the entry's associations by policy ARN. */
import { defineOperation } from '../../operation.ts';
import { accessEntryCheck } from '../access-entries/access-entry-checks.ts';
import { requireAccessEntry } from '../access-entries/access-entry-lookup.ts';
import { associationToWire } from '../access-entries/access-entry-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { paginate } from '../shared/pagination.ts';

export const listAssociatedAccessPolicies = defineOperation('eks', 'ListAssociatedAccessPolicies', {
  authorize: async (input, ctx) => [await accessEntryCheck(ctx, 'eks:ListAssociatedAccessPolicies', input.clusterName, input.principalArn)],
  handle: async (input, ctx) => {
    const entry = await requireAccessEntry(new EksDocuments(ctx), input.clusterName, input.principalArn);
    const sorted = [...entry.policies].sort((a, b) => (a.policyArn < b.policyArn ? -1 : a.policyArn > b.policyArn ? 1 : 0));
    const page = paginate(sorted, (p) => p.policyArn, input.maxResults, input.nextToken);
    return {
      clusterName: input.clusterName,
      principalArn: input.principalArn,
      associatedAccessPolicies: page.items.map(associationToWire),
      ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
    };
  },
});
