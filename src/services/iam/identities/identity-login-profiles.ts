/** Finding a user's login profile, with IAM's `Login Profile for User <n> cannot be found.` (docs/aws-behaviour/error-shapes.md). */
import type { LoginProfileRecord, UserRecord } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import { noSuchEntity } from '../shared/iam-errors.ts';
import { requireUser } from './identity-entities.ts';

/** The user `userName` and its login profile; NoSuchEntity when either is missing. */
export async function requireLoginProfile(session: StoreSession, accountId: string, userName: string): Promise<{ user: UserRecord; profile: LoginProfileRecord }> {
  const user = await requireUser(session, accountId, userName);
  const profile = await session.loginProfiles.get(accountId, user.id);
  if (!profile) throw noSuchEntity(`Login Profile for User ${userName} cannot be found.`);
  return { user, profile };
}
