/**
 * eks:TagResource `POST /tags/{resourceArn}` (docs/aws-behaviour/eks-clusters-and-lifecycle.md): adds or overwrites tags; answers `{}`.
 * The resource may carry at most 50 tags in all, none under `aws:`; both refusals are
 * BadRequestException, the only 400 the model gives the tag operations.
 */
import { defineOperation } from '../../operation.ts';
import { badRequest } from '../shared/eks-errors.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { tagCheck } from '../tags/tag-checks.ts';
import { requestTagContext, tagProblem } from '../tags/tag-context.ts';
import { putTags, requireTaggedResource } from '../tags/tagged-resources.ts';

export const tagResource = defineOperation('eks', 'TagResource', {
  authorize: async (input, ctx) => [await tagCheck(ctx, 'eks:TagResource', input.resourceArn, requestTagContext(input.tags))],
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      const resource = await requireTaggedResource(docs, input.resourceArn);
      const tags = { ...resource.state.tags, ...input.tags };
      const problem = tagProblem(input.tags) ?? tagProblem(tags);
      if (problem) throw badRequest(problem);
      await putTags(docs, resource, tags);
    });
    return {};
  },
});
