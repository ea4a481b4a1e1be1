/**
 * iam:ListPolicies: managed policies by Scope (`All`, `AWS` managed, `Local` customer), PathPrefix,
 * OnlyAttached and PolicyUsageFilter, ordered by name, paginated. The action has no resource type
 * (decided against `*`); AccessDenied names `arn:aws:iam::ACCT:policy/<prefix>` (docs/aws-behaviour/access-denied-messages.md).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicies.html
 */
import { defineOperation } from '../../operation.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import { accountPolicyUsage, UNUSED } from '../policies/policy-usage.ts';
import { awsPolicyToWire, customerPolicyToWire, type WirePolicy } from '../policies/policy-wire.ts';

/** Orders policies by name ignoring case, then by ARN, so pages are stable. */
function byName(a: WirePolicy, b: WirePolicy): number {
  const x = a.PolicyName.toLowerCase();
  const y = b.PolicyName.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.Arn < b.Arn ? -1 : a.Arn > b.Arn ? 1 : 0;
}

export const listPolicies = defineOperation('iam', 'ListPolicies', {
  authorize: (input, ctx) => [{
    action: 'iam:ListPolicies',
    resource: '*',
    messageResource: `arn:aws:iam::${ctx.caller.accountId}:policy/${(input.PathPrefix ?? '/').slice(1)}`,
  }],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const scope = input.Scope ?? 'All';
    const prefix = input.PathPrefix ?? '/';
    const usage = await accountPolicyUsage(ctx.store, accountId);
    const policies: WirePolicy[] = [];
    if (scope !== 'Local') {
      for (const p of ctx.managedPolicies.list()) if (p.path.startsWith(prefix)) policies.push(awsPolicyToWire(p, usage.get(p.arn) ?? UNUSED));
    }
    if (scope !== 'AWS') {
      for (const p of await ctx.store.managedPolicies.list(accountId, { pathPrefix: prefix })) policies.push(customerPolicyToWire(p, usage.get(p.arn) ?? UNUSED, 'listing'));
    }
    const kept = policies.filter((p) =>
      (!input.OnlyAttached || p.AttachmentCount > 0)
      && (input.PolicyUsageFilter !== 'PermissionsPolicy' || p.AttachmentCount > 0)
      && (input.PolicyUsageFilter !== 'PermissionsBoundary' || p.PermissionsBoundaryUsageCount > 0));
    const page = paginate(kept.sort(byName), input);
    return { Policies: [...page.items], ...pageFields(page) };
  },
});
