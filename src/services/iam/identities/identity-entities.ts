/**
 * Looking up the users and groups an operation names, with IAM's `NoSuchEntity` texts (docs/aws-behaviour/error-shapes.md),
 * and the errors a store write can raise when a name is taken.
 */
import type { GroupRecord, PrincipalEntityType, UserRecord } from '../../../store/iam-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import { UniqueViolation } from '../../../store/store-errors.ts';
import { entityAlreadyExists, missing } from '../shared/iam-errors.ts';

/** The user `name` (case-insensitive), or NoSuchEntity. */
export async function requireUser(session: StoreSession, accountId: string, name: string): Promise<UserRecord> {
  const user = await session.users.get(accountId, name);
  if (!user) throw missing.user(name);
  return user;
}

/** The group `name` (case-insensitive), or NoSuchEntity. */
export async function requireGroup(session: StoreSession, accountId: string, name: string): Promise<GroupRecord> {
  const group = await session.groups.get(accountId, name);
  if (!group) throw missing.group(name);
  return group;
}

/** The entity kinds that own inline policies and attachments here. */
export type IdentityOwnerType = Extract<PrincipalEntityType, 'user' | 'group'>;

/** A user or group as the owner of policies: its unique id and its name as stored. */
export interface PolicyOwner {
  readonly type: IdentityOwnerType;
  readonly id: string;
  readonly name: string;
  /** The permissions boundary of a user (groups have none). */
  readonly boundaryArn: string | undefined;
}

/** The user or group `name`, or NoSuchEntity. */
export async function requireOwner(session: StoreSession, accountId: string, type: IdentityOwnerType, name: string): Promise<PolicyOwner> {
  if (type === 'user') {
    const user = await requireUser(session, accountId, name);
    return { type, id: user.id, name: user.name, boundaryArn: user.permissionsBoundaryArn };
  }
  const group = await requireGroup(session, accountId, name);
  return { type, id: group.id, name: group.name, boundaryArn: undefined };
}

/** Runs a write; a name already taken becomes `EntityAlreadyExists` with IAM's text for `type`. */
export async function rejectingTakenName<T>(type: IdentityOwnerType, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueViolation && error.entity === type) {
      throw entityAlreadyExists(`${type === 'user' ? 'User' : 'Group'} with name ${name} already exists.`);
    }
    throw error;
  }
}
