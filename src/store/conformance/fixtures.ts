/**
 * Records for the Store conformance suite: valid, fully populated by default, overridable field by
 * field. Ids come from a counter so that tests in one store never collide.
 */
import type {
  AccessKeyRecord, AccountRecord, GroupRecord, ManagedPolicyRecord, PolicyVersionRecord, RoleRecord, UserRecord,
} from '../iam-records.ts';
import type { StsSessionRecord } from '../session-records.ts';
import type { Store } from '../store.ts';

/** Opens a fresh, empty store. */
export type OpenStore = () => Promise<Store>;

/** The account most cases use, and another to show isolation. */
export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';

let counter = 0;
/** A fresh id with the given prefix (`AIDA`, `AKIA`, …). */
export function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}${String(counter).padStart(16, '0')}`;
}

/** A millisecond-precise date `n` seconds after a fixed instant. */
export function at(n: number): Date {
  return new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678) + n * 1000);
}

/** Opens a store, runs `body`, and closes it whatever happens. */
export async function withStore(open: OpenStore, body: (store: Store) => Promise<void>): Promise<void> {
  const store = await open();
  try {
    await body(store);
  } finally {
    await store.close();
  }
}

/** A store holding ACCOUNT and OTHER_ACCOUNT. */
export async function withAccounts(open: OpenStore, body: (store: Store) => Promise<void>): Promise<void> {
  await withStore(open, async (store) => {
    await store.accounts.create(account(ACCOUNT));
    await store.accounts.create(account(OTHER_ACCOUNT));
    await body(store);
  });
}

/** An account. */
export function account(id: string, createdAt = at(0)): AccountRecord {
  return { id, createdAt };
}

/** A user named `name`. */
export function user(name: string, overrides: Partial<UserRecord> = {}): UserRecord {
  const accountId = overrides.accountId ?? ACCOUNT;
  const path = overrides.path ?? '/';
  return {
    accountId, id: nextId('AIDA'), name, path, arn: `arn:aws:iam::${accountId}:user${path}${name}`, createdAt: at(1),
    permissionsBoundaryArn: undefined, tags: [], ...overrides,
  };
}

/** A group named `name`. */
export function group(name: string, overrides: Partial<GroupRecord> = {}): GroupRecord {
  const accountId = overrides.accountId ?? ACCOUNT;
  const path = overrides.path ?? '/';
  return { accountId, id: nextId('AGPA'), name, path, arn: `arn:aws:iam::${accountId}:group${path}${name}`, createdAt: at(2), ...overrides };
}

/** A role named `name`. */
export function role(name: string, overrides: Partial<RoleRecord> = {}): RoleRecord {
  const accountId = overrides.accountId ?? ACCOUNT;
  const path = overrides.path ?? '/';
  return {
    accountId, id: nextId('AROA'), name, path, arn: `arn:aws:iam::${accountId}:role${path}${name}`, createdAt: at(3),
    trustPolicy: '{"Version":"2012-10-17","Statement":[]}', description: undefined, maxSessionDuration: 3600,
    permissionsBoundaryArn: undefined, tags: [], lastUsed: undefined, ...overrides,
  };
}

/** A customer managed policy named `name` whose default version is v1. */
export function managedPolicy(name: string, overrides: Partial<ManagedPolicyRecord> = {}): ManagedPolicyRecord {
  const accountId = overrides.accountId ?? ACCOUNT;
  const path = overrides.path ?? '/';
  return {
    accountId, id: nextId('ANPA'), name, path, arn: `arn:aws:iam::${accountId}:policy${path}${name}`, description: undefined,
    defaultVersionId: 'v1', createdAt: at(4), updatedAt: at(4), tags: [], nextVersion: 2, ...overrides,
  };
}

/** Version `versionId` of the policy `policyArn`. */
export function policyVersion(policyArn: string, versionId: string, createdAt = at(4)): PolicyVersionRecord {
  return { policyArn, versionId, document: `{"Version":"2012-10-17","Statement":[],"Sid":"${versionId}"}`, createdAt };
}

/** An active access key of `userId` (undefined: the root user's). */
export function accessKey(userId: string | undefined, overrides: Partial<AccessKeyRecord> = {}): AccessKeyRecord {
  return {
    accountId: ACCOUNT, id: nextId('AKIA'), userId, secretCiphertext: 'v1:opaque-ciphertext', status: 'Active',
    createdAt: at(5), lastUsed: undefined, ...overrides,
  };
}

/** A role session record, fully populated, overridable field by field. */
export function stsSession(overrides: Partial<StsSessionRecord> = {}): StsSessionRecord {
  return {
    accountId: ACCOUNT, accessKeyId: nextId('ASIA'), secretCiphertext: 'v1:sealed-secret', sessionTokenCiphertext: 'v1:sealed-token',
    kind: 'assumed-role', principalId: nextId('AROA'), name: 'my-session', issuedAt: at(10), expiresAt: at(3610),
    policy: '{"Version":"2012-10-17","Statement":[]}', policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111122223333:policy/P'],
    tags: [{ key: 'Project', value: 'Blue' }, { key: 'team', value: '' }], transitiveTagKeys: ['Project'], sourceIdentity: 'alice',
    mfa: true, chained: true, ...overrides,
  };
}

/** An AWS managed policy's ARN (attached, never stored). */
export const AWS_READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
