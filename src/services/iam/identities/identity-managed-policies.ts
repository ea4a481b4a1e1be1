/**
 * Finding the managed policies users and groups attach or take as permissions boundary: customer
 * managed policies of the caller's account (in the store) and AWS managed policies (shipped data),
 * with IAM's errors for a malformed ARN, an unknown policy and a service-role policy (docs/aws-behaviour/error-shapes.md).
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import type { StoreSession } from '../../../store/store.ts';
import type { AwsManagedPolicyCatalog } from '../aws-managed-policy-catalog.ts';
import { noSuchEntity } from '../shared/iam-errors.ts';
import { invalidBoundaryArn } from '../policies/policy-errors.ts';
import { looksLikeArn } from '../policies/policy-lookup.ts';

/** A managed policy as attachment listings name it. */
export interface ManagedPolicyRef {
  readonly arn: string;
  readonly name: string;
  readonly path: string;
}

/** The policy `arn` when it exists and the caller's account may use it; else undefined. */
export async function findManagedPolicy(session: StoreSession, catalog: AwsManagedPolicyCatalog, accountId: string, arn: string): Promise<ManagedPolicyRef | undefined> {
  const aws = catalog.get(arn);
  if (aws) return { arn, name: aws.name, path: aws.path };
  const policy = await session.managedPolicies.get(arn);
  if (!policy || policy.accountId !== accountId) return undefined;
  return { arn, name: policy.name, path: policy.path };
}

/**
 * The policy `arn` for an attachment: NoSuchEntity `Policy <arn> does not exist or is not attachable.`
 * when unknown; PolicyNotAttachable for AWS's service-role policies (path `/aws-service-role/`).
 */
export async function requireAttachablePolicy(session: StoreSession, catalog: AwsManagedPolicyCatalog, accountId: string, arn: string): Promise<ManagedPolicyRef> {
  const policy = await findManagedPolicy(session, catalog, accountId, arn);
  if (!policy) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  if (policy.path.startsWith('/aws-service-role/')) throw new AwsError('PolicyNotAttachable', 400, 'Cannot attach a Service Role Policy to a Customer Role.');
  return policy;
}

/**
 * Checks a permissions boundary being set (CreateUser, PutUserPermissionsBoundary): InvalidInput
 * `ARN <arn> is not valid.` for a non-ARN, NoSuchEntity `Scope ARN: <arn> does not exist or is not
 * attachable.` for an unknown policy.
 */
export async function assertBoundaryPolicy(session: StoreSession, catalog: AwsManagedPolicyCatalog, accountId: string, arn: string): Promise<void> {
  if (!looksLikeArn(arn)) throw invalidBoundaryArn(arn);
  if (!(await findManagedPolicy(session, catalog, accountId, arn))) throw noSuchEntity(`Scope ARN: ${arn} does not exist or is not attachable.`);
}
