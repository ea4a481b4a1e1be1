/**
 * `users`: names unique per account ignoring case (docs/aws-behaviour/iam-identities-and-quotas.md). Deleting a user removes what
 * only it owns: memberships, access keys and login profile (foreign keys), inline policies and
 * attachments (here).
 */
import type { Kysely, Selectable } from 'kysely';
import type { UserRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import { decodeTags, encodeTags, fromMillis, fromNullable, toMillis, toNullable } from '../column-codecs.ts';
import { pathStartsWith } from '../path-prefix.ts';
import type { Runner } from '../runner.ts';
import type { Database, UsersTable } from '../schema.ts';
import { rejectingDuplicates } from '../unique-violations.ts';
import { deleteOwnedPolicies } from './owned-policies.ts';

/** A `users` row as a record. */
export function toUserRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    accountId: row.account_id,
    id: row.id,
    name: row.name,
    path: row.path,
    arn: row.arn,
    createdAt: fromMillis(row.created_at),
    permissionsBoundaryArn: fromNullable(row.permissions_boundary_arn),
    tags: decodeTags(row.tags),
  };
}

function toRow(user: UserRecord): UsersTable {
  return {
    id: user.id,
    account_id: user.accountId,
    name: user.name,
    name_lower: user.name.toLowerCase(),
    path: user.path,
    arn: user.arn,
    created_at: toMillis(user.createdAt),
    permissions_boundary_arn: toNullable(user.permissionsBoundaryArn),
    tags: encodeTags(user.tags),
  };
}

function users(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('users').selectAll().where('account_id', '=', accountId);
}

/** The users part of a session. */
export function usersRepository(run: Runner): StoreSession['users'] {
  return {
    get: (accountId, name) => run.memo('user', `${accountId} ${name.toLowerCase()}`, async (db) => {
      const row = await users(db, accountId).where('name_lower', '=', name.toLowerCase()).executeTakeFirst();
      return row && toUserRecord(row);
    }),
    getById: (accountId, id) => run.read(async (db) => {
      const row = await users(db, accountId).where('id', '=', id).executeTakeFirst();
      return row && toUserRecord(row);
    }),
    list: (accountId, filter) => run.read(async (db) => {
      const rows = await users(db, accountId).where(pathStartsWith(filter)).orderBy('name_lower').orderBy('name').execute();
      return rows.map(toUserRecord);
    }),
    count: (accountId) => run.read(async (db) => {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId).executeTakeFirstOrThrow();
      return Number(row.n);
    }),
    insert: (user) => run.write(user.accountId, (db) => rejectingDuplicates('user', async () => {
      await db.insertInto('users').values(toRow(user)).execute();
    })),
    update: (user) => run.write(user.accountId, (db) => rejectingDuplicates('user', async () => {
      const { id, account_id, ...changes } = toRow(user);
      await db.updateTable('users').set(changes).where('account_id', '=', account_id).where('id', '=', id).execute();
    })),
    delete: (accountId, id) => run.write(accountId, async (db) => {
      await deleteOwnedPolicies(db, accountId, 'user', id);
      await db.deleteFrom('users').where('account_id', '=', accountId).where('id', '=', id).execute();
    }),
  };
}
