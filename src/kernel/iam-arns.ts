/**
 * ARNs of IAM entities (docs/aws-behaviour/iam-identities-and-quotas.md): `arn:aws:iam::ACCT:<type>/<path without leading slash><name>`.
 */

/** The IAM entity types that have ARNs. */
export type IamEntityType = 'user' | 'group' | 'role' | 'policy' | 'instance-profile';

/** The ARN of an IAM entity with `path` (default `/`). */
export function iamArn(accountId: string, type: IamEntityType, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:${type}/${path.slice(1)}${name}`;
}

/** The root user's ARN. */
export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

/** True when `accountId` is a 12-digit account id. */
export function isAccountId(accountId: string): boolean {
  return /^\d{12}$/.test(accountId);
}
