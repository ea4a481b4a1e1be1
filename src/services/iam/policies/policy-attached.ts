/**
 * The managed policies attached to a user, group or role, as IAM lists them (`AttachedPolicy`: name and
 * ARN, both read off the ARN). https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachedPolicy.html
 */
import type { PrincipalEntityType } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import { parsePolicyArn } from './policy-lookup.ts';

/** IAM's `AttachedPolicy` structure. */
export interface WireAttachedPolicy {
  readonly PolicyName: string;
  readonly PolicyArn: string;
}

/** The managed policies attached to an entity, as IAM lists them, optionally only those under `pathPrefix`. */
export async function attachedPolicies(store: StoreSession, accountId: string, type: PrincipalEntityType, id: string, pathPrefix?: string): Promise<WireAttachedPolicy[]> {
  const out: WireAttachedPolicy[] = [];
  for (const attachment of await store.attachments.ofEntity(accountId, type, id)) {
    const parts = parsePolicyArn(attachment.policyArn);
    if (!parts || (pathPrefix !== undefined && !parts.path.startsWith(pathPrefix))) continue;
    out.push({ PolicyName: parts.name, PolicyArn: attachment.policyArn });
  }
  return out;
}
