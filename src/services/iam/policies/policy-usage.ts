/**
 * How a managed policy is used in an account: `AttachmentCount` (users, groups and roles it is attached
 * to) and `PermissionsBoundaryUsageCount` (users and roles it bounds). AWS managed policies are counted
 * per account. https://docs.aws.amazon.com/IAM/latest/APIReference/API_Policy.html
 */
import type { PrincipalEntityType } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';

/** The use counts of one policy. */
export interface PolicyUsage {
  readonly attachments: number;
  readonly boundaries: number;
}

/** No use at all. */
export const UNUSED: PolicyUsage = { attachments: 0, boundaries: 0 };

/** The use counts of the policy `arn` in `accountId`. */
export function policyUsage(store: StoreSession, accountId: string, arn: string): Promise<PolicyUsage> {
  return store.attachments.countForPolicy(accountId, arn);
}

/** The use counts of every policy used in `accountId`, by ARN (one pass over the account's entities). */
export async function accountPolicyUsage(store: StoreSession, accountId: string): Promise<Map<string, PolicyUsage>> {
  const usage = new Map<string, { attachments: number; boundaries: number }>();
  const entry = (arn: string) => {
    let e = usage.get(arn);
    if (!e) usage.set(arn, (e = { attachments: 0, boundaries: 0 }));
    return e;
  };
  const entities: { type: PrincipalEntityType; id: string; boundary: string | undefined }[] = [
    ...(await store.users.list(accountId)).map((u) => ({ type: 'user' as const, id: u.id, boundary: u.permissionsBoundaryArn })),
    ...(await store.groups.list(accountId)).map((g) => ({ type: 'group' as const, id: g.id, boundary: undefined })),
    ...(await store.roles.list(accountId)).map((r) => ({ type: 'role' as const, id: r.id, boundary: r.permissionsBoundaryArn })),
  ];
  for (const entity of entities) {
    if (entity.boundary !== undefined) entry(entity.boundary).boundaries++;
    for (const attachment of await store.attachments.ofEntity(accountId, entity.type, entity.id)) entry(attachment.policyArn).attachments++;
  }
  return usage;
}
