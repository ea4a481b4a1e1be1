/**
 * Managed-policy errors with IAM's exact texts (docs/aws-behaviour/iam-identities-and-quotas.md, docs/aws-behaviour/error-shapes.md): AWS managed policies are
 * immutable, service-role policies attach only to service-linked roles, versions that do not exist.
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import { noSuchEntity } from '../shared/iam-errors.ts';

/** AccessDenied for a change to an AWS managed policy (docs/aws-behaviour/iam-identities-and-quotas.md). */
export const awsManagedPolicyImmutable = {
  delete: () => new AwsError('AccessDenied', 403, 'Cannot delete policies outside your own account.'),
  deleteVersion: () => new AwsError('AccessDenied', 403, 'Cannot delete policy versions for policies outside your own account.'),
  update: () => new AwsError('AccessDenied', 403, 'Cannot update policies outside your own account.'),
} as const;

/** `PolicyNotAttachable` for an AWS service-role policy given to a customer role. */
export function serviceRolePolicyNotAttachable(): AwsError {
  return new AwsError('PolicyNotAttachable', 400, 'Cannot attach a Service Role Policy to a Customer Role.');
}

/** `NoSuchEntity` for a policy that Attach* and ListEntitiesForPolicy cannot find. */
export function policyNotAttachable(arn: string): AwsError {
  return noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
}

/** `NoSuchEntity` for a missing policy version. */
export function missingPolicyVersion(arn: string, versionId: string): AwsError {
  return noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
}

/** `NoSuchEntity` for a permissions boundary that does not exist. */
export function missingBoundary(arn: string): AwsError {
  return noSuchEntity(`Scope ARN: ${arn} does not exist or is not attachable.`);
}

/** `InvalidInput` for a permissions boundary that is not an ARN (CreateUser, CreateRole, Put*PermissionsBoundary). */
export function invalidBoundaryArn(arn: string): AwsError {
  return new AwsError('InvalidInput', 400, `ARN ${arn} is not valid.`);
}

/**
 * `ValidationError` for a PolicyArn that does not parse as an ARN (a policy name, a path): AWS's text,
 * with its two spaces, in every operation that takes a PolicyArn. An ARN that parses but names no policy
 * is NoSuchEntity instead (test/iam/policy-arn-validation.test.ts).
 */
export function unparsablePolicyArn(): AwsError {
  return new AwsError('ValidationError', 400, 'Invalid ARN:  Could not be parsed!');
}

/** The duplicate-tag text of TagPolicy and CreatePolicy (roles and users add a note on case, docs/aws-behaviour/error-shapes.md). */
export const POLICY_DUPLICATE_TAGS = 'Duplicate tag keys found.';
