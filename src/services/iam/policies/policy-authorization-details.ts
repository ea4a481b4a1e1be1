/**
 * The entries of GetAccountAuthorizationDetails: each user, group and role with its inline policies,
 * attached managed policies, boundary and tags, and each managed policy with all its versions.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
import type { GroupRecord, PrincipalEntityType, RoleRecord, UserRecord } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import type { FoundPolicy } from './policy-lookup.ts';
import { attachedPolicies, type WireAttachedPolicy } from './policy-attached.ts';
import type { PolicyUsage } from './policy-usage.ts';
import { awsPolicyVersionToWire, policyToWire, policyVersionToWire, type WirePolicy, type WirePolicyVersion } from './policy-wire.ts';
import { boundaryToWire, roleToWire, type WireRole } from '../roles/role-wire.ts';
import { tagsToWire, type WireTag } from '../shared/tags.ts';
import type { WirePermissionsBoundary } from '../identities/identity-wire.ts';

/** An inline policy as the details list it. */
export interface WireInlinePolicy {
  readonly PolicyName: string;
  readonly PolicyDocument: string;
}

/** `UserDetail`. */
export interface WireUserDetail {
  readonly Path: string;
  readonly UserName: string;
  readonly UserId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  readonly UserPolicyList: WireInlinePolicy[];
  readonly GroupList: string[];
  readonly AttachedManagedPolicies: WireAttachedPolicy[];
  readonly PermissionsBoundary?: WirePermissionsBoundary;
  readonly Tags: WireTag[];
}

/** `GroupDetail`. */
export interface WireGroupDetail {
  readonly Path: string;
  readonly GroupName: string;
  readonly GroupId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  readonly GroupPolicyList: WireInlinePolicy[];
  readonly AttachedManagedPolicies: WireAttachedPolicy[];
}

/** `RoleDetail`. */
export type WireRoleDetail = Omit<WireRole, 'Description' | 'MaxSessionDuration'> & {
  readonly InstanceProfileList: never[];
  readonly RolePolicyList: WireInlinePolicy[];
  readonly AttachedManagedPolicies: WireAttachedPolicy[];
};

/** `ManagedPolicyDetail`. */
export type WirePolicyDetail = Omit<WirePolicy, 'Tags'> & { readonly PolicyVersionList: WirePolicyVersion[] };

async function inlinePolicies(store: StoreSession, accountId: string, type: PrincipalEntityType, id: string): Promise<WireInlinePolicy[]> {
  return (await store.inlinePolicies.list(accountId, type, id)).map((p) => ({ PolicyName: p.name, PolicyDocument: p.document }));
}

/** A user's details. */
export async function userDetail(store: StoreSession, user: UserRecord): Promise<WireUserDetail> {
  return {
    Path: user.path, UserName: user.name, UserId: user.id, Arn: user.arn, CreateDate: user.createdAt,
    UserPolicyList: await inlinePolicies(store, user.accountId, 'user', user.id),
    GroupList: (await store.groups.ofUser(user.accountId, user.id)).map((g) => g.name),
    AttachedManagedPolicies: await attachedPolicies(store, user.accountId, 'user', user.id),
    ...boundaryToWire(user.permissionsBoundaryArn),
    Tags: tagsToWire(user.tags),
  };
}

/** A group's details. */
export async function groupDetail(store: StoreSession, group: GroupRecord): Promise<WireGroupDetail> {
  return {
    Path: group.path, GroupName: group.name, GroupId: group.id, Arn: group.arn, CreateDate: group.createdAt,
    GroupPolicyList: await inlinePolicies(store, group.accountId, 'group', group.id),
    AttachedManagedPolicies: await attachedPolicies(store, group.accountId, 'group', group.id),
  };
}

/** A role's details (its trust policy rendered with ARNs). */
export async function roleDetail(store: StoreSession, role: RoleRecord): Promise<WireRoleDetail> {
  const { Description: _description, MaxSessionDuration: _duration, ...wire } = await roleToWire(store, role, 'detail');
  return {
    ...wire,
    Tags: tagsToWire(role.tags),
    InstanceProfileList: [],
    RolePolicyList: await inlinePolicies(store, role.accountId, 'role', role.id),
    AttachedManagedPolicies: await attachedPolicies(store, role.accountId, 'role', role.id),
  };
}

/** A managed policy's details with every version and its document. */
export async function policyDetail(store: StoreSession, found: FoundPolicy, usage: PolicyUsage): Promise<WirePolicyDetail> {
  const { Tags: _tags, ...wire } = policyToWire(found, usage, 'detail');
  const PolicyVersionList = found.kind === 'aws'
    ? [awsPolicyVersionToWire(found.policy, true)]
    : (await store.managedPolicies.listVersions(found.arn)).map((v) => policyVersionToWire(v, found.policy.defaultVersionId, true));
  return { ...wire, PolicyVersionList };
}
