/**
 * The EKS resources the tag operations reach by ARN (docs/aws-behaviour/eks-clusters-and-lifecycle.md): clusters, node groups, add-ons,
 * Fargate profiles and access entries of the caller's account in the request's Region. A child's ARN
 * must match with its uuid, so the ARN of a deleted-and-recreated resource no longer finds the new one.
 * The other taggable types of the Service Authorization Reference (identity provider configs, pod
 * identity associations, capabilities, …) are not modelled by Tollgate, so their ARNs find nothing.
 */
import type { AwsError } from '../../../kernel/aws-error.ts';
import { EKS_KINDS, type EksChildKind, type EksKind, type EksTaggedKind } from '../../../store/eks-records.ts';
import type { EksDocuments } from '../shared/eks-documents.ts';
import { badRequest, notFound } from '../shared/eks-errors.ts';
import { parseEksArn } from '../shared/eks-arns.ts';
import type { AccessEntryState, EksStateByKind, TagMap } from '../shared/eks-state.ts';

type TaggedKind = EksTaggedKind;

/** A resource found by its ARN, with where it is stored. */
export interface TaggedResource {
  readonly kind: TaggedKind;
  readonly cluster: string;
  readonly name: string;
  readonly state: EksStateByKind[TaggedKind];
}

const TAGGABLE_TYPES: ReadonlySet<string> = new Set([
  'cluster', 'nodegroup', 'addon', 'fargateprofile', 'access-entry', 'identityproviderconfig', 'podidentityassociation', 'capability', 'eks-anywhere-subscription', 'dashboard',
]);

/** True when `type` (an ARN's resource type) is a child kind of EKS_KINDS. */
function isChildKind(type: string): type is EksChildKind {
  return Object.hasOwn(EKS_KINDS, type) && EKS_KINDS[type as EksKind].child;
}

/** 404 NotFoundException of the tag operations (moto's recording of AWS's text, not verified against AWS). */
export function taggedResourceNotFound(): AwsError {
  return notFound('Resource was not found');
}

/** 400 BadRequestException for an ARN that cannot name a taggable EKS resource (Tollgate's wording). */
function invalidArn(arn: string): AwsError {
  return badRequest(`The resource ARN ${arn} is not a valid Amazon EKS resource ARN.`);
}

/** Throws BadRequestException unless `arn` has the form of a taggable EKS resource's ARN. */
export function assertTaggableArn(arn: string): void {
  const parsed = parseEksArn(arn);
  if (!parsed || !TAGGABLE_TYPES.has(parsed.type)) throw invalidArn(arn);
}

/** The resource `arn` names, or undefined (no such resource, or not one Tollgate models). */
export async function findTaggedResource(docs: EksDocuments, arn: string): Promise<TaggedResource | undefined> {
  const parsed = parseEksArn(arn);
  if (!parsed || parsed.accountId !== docs.accountId || parsed.region !== docs.region) return undefined;
  const [cluster = '', name = ''] = parsed.parts;
  if (parsed.type === 'cluster' && parsed.parts.length === 1) {
    const state = await docs.cluster(cluster);
    return state && { kind: 'cluster', cluster, name: cluster, state };
  }
  if (isChildKind(parsed.type) && parsed.parts.length === 3) {
    const state = await docs.get(parsed.type, cluster, name);
    return state?.arn === arn ? { kind: parsed.type, cluster, name, state } : undefined;
  }
  if (parsed.type === 'access-entry' && parsed.parts.length === 5) {
    const entry: AccessEntryState | undefined = (await docs.list('accessentry', cluster)).find((e) => e.arn === arn);
    return entry && { kind: 'accessentry', cluster, name: entry.principalArn, state: entry };
  }
  return undefined;
}

/** The resource `arn` names: BadRequestException for a malformed ARN, NotFoundException when there is none. */
export async function requireTaggedResource(docs: EksDocuments, arn: string): Promise<TaggedResource> {
  assertTaggableArn(arn);
  const found = await findTaggedResource(docs, arn);
  if (!found) throw taggedResourceNotFound();
  return found;
}

/** Stores `resource` with `tags` as its tags. */
export function putTags(docs: EksDocuments, resource: TaggedResource, tags: TagMap): Promise<void> {
  // Each kind's state is written back under its own kind; the spread keeps every other member as stored.
  return docs.put(resource.kind, resource.cluster, resource.name, { ...resource.state, tags } as never);
}
