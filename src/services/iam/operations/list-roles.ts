/**
 * iam:ListRoles: the account's roles whose path starts with PathPrefix, by name, paginated. The action
 * has no resource type (decided against `*`); AccessDenied names `arn:aws:iam::ACCT:role/<prefix>`
 * (docs/aws-behaviour/access-denied-messages.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html
 */
import { defineOperation } from '../../operation.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import { roleToWire } from '../roles/role-wire.ts';

export const listRoles = defineOperation('iam', 'ListRoles', {
  authorize: (input, ctx) => [{
    action: 'iam:ListRoles',
    resource: '*',
    messageResource: `arn:aws:iam::${ctx.caller.accountId}:role/${(input.PathPrefix ?? '/').slice(1)}`,
  }],
  handle: async (input, ctx) => {
    const roles = await ctx.store.roles.list(ctx.caller.accountId, { pathPrefix: input.PathPrefix });
    const page = paginate(roles, input);
    const Roles = await Promise.all(page.items.map((role) => roleToWire(ctx.store, role, 'listing')));
    return { Roles, ...pageFields(page) };
  },
});
