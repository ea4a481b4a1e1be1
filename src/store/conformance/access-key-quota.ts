/** The check-then-insert the concurrency cases race: AccessKeysPerUser (docs/aws-behaviour/iam-identities-and-quotas.md). */
import { setTimeout as delay } from 'node:timers/promises';
import type { StoreSession } from '../store.ts';
import { ACCOUNT, accessKey } from './fixtures.ts';

/** The quota: at most 2 access keys per user. */
export const KEYS_PER_USER = 2;

/** Adds an access key unless the user has KEYS_PER_USER already; a pause between check and write invites races. */
export async function addKeyWithinQuota(session: StoreSession, userId: string, keyId?: string): Promise<boolean> {
  const keys = await session.accessKeys.ofUser(ACCOUNT, userId);
  await delay(1);
  if (keys.length >= KEYS_PER_USER) return false;
  await session.accessKeys.insert(accessKey(userId, keyId === undefined ? {} : { id: keyId }));
  return true;
}
