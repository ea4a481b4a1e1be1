/**
 * iam:CreatePolicyVersion: a new version of a customer managed policy (validated as
 * `identity-managed`), optionally made the default; at most five versions (docs/aws-behaviour/iam-identities-and-quotas.md). AWS managed
 * policies are immutable (docs/aws-behaviour/iam-identities-and-quotas.md). https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html
 */
import { defineOperation } from '../../operation.ts';
import { limitExceeded } from '../shared/iam-errors.ts';
import { policyCheck } from '../policies/policy-authorization.ts';
import { awsManagedPolicyImmutable } from '../policies/policy-errors.ts';
import { requireCustomerPolicy } from '../policies/policy-lookup.ts';
import { assertValidPolicy } from '../policies/policy-validation.ts';
import { policyVersionToWire } from '../policies/policy-wire.ts';

/** Most versions one managed policy may have (docs/aws-behaviour/iam-identities-and-quotas.md). */
export const VERSIONS_PER_POLICY = 5;

export const createPolicyVersion = defineOperation('iam', 'CreatePolicyVersion', {
  authorize: async (input, ctx) => [await policyCheck(ctx, 'iam:CreatePolicyVersion', input.PolicyArn)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    return ctx.store.transaction(async (tx) => {
      const policy = await requireCustomerPolicy(tx, ctx.managedPolicies, accountId, input.PolicyArn, awsManagedPolicyImmutable.update);
      assertValidPolicy(input.PolicyDocument, 'identity-managed');
      if ((await tx.managedPolicies.listVersions(policy.arn)).length >= VERSIONS_PER_POLICY) {
        throw limitExceeded(`A managed policy can have up to ${VERSIONS_PER_POLICY} versions. Before you create a new version, you must delete an existing version.`);
      }
      const version = { policyArn: policy.arn, versionId: `v${policy.nextVersion}`, document: input.PolicyDocument, createdAt: new Date(ctx.clock.now()) };
      await tx.managedPolicies.insertVersion(version);
      const defaultVersionId = input.SetAsDefault ? version.versionId : policy.defaultVersionId;
      await tx.managedPolicies.update({ ...policy, defaultVersionId, nextVersion: policy.nextVersion + 1, updatedAt: version.createdAt });
      return { PolicyVersion: policyVersionToWire(version, defaultVersionId, false) };
    });
  },
});
