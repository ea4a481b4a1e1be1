/**
 * IAM's `Role` structure and the mapper from the store's record, with the members each operation answers
 * (the API reference's and the AWS CLI's response examples, and answers recorded against AWS).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html
 */
import type { RoleRecord } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import type { WirePermissionsBoundary } from '../identities/identity-wire.ts';
import { trustPolicyFromStore } from './role-trust-policy.ts';
import { tagsToWire, type WireTag } from '../shared/tags.ts';

/** When a role was last used to make a request (empty when never). */
export interface WireRoleLastUsed {
  readonly LastUsedDate?: Date;
  readonly Region?: string;
}

/** IAM's `Role` structure. */
export interface WireRole {
  readonly Path: string;
  readonly RoleName: string;
  readonly RoleId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  readonly AssumeRolePolicyDocument: string;
  readonly Description?: string;
  readonly MaxSessionDuration?: number;
  readonly PermissionsBoundary?: WirePermissionsBoundary;
  readonly Tags?: WireTag[];
  readonly RoleLastUsed?: WireRoleLastUsed;
}

/**
 * How much of a role an answer carries. `listing` (ListRoles): description and MaxSessionDuration, no
 * boundary, tags or last use. `created` (CreateRole, CreateServiceLinkedRole): no description,
 * MaxSessionDuration or last use, even when the request set them; the boundary and tags when set.
 * `described` (UpdateRoleDescription): `created` with the description. `detail` (GetRole): everything.
 */
export type RoleDetail = 'listing' | 'created' | 'described' | 'detail';

/** The boundary member of a user or role, when it has one. */
export function boundaryToWire(arn: string | undefined): { PermissionsBoundary?: WirePermissionsBoundary } {
  return arn === undefined ? {} : { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } };
}

/** `role` as IAM answers it, its trust policy rendered with ARNs (docs/aws-behaviour/iam-policy-language.md). */
export async function roleToWire(store: StoreSession, role: RoleRecord, detail: RoleDetail): Promise<WireRole> {
  const withDescription = detail !== 'created' && role.description !== undefined;
  const withDuration = detail === 'listing' || detail === 'detail';
  const wire: WireRole = {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: role.createdAt,
    AssumeRolePolicyDocument: await trustPolicyFromStore(store, role.accountId, role.trustPolicy),
    ...(withDescription ? { Description: role.description } : {}),
    ...(withDuration ? { MaxSessionDuration: role.maxSessionDuration } : {}),
  };
  if (detail === 'listing') return wire;
  return {
    ...wire,
    ...boundaryToWire(role.permissionsBoundaryArn),
    ...(role.tags.length > 0 ? { Tags: tagsToWire(role.tags) } : {}),
    ...(detail === 'detail' ? { RoleLastUsed: roleLastUsedToWire(role) } : {}),
  };
}

/** `RoleLastUsed`: date and region of the last use, `{}` when never used. */
export function roleLastUsedToWire(role: RoleRecord): WireRoleLastUsed {
  return role.lastUsed ? { LastUsedDate: role.lastUsed.date, Region: role.lastUsed.region } : {};
}
