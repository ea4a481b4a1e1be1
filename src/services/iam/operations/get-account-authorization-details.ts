/**
 * iam:GetAccountAuthorizationDetails: every user, group and role of the account with their policies,
 * and the managed policies in use (customer ones all; AWS managed ones when attached or used as a
 * boundary here), chosen by Filter and paginated as one list.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
import type { GroupRecord, RoleRecord, UserRecord } from '../../../store/iam-records.ts';
import { defineOperation } from '../../operation.ts';
import { pageFields, type WirePageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import {
  groupDetail, policyDetail, roleDetail, userDetail,
  type WireGroupDetail, type WirePolicyDetail, type WireRoleDetail, type WireUserDetail,
} from '../policies/policy-authorization-details.ts';
import type { FoundPolicy } from '../policies/policy-lookup.ts';
import { accountPolicyUsage, UNUSED } from '../policies/policy-usage.ts';

type EntityType = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';

interface GetAccountAuthorizationDetailsOutput extends WirePageFields {
  readonly UserDetailList: WireUserDetail[];
  readonly GroupDetailList: WireGroupDetail[];
  readonly RoleDetailList: WireRoleDetail[];
  readonly Policies: WirePolicyDetail[];
}

type Entry =
  | { readonly kind: 'user'; readonly user: UserRecord }
  | { readonly kind: 'group'; readonly group: GroupRecord }
  | { readonly kind: 'role'; readonly role: RoleRecord }
  | { readonly kind: 'policy'; readonly policy: FoundPolicy };

export const getAccountAuthorizationDetails = defineOperation('iam', 'GetAccountAuthorizationDetails', {
  authorize: () => [{ action: 'iam:GetAccountAuthorizationDetails', resource: '*' }],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const store = ctx.store;
    const wants = (type: EntityType) => input.Filter === undefined || input.Filter.length === 0 || input.Filter.includes(type);
    const usage = await accountPolicyUsage(store, accountId);
    const entries: Entry[] = [];
    if (wants('User')) for (const user of await store.users.list(accountId)) entries.push({ kind: 'user', user });
    if (wants('Group')) for (const group of await store.groups.list(accountId)) entries.push({ kind: 'group', group });
    if (wants('Role')) for (const role of await store.roles.list(accountId)) entries.push({ kind: 'role', role });
    if (wants('LocalManagedPolicy')) {
      for (const policy of await store.managedPolicies.list(accountId)) entries.push({ kind: 'policy', policy: { kind: 'customer', arn: policy.arn, policy } });
    }
    if (wants('AWSManagedPolicy')) {
      for (const policy of ctx.managedPolicies.list()) if (usage.has(policy.arn)) entries.push({ kind: 'policy', policy: { kind: 'aws', arn: policy.arn, policy } });
    }
    const page = paginate(entries, input);
    const out: GetAccountAuthorizationDetailsOutput = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [], ...pageFields(page) };
    for (const entry of page.items) {
      switch (entry.kind) {
        case 'user': out.UserDetailList.push(await userDetail(store, entry.user)); break;
        case 'group': out.GroupDetailList.push(await groupDetail(store, entry.group)); break;
        case 'role': out.RoleDetailList.push(await roleDetail(store, entry.role)); break;
        case 'policy': out.Policies.push(await policyDetail(store, entry.policy, usage.get(entry.policy.arn) ?? UNUSED)); break;
      }
    }
    return out;
  },
});
