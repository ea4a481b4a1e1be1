/**
 * iam:CreatePolicy: a customer managed policy with its first version v1 (validated as
 * `identity-managed`: Version 2012-10-17, at most 6,144 characters), at most 1,500 per account.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html
 */
import { iamArn } from '../../../kernel/iam-arns.ts';
import { UniqueViolation } from '../../../store/store-errors.ts';
import { defineOperation } from '../../operation.ts';
import { entityAlreadyExists, limitExceeded } from '../shared/iam-errors.ts';
import { POLICY_DUPLICATE_TAGS } from '../policies/policy-errors.ts';
import { UNUSED } from '../policies/policy-usage.ts';
import { assertValidPolicy } from '../policies/policy-validation.ts';
import { customerPolicyToWire } from '../policies/policy-wire.ts';
import { requestTagKeys, tagsFromWire } from '../shared/tags.ts';

/** Most customer managed policies one account may have (docs/aws-behaviour/iam-identities-and-quotas.md). */
export const POLICIES_PER_ACCOUNT = 1500;

export const createPolicy = defineOperation('iam', 'CreatePolicy', {
  authorize: (input, ctx) => [{
    action: 'iam:CreatePolicy',
    resource: iamArn(ctx.caller.accountId, 'policy', input.Path ?? '/', input.PolicyName),
    context: requestTagKeys(input.Tags),
  }],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const tags = tagsFromWire(input.Tags, POLICY_DUPLICATE_TAGS);
    assertValidPolicy(input.PolicyDocument, 'identity-managed');
    const path = input.Path ?? '/';
    const arn = iamArn(accountId, 'policy', path, input.PolicyName);
    const now = new Date(ctx.clock.now());
    const exists = () => entityAlreadyExists(`A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`);
    const policy = {
      accountId, id: ctx.ids.uniqueId('ANPA'), name: input.PolicyName, path, arn, description: input.Description,
      defaultVersionId: 'v1', createdAt: now, updatedAt: now, tags, nextVersion: 2,
    };
    await ctx.store.transaction(async (tx) => {
      if ((await tx.managedPolicies.count(accountId)) >= POLICIES_PER_ACCOUNT) throw limitExceeded(`Cannot exceed quota for PoliciesPerAccount: ${POLICIES_PER_ACCOUNT}`);
      // Names are unique per account ignoring case; the store enforces it.
      try {
        await tx.managedPolicies.insert(policy, { policyArn: arn, versionId: 'v1', document: input.PolicyDocument, createdAt: now });
      } catch (error) {
        if (error instanceof UniqueViolation) throw exists();
        throw error;
      }
    });
    return { Policy: customerPolicyToWire(policy, UNUSED, 'created') };
  },
});
