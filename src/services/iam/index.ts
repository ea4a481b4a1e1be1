/** The IAM operations Tollgate implements, by AWS operation name; every other IAM operation answers NotImplemented. */
import type { OperationTable } from '../operation.ts';
import { addUserToGroup } from './operations/add-user-to-group.ts';
import { attachGroupPolicy } from './operations/attach-group-policy.ts';
import { attachRolePolicy } from './operations/attach-role-policy.ts';
import { attachUserPolicy } from './operations/attach-user-policy.ts';
import { changePassword } from './operations/change-password.ts';
import { createAccessKey } from './operations/create-access-key.ts';
import { createGroup } from './operations/create-group.ts';
import { createLoginProfile } from './operations/create-login-profile.ts';
import { createPolicy } from './operations/create-policy.ts';
import { createPolicyVersion } from './operations/create-policy-version.ts';
import { createRole } from './operations/create-role.ts';
import { createServiceLinkedRole } from './operations/create-service-linked-role.ts';
import { createUser } from './operations/create-user.ts';
import { deleteAccessKey } from './operations/delete-access-key.ts';
import { deleteAccountPasswordPolicy } from './operations/delete-account-password-policy.ts';
import { deleteGroup } from './operations/delete-group.ts';
import { deleteGroupPolicy } from './operations/delete-group-policy.ts';
import { deleteLoginProfile } from './operations/delete-login-profile.ts';
import { deletePolicy } from './operations/delete-policy.ts';
import { deletePolicyVersion } from './operations/delete-policy-version.ts';
import { deleteRole } from './operations/delete-role.ts';
import { deleteRolePermissionsBoundary } from './operations/delete-role-permissions-boundary.ts';
import { deleteRolePolicy } from './operations/delete-role-policy.ts';
import { deleteServiceLinkedRole } from './operations/delete-service-linked-role.ts';
import { deleteUser } from './operations/delete-user.ts';
import { deleteUserPermissionsBoundary } from './operations/delete-user-permissions-boundary.ts';
import { deleteUserPolicy } from './operations/delete-user-policy.ts';
import { detachGroupPolicy } from './operations/detach-group-policy.ts';
import { detachRolePolicy } from './operations/detach-role-policy.ts';
import { detachUserPolicy } from './operations/detach-user-policy.ts';
import { getAccessKeyLastUsed } from './operations/get-access-key-last-used.ts';
import { getAccountAuthorizationDetails } from './operations/get-account-authorization-details.ts';
import { getAccountPasswordPolicy } from './operations/get-account-password-policy.ts';
import { getAccountSummary } from './operations/get-account-summary.ts';
import { getGroup } from './operations/get-group.ts';
import { getGroupPolicy } from './operations/get-group-policy.ts';
import { getLoginProfile } from './operations/get-login-profile.ts';
import { getPolicy } from './operations/get-policy.ts';
import { getPolicyVersion } from './operations/get-policy-version.ts';
import { getRole } from './operations/get-role.ts';
import { getRolePolicy } from './operations/get-role-policy.ts';
import { getServiceLinkedRoleDeletionStatus } from './operations/get-service-linked-role-deletion-status.ts';
import { getUser } from './operations/get-user.ts';
import { getUserPolicy } from './operations/get-user-policy.ts';
import { listAccessKeys } from './operations/list-access-keys.ts';
import { listAttachedGroupPolicies } from './operations/list-attached-group-policies.ts';
import { listAttachedRolePolicies } from './operations/list-attached-role-policies.ts';
import { listAttachedUserPolicies } from './operations/list-attached-user-policies.ts';
import { listEntitiesForPolicy } from './operations/list-entities-for-policy.ts';
import { listGroupPolicies } from './operations/list-group-policies.ts';
import { listGroups } from './operations/list-groups.ts';
import { listGroupsForUser } from './operations/list-groups-for-user.ts';
import { listPolicies } from './operations/list-policies.ts';
import { listPolicyTags } from './operations/list-policy-tags.ts';
import { listPolicyVersions } from './operations/list-policy-versions.ts';
import { listRolePolicies } from './operations/list-role-policies.ts';
import { listRoleTags } from './operations/list-role-tags.ts';
import { listRoles } from './operations/list-roles.ts';
import { listUserPolicies } from './operations/list-user-policies.ts';
import { listUserTags } from './operations/list-user-tags.ts';
import { listUsers } from './operations/list-users.ts';
import { putGroupPolicy } from './operations/put-group-policy.ts';
import { putRolePermissionsBoundary } from './operations/put-role-permissions-boundary.ts';
import { putRolePolicy } from './operations/put-role-policy.ts';
import { putUserPermissionsBoundary } from './operations/put-user-permissions-boundary.ts';
import { putUserPolicy } from './operations/put-user-policy.ts';
import { removeUserFromGroup } from './operations/remove-user-from-group.ts';
import { setDefaultPolicyVersion } from './operations/set-default-policy-version.ts';
import { tagPolicy } from './operations/tag-policy.ts';
import { tagRole } from './operations/tag-role.ts';
import { tagUser } from './operations/tag-user.ts';
import { untagPolicy } from './operations/untag-policy.ts';
import { untagRole } from './operations/untag-role.ts';
import { untagUser } from './operations/untag-user.ts';
import { updateAccessKey } from './operations/update-access-key.ts';
import { updateAccountPasswordPolicy } from './operations/update-account-password-policy.ts';
import { updateAssumeRolePolicy } from './operations/update-assume-role-policy.ts';
import { updateGroup } from './operations/update-group.ts';
import { updateLoginProfile } from './operations/update-login-profile.ts';
import { updateRole } from './operations/update-role.ts';
import { updateRoleDescription } from './operations/update-role-description.ts';
import { updateUser } from './operations/update-user.ts';

