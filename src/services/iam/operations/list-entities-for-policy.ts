/**
 * iam:ListEntitiesForPolicy: the groups, users and roles of this account that a managed policy is
 * attached to (PermissionsPolicy) and/or bounds (PermissionsBoundary), filtered by EntityFilter and the
 * entities' PathPrefix, paginated as one list.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListEntitiesForPolicy.html
 */
import type { PrincipalEntityType } from '../../../store/iam-records.ts';
import { defineOperation } from '../../operation.ts';
import { pageFields } from '../identities/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { policyNotAttachable } from '../policies/policy-errors.ts';
import { assertParsablePolicyArn, findPolicy } from '../policies/policy-lookup.ts';

interface Entity {
  readonly type: PrincipalEntityType;
  readonly id: string;
  readonly name: string;
  readonly path: string;
}

const FILTER_TYPES: Readonly<Record<string, PrincipalEntityType | undefined>> = { User: 'user', Role: 'role', Group: 'group' };

export const listEntitiesForPolicy = defineOperation('iam', 'ListEntitiesForPolicy', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:ListEntitiesForPolicy', input.PolicyArn)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const store = ctx.store;
    assertParsablePolicyArn(input.PolicyArn);
    const found = await findPolicy(store, ctx.managedPolicies, accountId, input.PolicyArn);
    if (!found) throw policyNotAttachable(input.PolicyArn);
    const entities: Entity[] = [];
    if (input.PolicyUsageFilter !== 'PermissionsBoundary') {
      for (const a of await store.attachments.ofPolicy(accountId, found.arn)) {
        const entity = a.entityType === 'user' ? await store.users.getById(accountId, a.entityId)
          : a.entityType === 'group' ? await store.groups.getById(accountId, a.entityId)
          : await store.roles.getById(accountId, a.entityId);
        if (entity) entities.push({ type: a.entityType, id: entity.id, name: entity.name, path: entity.path });
      }
    }
    if (input.PolicyUsageFilter !== 'PermissionsPolicy') {
      const bounded = [
        ...(await store.users.list(accountId)).filter((u) => u.permissionsBoundaryArn === found.arn).map((u) => ({ type: 'user' as const, id: u.id, name: u.name, path: u.path })),
        ...(await store.roles.list(accountId)).filter((r) => r.permissionsBoundaryArn === found.arn).map((r) => ({ type: 'role' as const, id: r.id, name: r.name, path: r.path })),
      ];
      for (const e of bounded) if (!entities.some((x) => x.id === e.id)) entities.push(e);
    }
    const order: readonly PrincipalEntityType[] = ['group', 'user', 'role'];
    const wanted = input.EntityFilter === undefined ? undefined : FILTER_TYPES[input.EntityFilter] ?? null;
    const kept = entities
      .filter((e) => (wanted === undefined || e.type === wanted) && e.path.startsWith(input.PathPrefix ?? '/'))
      .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    const page = paginate(kept, input);
    return {
      PolicyGroups: page.items.filter((e) => e.type === 'group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
      PolicyUsers: page.items.filter((e) => e.type === 'user').map((e) => ({ UserName: e.name, UserId: e.id })),
      PolicyRoles: page.items.filter((e) => e.type === 'role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
      ...pageFields(page),
    };
  },
});
