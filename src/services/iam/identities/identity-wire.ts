/**
 * Wire shapes of IAM users, groups and pages, and the mappers from the store's records (docs/architecture.md,
 * "Conventions": AWS wire names in wire shapes, camelCase in the domain, explicit mappers between).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_User.html
 */
import type { GroupRecord, UserRecord } from '../../../store/iam-records.ts';
import type { Page } from '../shared/pagination.ts';
import { tagsToWire, type WireTag } from '../shared/tags.ts';

/** A user's permissions boundary as IAM answers it. */
export interface WirePermissionsBoundary {
  readonly PermissionsBoundaryType: 'PermissionsBoundaryPolicy';
  readonly PermissionsBoundaryArn: string;
}

/** IAM's `User` structure (Path and UserName are absent only for the root user, as AWS answers GetUser). */
export interface WireUser {
  readonly Path?: string;
  readonly UserName?: string;
  readonly UserId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  readonly PermissionsBoundary?: WirePermissionsBoundary;
  readonly Tags?: WireTag[];
}

/** The output of an operation that answers nothing but its request id (DeleteUser, TagUser, ...). */
export type NoOutput = Record<string, never>;

/** IAM's `Group` structure. */
export interface WireGroup {
  readonly Path: string;
  readonly GroupName: string;
  readonly GroupId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
}

/** The `IsTruncated` / `Marker` members of a paginated answer. */
export interface WirePageFields {
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

/**
 * A user as listings answer it (ListUsers, GetGroup: no tags, no boundary), or with `detail` as
 * CreateUser and GetUser do (tags when there are any, the boundary when set).
 */
export function userToWire(user: UserRecord, detail: 'listing' | 'detail'): WireUser {
  const base: WireUser = { Path: user.path, UserName: user.name, UserId: user.id, Arn: user.arn, CreateDate: user.createdAt };
  if (detail === 'listing') return base;
  return {
    ...base,
    ...(user.permissionsBoundaryArn !== undefined ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: user.permissionsBoundaryArn } } : {}),
    ...(user.tags.length > 0 ? { Tags: tagsToWire(user.tags) } : {}),
  };
}

/** A group as IAM answers it. */
export function groupToWire(group: GroupRecord): WireGroup {
  return { Path: group.path, GroupName: group.name, GroupId: group.id, Arn: group.arn, CreateDate: group.createdAt };
}

/** The pagination members of `page`. */
export function pageFields<T>(page: Page<T>): WirePageFields {
  return page.Marker !== undefined ? { IsTruncated: page.IsTruncated, Marker: page.Marker } : { IsTruncated: page.IsTruncated };
}
