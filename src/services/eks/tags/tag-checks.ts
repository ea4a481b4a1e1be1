/**
 * Authorization of the tag operations (docs/aws-behaviour/eks-authorization.md): on the ARN the request names, with
 * `aws:ResourceTag/*` from the resource's tags and, for an access entry, its access-entry resource keys.
 * A resource that does not exist (or is not modelled) is still authorized on its ARN, with no tags, so
 * AccessDenied comes before NotFoundException. An ARN that is not a taggable EKS ARN at all is refused
 * (BadRequestException) before any check: it names no EKS resource a policy could be about, and its
 * account (`aws` for access policies) would otherwise turn the answer into a cross-account denial.
 */
import type { ContextInput } from '../../../policy/index.ts';
import type { AuthorizationCheck, OperationContext } from '../../operation.ts';
import { accessEntryResourceContext } from '../access-entries/access-entry-checks.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import type { AccessEntryState } from '../shared/eks-state.ts';
import { assertTaggableArn, findTaggedResource } from './tagged-resources.ts';
import { resourceTagContext } from './tag-context.ts';

/** `action` on the resource `arn`, with `context` (the request's tag keys) added. */
export async function tagCheck(ctx: OperationContext, action: string, arn: string, context: Readonly<Record<string, ContextInput>> = {}): Promise<AuthorizationCheck> {
  assertTaggableArn(arn);
  const resource = await findTaggedResource(new EksDocuments(ctx), arn);
  const own = resource?.kind === 'accessentry' ? accessEntryResourceContext(resource.state as AccessEntryState) : resourceTagContext(resource?.state.tags);
  return { action, resource: arn, context: { ...own, ...context } };
}
