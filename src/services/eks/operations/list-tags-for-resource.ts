/** eks:ListTagsForResource `GET /tags/{resourceArn}` (docs/aws-behaviour/eks-clusters-and-lifecycle.md): the resource's tags, `{}` when it has none. */
import { defineOperation } from '../../operation.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { tagCheck } from '../tags/tag-checks.ts';
import { requireTaggedResource } from '../tags/tagged-resources.ts';

export const listTagsForResource = defineOperation('eks', 'ListTagsForResource', {
  authorize: async (input, ctx) => [await tagCheck(ctx, 'eks:ListTagsForResource', input.resourceArn)],
  handle: async (input, ctx) => ({ tags: { ...(await requireTaggedResource(new EksDocuments(ctx), input.resourceArn)).state.tags } }),
});
