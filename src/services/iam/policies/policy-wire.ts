/**
 * IAM's `Policy` and `PolicyVersion` structures, for customer managed policies (store records) and AWS
 * managed ones (the shipped catalog). https://docs.aws.amazon.com/IAM/latest/APIReference/API_Policy.html
 */
import type { ManagedPolicyRecord, PolicyVersionRecord } from '../../../store/iam-records.ts';
import type { AwsManagedPolicy } from '../aws-managed-policy-catalog.ts';
import type { FoundPolicy } from './policy-lookup.ts';
import type { PolicyUsage } from './policy-usage.ts';
import { tagsToWire, type WireTag } from '../shared/tags.ts';

/** IAM's `Policy` structure. */
export interface WirePolicy {
  readonly PolicyName: string;
  readonly PolicyId: string;
  readonly Arn: string;
  readonly Path: string;
  readonly DefaultVersionId: string;
  readonly AttachmentCount: number;
  readonly PermissionsBoundaryUsageCount: number;
  readonly IsAttachable: boolean;
  readonly Description?: string;
  readonly CreateDate: Date;
  readonly UpdateDate: Date;
  readonly Tags?: WireTag[];
}

/** IAM's `PolicyVersion` structure (the document only where the operation returns it). */
export interface WirePolicyVersion {
  readonly Document?: string;
  readonly VersionId: string;
  readonly IsDefaultVersion: boolean;
  readonly CreateDate: Date;
}

/**
 * How much of a policy an answer carries. `listing` (ListPolicies): no description, no tags. `created`
 * (CreatePolicy): no description even when the request set one, tags when any. `detail` (GetPolicy): the
 * description when set and `Tags` always, an empty `<Tags/>` when there are none (the SDKs read `[]`).
 */
export type PolicyDetail = 'listing' | 'created' | 'detail';

/** A customer managed policy as IAM answers it. */
export function customerPolicyToWire(policy: ManagedPolicyRecord, usage: PolicyUsage, detail: PolicyDetail): WirePolicy {
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    ...(detail === 'detail' && policy.description !== undefined ? { Description: policy.description } : {}),
    CreateDate: policy.createdAt,
    UpdateDate: policy.updatedAt,
    ...(detail === 'detail' || (detail === 'created' && policy.tags.length > 0) ? { Tags: tagsToWire(policy.tags) } : {}),
  };
}

/** An AWS managed policy as IAM answers it, with this account's use counts (`detail`: GetPolicy's empty `Tags`). */
export function awsPolicyToWire(policy: AwsManagedPolicy, usage: PolicyUsage, detail: PolicyDetail = 'listing'): WirePolicy {
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    CreateDate: policy.createdAt,
    UpdateDate: policy.updatedAt,
    ...(detail === 'detail' ? { Tags: [] } : {}),
  };
}

/** Either kind of managed policy as IAM answers it. */
export function policyToWire(found: FoundPolicy, usage: PolicyUsage, detail: PolicyDetail): WirePolicy {
  return found.kind === 'aws' ? awsPolicyToWire(found.policy, usage, detail) : customerPolicyToWire(found.policy, usage, detail);
}

/** A customer policy version; `withDocument` for GetPolicyVersion and account details. */
export function policyVersionToWire(version: PolicyVersionRecord, defaultVersionId: string, withDocument: boolean): WirePolicyVersion {
  return {
    ...(withDocument ? { Document: version.document } : {}),
    VersionId: version.versionId,
    IsDefaultVersion: version.versionId === defaultVersionId,
    CreateDate: version.createdAt,
  };
}

/** The one version of an AWS managed policy that Tollgate ships: its default. */
export function awsPolicyVersionToWire(policy: AwsManagedPolicy, withDocument: boolean): WirePolicyVersion {
  return {
    ...(withDocument ? { Document: policy.document } : {}),
    VersionId: policy.defaultVersionId,
    IsDefaultVersion: true,
    CreateDate: policy.updatedAt,
  };
}
