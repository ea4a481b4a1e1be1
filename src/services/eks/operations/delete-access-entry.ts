/** eks:DeleteAccessEntry `DELETE /clusters/{name}/access-entries/{principalArn}` (docs/aws-behaviour/eks-access-entries.md): removes the entry with its associations and tags; answers `{}`. */
import { defineOperation } from '../../operation.ts';
import { accessEntryCheck } from '../access-entries/access-entry-checks.ts';
import { requireAccessEntry } from '../access-entries/access-entry-lookup.ts';
import { EksDocuments } from '../shared/eks-documents.ts';

export const deleteAccessEntry = defineOperation('eks', 'DeleteAccessEntry', {
  authorize: async (input, ctx) => [await accessEntryCheck(ctx, 'eks:DeleteAccessEntry', input.clusterName, input.principalArn)],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      await requireAccessEntry(docs, input.clusterName, input.principalArn);
      await docs.delete('accessentry', input.clusterName, input.principalArn);
    });
    return {};
  },
});
