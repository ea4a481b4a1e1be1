/** IAM users, groups, access keys, login profiles and the account password policy. */
import type { OperationTable } from '../operation.ts';
import { createUser } from './operations/create-user.ts';
import { getUser } from './operations/get-user.ts';
import { listUsers } from './operations/list-users.ts';
import { updateUser } from './operations/update-user.ts';
import { deleteUser } from './operations/delete-user.ts';
import { createGroup } from './operations/create-group.ts';
import { getGroup } from './operations/get-group.ts';
import { listGroups } from './operations/list-groups.ts';
import { updateGroup } from './operations/update-group.ts';
import { deleteGroup } from './operations/delete-group.ts';
import { addUserToGroup } from './operations/add-user-to-group.ts';
import { removeUserFromGroup } from './operations/remove-user-from-group.ts';
import { listGroupsForUser } from './operations/list-groups-for-user.ts';
import { createAccessKey } from './operations/create-access-key.ts';
import { listAccessKeys } from './operations/list-access-keys.ts';
import { updateAccessKey } from './operations/update-access-key.ts';
import { deleteAccessKey } from './operations/delete-access-key.ts';
import { getAccessKeyLastUsed } from './operations/get-access-key-last-used.ts';
import { createLoginProfile } from './operations/create-login-profile.ts';
import { getLoginProfile } from './operations/get-login-profile.ts';
import { updateLoginProfile } from './operations/update-login-profile.ts';
import { deleteLoginProfile } from './operations/delete-login-profile.ts';
import { changePassword } from './operations/change-password.ts';
import { updateAccountPasswordPolicy } from './operations/update-account-password-policy.ts';
import { getAccountPasswordPolicy } from './operations/get-account-password-policy.ts';
import { deleteAccountPasswordPolicy } from './operations/delete-account-password-policy.ts';
import { tagUser } from './operations/tag-user.ts';
import { untagUser } from './operations/untag-user.ts';
import { listUserTags } from './operations/list-user-tags.ts';
import { putUserPermissionsBoundary } from './operations/put-user-permissions-boundary.ts';
import { deleteUserPermissionsBoundary } from './operations/delete-user-permissions-boundary.ts';
import { putUserPolicy } from './operations/put-user-policy.ts';
import { getUserPolicy } from './operations/get-user-policy.ts';
import { deleteUserPolicy } from './operations/delete-user-policy.ts';
import { listUserPolicies } from './operations/list-user-policies.ts';
import { putGroupPolicy } from './operations/put-group-policy.ts';
import { getGroupPolicy } from './operations/get-group-policy.ts';
import { deleteGroupPolicy } from './operations/delete-group-policy.ts';
import { listGroupPolicies } from './operations/list-group-policies.ts';
import { attachUserPolicy } from './operations/attach-user-policy.ts';
import { detachUserPolicy } from './operations/detach-user-policy.ts';
import { listAttachedUserPolicies } from './operations/list-attached-user-policies.ts';
import { attachGroupPolicy } from './operations/attach-group-policy.ts';
import { detachGroupPolicy } from './operations/detach-group-policy.ts';
import { listAttachedGroupPolicies } from './operations/list-attached-group-policies.ts';

/** The identity operations by AWS operation name. */
export const identityOperations: OperationTable = {
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  UpdateUser: updateUser,
  DeleteUser: deleteUser,
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  UpdateGroup: updateGroup,
  DeleteGroup: deleteGroup,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  ListGroupsForUser: listGroupsForUser,
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
  CreateLoginProfile: createLoginProfile,
  GetLoginProfile: getLoginProfile,
  UpdateLoginProfile: updateLoginProfile,
  DeleteLoginProfile: deleteLoginProfile,
  ChangePassword: changePassword,
  UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy,
  TagUser: tagUser,
  UntagUser: untagUser,
  ListUserTags: listUserTags,
  PutUserPermissionsBoundary: putUserPermissionsBoundary,
  DeleteUserPermissionsBoundary: deleteUserPermissionsBoundary,
  PutUserPolicy: putUserPolicy,
  GetUserPolicy: getUserPolicy,
  DeleteUserPolicy: deleteUserPolicy,
  ListUserPolicies: listUserPolicies,
  PutGroupPolicy: putGroupPolicy,
  GetGroupPolicy: getGroupPolicy,
  DeleteGroupPolicy: deleteGroupPolicy,
  ListGroupPolicies: listGroupPolicies,
  AttachUserPolicy: attachUserPolicy,
  DetachUserPolicy: detachUserPolicy,
  ListAttachedUserPolicies: listAttachedUserPolicies,
  AttachGroupPolicy: attachGroupPolicy,
  DetachGroupPolicy: detachGroupPolicy,
  ListAttachedGroupPolicies: listAttachedGroupPolicies,
};
