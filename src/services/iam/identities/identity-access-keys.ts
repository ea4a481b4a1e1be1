/**
 * Finding the access key an UpdateAccessKey or DeleteAccessKey names among its owner's keys, with
 * IAM's `The Access Key with id <AKID> cannot be found.` (docs/aws-behaviour/error-shapes.md).
 */
import type { AccessKeyRecord } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import { noSuchEntity } from '../shared/iam-errors.ts';
import { resolveKeyOwner, type KeyOwner } from './identity-key-owner.ts';

/** The key `accessKeyId` of `owner` (NoSuchEntity when the owner or the key is missing, or the key is another's). */
export async function requireOwnedAccessKey(session: StoreSession, accountId: string, owner: KeyOwner, accessKeyId: string): Promise<AccessKeyRecord> {
  const { userId } = await resolveKeyOwner(session, accountId, owner);
  const key = await session.accessKeys.get(accessKeyId);
  if (!key || key.accountId !== accountId || key.userId !== userId) throw noSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
  return key;
}
