/**
 * `sts_sessions`: temporary credentials (`../../session-records.ts`). The secret and session token are
 * stored as the sealed text the service hands over; the store never opens, logs or compares them.
 */
import type { Kysely } from 'kysely';
import type { StsSessionKind, StsSessionRecord } from '../../session-records.ts';
import type { StoreSession } from '../../store.ts';
import { decodeTags, encodeTags, fromFlag, fromMillis, fromNullable, toFlag, toMillis, toNullable } from '../column-codecs.ts';
import type { Runner } from '../runner.ts';
import type { Database } from '../schema.ts';
import { rejectingDuplicates } from '../unique-violations.ts';

/** The row of `sts_sessions` (created by migration 0002). */
interface StsSessionsTable {
  access_key_id: string;
  account_id: string;
  secret_ciphertext: string;
  session_token_ciphertext: string;
  kind: string;
  principal_id: string | null;
  name: string;
  issued_at: number;
  expires_at: number;
  policy: string | null;
  policy_arns: string;
  tags: string;
  transitive_tag_keys: string;
  source_identity: string | null;
  mfa: number;
  chained: number;
}

type SessionsDatabase = Kysely<Database & { sts_sessions: StsSessionsTable }>;

function sessionsDb(db: Kysely<Database>): SessionsDatabase {
  return db.withTables<{ sts_sessions: StsSessionsTable }>();
}

const KINDS: readonly StsSessionKind[] = ['assumed-role', 'session-token', 'federated-user', 'console'];

function parseKind(text: string): StsSessionKind {
  const kind = KINDS.find((k) => k === text);
  if (!kind) throw new Error(`stored session kind \`${text}\` is unknown`);
  return kind;
}

function parseStrings(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((item): item is string => typeof item === 'string')) throw new Error('stored list is not an array of strings');
  return parsed;
}

function toRecord(row: StsSessionsTable): StsSessionRecord {
  return {
    accountId: row.account_id,
    accessKeyId: row.access_key_id,
    secretCiphertext: row.secret_ciphertext,
    sessionTokenCiphertext: row.session_token_ciphertext,
    kind: parseKind(row.kind),
    principalId: fromNullable(row.principal_id),
    name: row.name,
    issuedAt: fromMillis(row.issued_at),
    expiresAt: fromMillis(row.expires_at),
    policy: fromNullable(row.policy),
    policyArns: parseStrings(row.policy_arns),
    tags: decodeTags(row.tags),
    transitiveTagKeys: parseStrings(row.transitive_tag_keys),
    sourceIdentity: fromNullable(row.source_identity),
    mfa: fromFlag(row.mfa),
    chained: fromFlag(row.chained),
  };
}

function toRow(session: StsSessionRecord): StsSessionsTable {
  return {
    access_key_id: session.accessKeyId,
    account_id: session.accountId,
    secret_ciphertext: session.secretCiphertext,
    session_token_ciphertext: session.sessionTokenCiphertext,
    kind: session.kind,
    principal_id: toNullable(session.principalId),
    name: session.name,
    issued_at: toMillis(session.issuedAt),
    expires_at: toMillis(session.expiresAt),
    policy: toNullable(session.policy),
    policy_arns: JSON.stringify(session.policyArns),
    tags: encodeTags(session.tags),
    transitive_tag_keys: JSON.stringify(session.transitiveTagKeys),
    source_identity: toNullable(session.sourceIdentity),
    mfa: toFlag(session.mfa),
    chained: toFlag(session.chained),
  };
}

/** The STS sessions part of a session. */
export function sessionsRepository(run: Runner): StoreSession['sessions'] {
  return {
    get: (accessKeyId) => run.read(async (db) => {
      const row = await sessionsDb(db).selectFrom('sts_sessions').selectAll().where('access_key_id', '=', accessKeyId).executeTakeFirst();
      return row && toRecord(row);
    }),
    // Quiet: a new access key id is in no cache (store.ts).
    insert: (session) => run.writeQuietly((db) => rejectingDuplicates('accessKey', async () => {
      await sessionsDb(db).insertInto('sts_sessions').values(toRow(session)).execute();
    })),
    deleteExpired: (before) => run.writeTouching(async (db, touch) => {
      const cutoff = toMillis(before);
      const accounts = await sessionsDb(db).selectFrom('sts_sessions').select('account_id').distinct().where('expires_at', '<', cutoff).execute();
      if (accounts.length === 0) return 0;
      for (const { account_id } of accounts) touch(account_id);
      const result = await sessionsDb(db).deleteFrom('sts_sessions').where('expires_at', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    }),
    // Moves the generation of the session's account, so every process's credential cache drops it.
    delete: (accessKeyId) => run.writeTouching(async (db, touch) => {
      const row = await sessionsDb(db).selectFrom('sts_sessions').select('account_id').where('access_key_id', '=', accessKeyId).executeTakeFirst();
      if (row === undefined) return;
      touch(row.account_id);
      await sessionsDb(db).deleteFrom('sts_sessions').where('access_key_id', '=', accessKeyId).execute();
    }),
  };
}