export const iamOperations: OperationTable<'iam'> = {
  AddUserToGroup: addUserToGroup,
  AttachGroupPolicy: attachGroupPolicy,
  AttachRolePolicy: attachRolePolicy,
  AttachUserPolicy: attachUserPolicy,
  ChangePassword: changePassword,
  CreateAccessKey: createAccessKey,
  CreateGroup: createGroup,
  CreateLoginProfile: createLoginProfile,
  CreatePolicy: createPolicy,
  CreatePolicyVersion: createPolicyVersion,
  CreateRole: createRole,
  CreateServiceLinkedRole: createServiceLinkedRole,
  CreateUser: createUser,
  DeleteAccessKey: deleteAccessKey,
  DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy,
  DeleteGroup: deleteGroup,
  DeleteGroupPolicy: deleteGroupPolicy,
  DeleteLoginProfile: deleteLoginProfile,
  DeletePolicy: deletePolicy,
  DeletePolicyVersion: deletePolicyVersion,
  DeleteRole: deleteRole,
  DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary,
  DeleteRolePolicy: deleteRolePolicy,
  DeleteServiceLinkedRole: deleteServiceLinkedRole,
  DeleteUser: deleteUser,
  DeleteUserPermissionsBoundary: deleteUserPermissionsBoundary,
  DeleteUserPolicy: deleteUserPolicy,
  DetachGroupPolicy: detachGroupPolicy,
  DetachRolePolicy: detachRolePolicy,
  DetachUserPolicy: detachUserPolicy,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  GetAccountSummary: getAccountSummary,
  GetGroup: getGroup,
  GetGroupPolicy: getGroupPolicy,
  GetLoginProfile: getLoginProfile,
  GetPolicy: getPolicy,
  GetPolicyVersion: getPolicyVersion,
  GetRole: getRole,
  GetRolePolicy: getRolePolicy,
  GetServiceLinkedRoleDeletionStatus: getServiceLinkedRoleDeletionStatus,
  GetUser: getUser,
  GetUserPolicy: getUserPolicy,
  ListAccessKeys: listAccessKeys,
  ListAttachedGroupPolicies: listAttachedGroupPolicies,
  ListAttachedRolePolicies: listAttachedRolePolicies,
  ListAttachedUserPolicies: listAttachedUserPolicies,
  ListEntitiesForPolicy: listEntitiesForPolicy,
  ListGroupPolicies: listGroupPolicies,
  ListGroups: listGroups,
  ListGroupsForUser: listGroupsForUser,
  ListPolicies: listPolicies,
  ListPolicyTags: listPolicyTags,
  ListPolicyVersions: listPolicyVersions,
  ListRolePolicies: listRolePolicies,
  ListRoleTags: listRoleTags,
  ListRoles: listRoles,
  ListUserPolicies: listUserPolicies,
  ListUserTags: listUserTags,
  ListUsers: listUsers,
  PutGroupPolicy: putGroupPolicy,
  PutRolePermissionsBoundary: putRolePermissionsBoundary,
  PutRolePolicy: putRolePolicy,
  PutUserPermissionsBoundary: putUserPermissionsBoundary,
  PutUserPolicy: putUserPolicy,
  RemoveUserFromGroup: removeUserFromGroup,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  TagPolicy: tagPolicy,
  TagRole: tagRole,
  TagUser: tagUser,
  UntagPolicy: untagPolicy,
  UntagRole: untagRole,
  UntagUser: untagUser,
  UpdateAccessKey: updateAccessKey,
  UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  UpdateGroup: updateGroup,
  UpdateLoginProfile: updateLoginProfile,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
  UpdateUser: updateUser,
};
