/**
 * IAM's `Role` structure and the mapper from the store's record. Listings omit the boundary, tags and
 * last use, as ListRoles does. https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html
 */
import type { RoleRecord } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import type { WirePermissionsBoundary } from './identity-wire.ts';
import { trustPolicyFromStore } from './role-trust-policy.ts';
import { tagsToWire, type WireTag } from './tags.ts';

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
  readonly MaxSessionDuration: number;
  readonly PermissionsBoundary?: WirePermissionsBoundary;
  readonly Tags?: WireTag[];
  readonly RoleLastUsed?: WireRoleLastUsed;
}

/** How much of a role an answer carries: ListRoles (`listing`), CreateRole (`created`), GetRole (`detail`). */
export type RoleDetail = 'listing' | 'created' | 'detail';

/** The boundary member of a user or role, when it has one. */
export function boundaryToWire(arn: string | undefined): { PermissionsBoundary?: WirePermissionsBoundary } {
  return arn === undefined ? {} : { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } };
}

/** `role` as IAM answers it, its trust policy rendered with ARNs (IAM-SPEC §1.2). */
export async function roleToWire(store: StoreSession, role: RoleRecord, detail: RoleDetail): Promise<WireRole> {
  const base: WireRole = {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: role.createdAt,
    AssumeRolePolicyDocument: await trustPolicyFromStore(store, role.accountId, role.trustPolicy),
    ...(role.description !== undefined ? { Description: role.description } : {}),
    MaxSessionDuration: role.maxSessionDuration,
  };
  if (detail === 'listing') return base;
  return {
    ...base,
    ...boundaryToWire(role.permissionsBoundaryArn),
    ...(role.tags.length > 0 ? { Tags: tagsToWire(role.tags) } : {}),
    ...(detail === 'detail' ? { RoleLastUsed: roleLastUsedToWire(role) } : {}),
  };
}

/** `RoleLastUsed`: date and region of the last use, `{}` when never used. */
export function roleLastUsedToWire(role: RoleRecord): WireRoleLastUsed {
  return role.lastUsed ? { LastUsedDate: role.lastUsed.date, Region: role.lastUsed.region } : {};
}
