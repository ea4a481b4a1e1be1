/** IAM roles, service-linked roles, managed policies, attachments and account-wide reports. */
import type { OperationTable } from '../operation.ts';
import { attachRolePolicy } from './operations/attach-role-policy.ts';
import { createPolicy } from './operations/create-policy.ts';
import { createPolicyVersion } from './operations/create-policy-version.ts';
import { createRole } from './operations/create-role.ts';
import { createServiceLinkedRole } from './operations/create-service-linked-role.ts';
import { deletePolicy } from './operations/delete-policy.ts';
import { deletePolicyVersion } from './operations/delete-policy-version.ts';
import { deleteRole } from './operations/delete-role.ts';
import { deleteRolePermissionsBoundary } from './operations/delete-role-permissions-boundary.ts';
import { deleteRolePolicy } from './operations/delete-role-policy.ts';
import { deleteServiceLinkedRole } from './operations/delete-service-linked-role.ts';
import { detachRolePolicy } from './operations/detach-role-policy.ts';
import { getAccountAuthorizationDetails } from './operations/get-account-authorization-details.ts';
import { getAccountSummary } from './operations/get-account-summary.ts';
import { getPolicy } from './operations/get-policy.ts';
import { getPolicyVersion } from './operations/get-policy-version.ts';
import { getRole } from './operations/get-role.ts';
import { getRolePolicy } from './operations/get-role-policy.ts';
import { getServiceLinkedRoleDeletionStatus } from './operations/get-service-linked-role-deletion-status.ts';
import { listAttachedRolePolicies } from './operations/list-attached-role-policies.ts';
import { listEntitiesForPolicy } from './operations/list-entities-for-policy.ts';
import { listPolicies } from './operations/list-policies.ts';
import { listPolicyTags } from './operations/list-policy-tags.ts';
import { listPolicyVersions } from './operations/list-policy-versions.ts';
import { listRolePolicies } from './operations/list-role-policies.ts';
import { listRoleTags } from './operations/list-role-tags.ts';
import { listRoles } from './operations/list-roles.ts';
import { putRolePermissionsBoundary } from './operations/put-role-permissions-boundary.ts';
import { putRolePolicy } from './operations/put-role-policy.ts';
import { setDefaultPolicyVersion } from './operations/set-default-policy-version.ts';
import { tagPolicy } from './operations/tag-policy.ts';
import { tagRole } from './operations/tag-role.ts';
import { untagPolicy } from './operations/untag-policy.ts';
import { untagRole } from './operations/untag-role.ts';
import { updateAssumeRolePolicy } from './operations/update-assume-role-policy.ts';
import { updateRole } from './operations/update-role.ts';
import { updateRoleDescription } from './operations/update-role-description.ts';

/** The role and policy operations, by AWS operation name. */
export const roleAndPolicyOperations: OperationTable = {
  AttachRolePolicy: attachRolePolicy,
  CreatePolicy: createPolicy,
  CreatePolicyVersion: createPolicyVersion,
  CreateRole: createRole,
  CreateServiceLinkedRole: createServiceLinkedRole,
  DeletePolicy: deletePolicy,
  DeletePolicyVersion: deletePolicyVersion,
  DeleteRole: deleteRole,
  DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary,
  DeleteRolePolicy: deleteRolePolicy,
  DeleteServiceLinkedRole: deleteServiceLinkedRole,
  DetachRolePolicy: detachRolePolicy,
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
  GetAccountSummary: getAccountSummary,
  GetPolicy: getPolicy,
  GetPolicyVersion: getPolicyVersion,
  GetRole: getRole,
  GetRolePolicy: getRolePolicy,
  GetServiceLinkedRoleDeletionStatus: getServiceLinkedRoleDeletionStatus,
  ListAttachedRolePolicies: listAttachedRolePolicies,
  ListEntitiesForPolicy: listEntitiesForPolicy,
  ListPolicies: listPolicies,
  ListPolicyTags: listPolicyTags,
  ListPolicyVersions: listPolicyVersions,
  ListRolePolicies: listRolePolicies,
  ListRoleTags: listRoleTags,
  ListRoles: listRoles,
  PutRolePermissionsBoundary: putRolePermissionsBoundary,
  PutRolePolicy: putRolePolicy,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  TagPolicy: tagPolicy,
  TagRole: tagRole,
  UntagPolicy: untagPolicy,
  UntagRole: untagRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
};
