/** eks:ListTagsForResource `GET /tags/{resourceArn}` (EKS-SPEC §2.9): the resource's tags, `{}` when it has none. */
import { defineOperation } from '../../operation.ts';
import { EksDocuments } from '../eks-documents.ts';
import type { TagMap } from '../eks-state.ts';
import { tagCheck } from '../tag-checks.ts';
import { requireTaggedResource } from '../tagged-resources.ts';

interface ListTagsForResourceInput {
  readonly resourceArn: string;
}

export const listTagsForResource = defineOperation<ListTagsForResourceInput, { tags: TagMap }>({
  readOnly: true,
  authorize: async (input, ctx) => [await tagCheck(ctx, 'eks:ListTagsForResource', input.resourceArn)],
  handle: async (input, ctx) => ({ tags: { ...(await requireTaggedResource(new EksDocuments(ctx), input.resourceArn)).state.tags } }),
});
