/**
 * iam:GetAccountSummary: the account's entity counts and IAM quotas, under the keys AWS answers.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html
 */
import { defineOperation } from '../../operation.ts';
import { accountPolicyUsage } from '../policies/policy-usage.ts';
import { POLICIES_PER_ACCOUNT } from './create-policy.ts';
import { VERSIONS_PER_POLICY } from './create-policy-version.ts';
import { POLICIES_PER_ROLE } from './attach-role-policy.ts';
import { ROLES_PER_ACCOUNT } from './create-role.ts';

/** The quotas GetAccountSummary reports (docs/aws-behaviour/iam-policy-language.md, docs/aws-behaviour/iam-identities-and-quotas.md; AWS defaults). */
const QUOTAS = {
  UsersQuota: 5000,
  GroupsQuota: 300,
  RolesQuota: ROLES_PER_ACCOUNT,
  PoliciesQuota: POLICIES_PER_ACCOUNT,
  InstanceProfilesQuota: 1000,
  ServerCertificatesQuota: 20,
  AccessKeysPerUserQuota: 2,
  SigningCertificatesPerUserQuota: 2,
  GroupsPerUserQuota: 10,
  AttachedPoliciesPerUserQuota: 10,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: POLICIES_PER_ROLE,
  UserPolicySizeQuota: 2048,
  GroupPolicySizeQuota: 5120,
  RolePolicySizeQuota: 10240,
  AssumeRolePolicySizeQuota: 2048,
  PolicySizeQuota: 6144,
  VersionsPerPolicyQuota: VERSIONS_PER_POLICY,
  PolicyVersionsInUseQuota: 10000,
} as const;

export const getAccountSummary = defineOperation('iam', 'GetAccountSummary', {
  authorize: () => [{ action: 'iam:GetAccountSummary', resource: '*' }],
  handle: async (_input, ctx) => {
    const accountId = ctx.caller.accountId;
    const store = ctx.store;
    let inUse = 0;
    for (const usage of (await accountPolicyUsage(store, accountId)).values()) inUse += usage.attachments + usage.boundaries;
    const rootKeys = await store.accessKeys.ofUser(accountId, undefined);
    return {
      SummaryMap: {
        Users: await store.users.count(accountId),
        Groups: await store.groups.count(accountId),
        Roles: await store.roles.count(accountId),
        Policies: await store.managedPolicies.count(accountId),
        PolicyVersionsInUse: inUse,
        InstanceProfiles: 0,
        Providers: 0,
        ServerCertificates: 0,
        MFADevices: 0,
        MFADevicesInUse: 0,
        AccountMFAEnabled: 0,
        AccountAccessKeysPresent: rootKeys.length > 0 ? 1 : 0,
        AccountPasswordPresent: 0,
        AccountSigningCertificatesPresent: 0,
        GlobalEndpointTokenVersion: 1,
        ...QUOTAS,
      },
    };
  },
});
