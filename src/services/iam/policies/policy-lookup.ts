/**
 * Finding a managed policy by ARN: AWS managed ones in the shipped catalog (pseudo-account `aws`,
 * docs/aws-behaviour/iam-identities-and-quotas.md), customer managed ones in the store, visible only from their own account.
 */
import type { ManagedPolicyRecord } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import type { AwsManagedPolicy, AwsManagedPolicyCatalog } from '../aws-managed-policy-catalog.ts';
import { missing } from '../shared/iam-errors.ts';
import { invalidBoundaryArn, missingBoundary, serviceRolePolicyNotAttachable, unparsablePolicyArn } from './policy-errors.ts';

/** The parts of a managed policy ARN `arn:aws:iam::<account|aws>:policy/<path><name>`. */
export interface PolicyArnParts {
  readonly account: string;
  readonly path: string;
  readonly name: string;
}

/** A managed policy found by ARN. */
export type FoundPolicy =
  | { readonly kind: 'aws'; readonly arn: string; readonly policy: AwsManagedPolicy }
  | { readonly kind: 'customer'; readonly arn: string; readonly policy: ManagedPolicyRecord };

const POLICY_ARN = /^arn:aws:iam::(aws|\d{12}):policy((?:\/[^/]+)*)\/([^/]+)$/;

/** The parts of `arn`, or undefined when it is not a managed policy ARN. */
export function parsePolicyArn(arn: string): PolicyArnParts | undefined {
  const m = POLICY_ARN.exec(arn);
  return m ? { account: m[1]!, path: `${m[2]!}/`, name: m[3]! } : undefined;
}

/** True when `arn` parses as an ARN at all: `arn:<partition>:<service>:<region>:<account>:<resource>`, region and account may be empty. */
export function looksLikeArn(arn: string): boolean {
  return /^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$/.test(arn);
}

/** ValidationError `Invalid ARN:  Could not be parsed!` unless `arn` parses as an ARN. */
export function assertParsablePolicyArn(arn: string): void {
  if (!looksLikeArn(arn)) throw unparsablePolicyArn();
}

/** The policy `arn` names as seen from `accountId`, or undefined. */
export async function findPolicy(store: StoreSession, catalog: AwsManagedPolicyCatalog, accountId: string, arn: string): Promise<FoundPolicy | undefined> {
  const aws = catalog.get(arn);
  if (aws) return { kind: 'aws', arn, policy: aws };
  const parts = parsePolicyArn(arn);
  if (!parts || parts.account !== accountId) return undefined;
  const record = await store.managedPolicies.get(arn);
  return record && record.accountId === accountId ? { kind: 'customer', arn, policy: record } : undefined;
}

/** The policy `arn` names; ValidationError when it is not an ARN, NoSuchEntity `Policy <arn> was not found.` when missing. */
export async function requirePolicy(store: StoreSession, catalog: AwsManagedPolicyCatalog, accountId: string, arn: string): Promise<FoundPolicy> {
  assertParsablePolicyArn(arn);
  const found = await findPolicy(store, catalog, accountId, arn);
  if (!found) throw missing.policy(arn);
  return found;
}

/** The customer managed policy `arn` names; AWS managed ones get `onAwsManaged` (their immutability error). */
export async function requireCustomerPolicy(store: StoreSession, catalog: AwsManagedPolicyCatalog, accountId: string, arn: string, onAwsManaged: () => Error): Promise<ManagedPolicyRecord> {
  const found = await requirePolicy(store, catalog, accountId, arn);
  if (found.kind === 'aws') throw onAwsManaged();
  return found.policy;
}

/** True for AWS service-role policies, which only service-linked roles may carry (docs/aws-behaviour/iam-identities-and-quotas.md). */
export function isServiceRolePolicy(found: FoundPolicy): boolean {
  return found.kind === 'aws' && found.policy.path.startsWith('/aws-service-role/');
}

/**
 * The managed policy `arn` as a permissions boundary: InvalidInput `ARN <arn> is not valid.` when
 * malformed, NoSuchEntity `Scope ARN: <arn> does not exist or is not attachable.` when missing,
 * PolicyNotAttachable for an AWS service-role policy.
 */
export async function requireBoundaryPolicy(store: StoreSession, catalog: AwsManagedPolicyCatalog, accountId: string, arn: string): Promise<FoundPolicy> {
  if (!looksLikeArn(arn)) throw invalidBoundaryArn(arn);
  const found = await findPolicy(store, catalog, accountId, arn);
  if (!found) throw missingBoundary(arn);
  if (isServiceRolePolicy(found)) throw serviceRolePolicyNotAttachable();
  return found;
}
