/**
 * iam:CreateRole: a role with a trust policy (validated as `trust`, principals resolved to unique ids,
 * docs/aws-behaviour/iam-policy-language.md), optional path, description, session duration, boundary and tags; at most 1,000 roles
 * per account. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
 */
import { iamArn } from '../../../kernel/iam-arns.ts';
import type { ContextInput } from '../../../policy/index.ts';
import { UniqueViolation } from '../../../store/store-errors.ts';
import { defineOperation } from '../../operation.ts';
import { entityAlreadyExists, limitExceeded } from '../shared/iam-errors.ts';
import { requireBoundaryPolicy } from '../policies/policy-lookup.ts';
import { trustPolicyToStore } from '../roles/role-trust-policy.ts';
import { roleToWire } from '../roles/role-wire.ts';
import { requestTagKeys, tagsFromWire } from '../shared/tags.ts';

/** Most roles one account may have (docs/aws-behaviour/iam-identities-and-quotas.md). */
export const ROLES_PER_ACCOUNT = 1000;

/** The default and shortest MaxSessionDuration, in seconds. */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

export const createRole = defineOperation('iam', 'CreateRole', {
  authorize: (input, ctx) => {
    const context: Record<string, ContextInput> = { ...requestTagKeys(input.Tags) };
    if (input.PermissionsBoundary !== undefined) context['iam:PermissionsBoundary'] = input.PermissionsBoundary;
    return [{ action: 'iam:CreateRole', resource: iamArn(ctx.caller.accountId, 'role', input.Path ?? '/', input.RoleName), context }];
  },
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const tags = tagsFromWire(input.Tags);
    const path = input.Path ?? '/';
    const role = await ctx.store.transaction(async (tx) => {
      const trustPolicy = await trustPolicyToStore(tx, input.AssumeRolePolicyDocument);
      if (input.PermissionsBoundary !== undefined) await requireBoundaryPolicy(tx, ctx.managedPolicies, accountId, input.PermissionsBoundary);
      if (await tx.roles.get(accountId, input.RoleName)) throw entityAlreadyExists(`Role with name ${input.RoleName} already exists.`);
      if ((await tx.roles.count(accountId)) >= ROLES_PER_ACCOUNT) throw limitExceeded(`Cannot exceed quota for RolesPerAccount: ${ROLES_PER_ACCOUNT}`);
      const record = {
        accountId,
        id: ctx.ids.uniqueId('AROA'),
        name: input.RoleName,
        path,
        arn: iamArn(accountId, 'role', path, input.RoleName),
        createdAt: new Date(ctx.clock.now()),
        trustPolicy,
        description: input.Description,
        maxSessionDuration: input.MaxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
        permissionsBoundaryArn: input.PermissionsBoundary,
        tags,
        lastUsed: undefined,
      };
      try {
        await tx.roles.insert(record);
      } catch (error) {
        if (error instanceof UniqueViolation) throw entityAlreadyExists(`Role with name ${input.RoleName} already exists.`);
        throw error;
      }
      return record;
    });
    return { Role: await roleToWire(ctx.store, role, 'created') };
  },
});
