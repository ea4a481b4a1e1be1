/** eks:UntagResource `DELETE /tags/{resourceArn}?tagKeys=…` (docs/aws-behaviour/eks-clusters-and-lifecycle.md): removes the keys named (absent keys are no error); answers `{}`. */
import { defineOperation } from '../../operation.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { tagCheck } from '../tags/tag-checks.ts';
import { putTags, requireTaggedResource } from '../tags/tagged-resources.ts';

export const untagResource = defineOperation('eks', 'UntagResource', {
  authorize: async (input, ctx) => [await tagCheck(ctx, 'eks:UntagResource', input.resourceArn, { 'aws:TagKeys': [...input.tagKeys] })],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      const resource = await requireTaggedResource(docs, input.resourceArn);
      const removed = new Set(input.tagKeys);
      await putTags(docs, resource, Object.fromEntries(Object.entries(resource.state.tags).filter(([key]) => !removed.has(key))));
    });
    return {};
  },
});
