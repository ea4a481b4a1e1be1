/**
 * `groups` and `group_members`: group names unique per account ignoring case (docs/aws-behaviour/iam-identities-and-quotas.md);
 * memberships keep the order users joined in. Deleting a group removes its memberships (foreign
 * key), inline policies and attachments.
 */
import type { Kysely, Selectable } from 'kysely';
import type { GroupRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import { fromMillis, toMillis } from '../column-codecs.ts';
import { pathStartsWith } from '../path-prefix.ts';
import type { Runner } from '../runner.ts';
import type { Database, GroupsTable } from '../schema.ts';
import { rejectingDuplicates } from '../unique-violations.ts';
import { deleteOwnedPolicies } from './owned-policies.ts';
import { toUserRecord } from './users-repository.ts';

function toRecord(row: Selectable<GroupsTable>): GroupRecord {
  return {
    accountId: row.account_id,
    id: row.id,
    name: row.name,
    path: row.path,
    arn: row.arn,
    createdAt: fromMillis(row.created_at),
  };
}

function toRow(group: GroupRecord): GroupsTable {
  return {
    id: group.id,
    account_id: group.accountId,
    name: group.name,
    name_lower: group.name.toLowerCase(),
    path: group.path,
    arn: group.arn,
    created_at: toMillis(group.createdAt),
  };
}

function groups(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('groups').selectAll().where('account_id', '=', accountId);
}

/** The groups part of a session. */
export function groupsRepository(run: Runner): StoreSession['groups'] {
  return {
    get: (accountId, name) => run.read(async (db) => {
      const row = await groups(db, accountId).where('name_lower', '=', name.toLowerCase()).executeTakeFirst();
      return row && toRecord(row);
    }),
    getById: (accountId, id) => run.read(async (db) => {
      const row = await groups(db, accountId).where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    }),
    list: (accountId, filter) => run.read(async (db) => {
      const rows = await groups(db, accountId).where(pathStartsWith(filter)).orderBy('name_lower').orderBy('name').execute();
      return rows.map(toRecord);
    }),
    count: (accountId) => run.read(async (db) => {
      const row = await db.selectFrom('groups').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId).executeTakeFirstOrThrow();
      return Number(row.n);
    }),
    insert: (group) => run.write(group.accountId, (db) => rejectingDuplicates('group', async () => {
      await db.insertInto('groups').values(toRow(group)).execute();
    })),
    update: (group) => run.write(group.accountId, (db) => rejectingDuplicates('group', async () => {
      const { id, account_id, ...changes } = toRow(group);
      await db.updateTable('groups').set(changes).where('account_id', '=', account_id).where('id', '=', id).execute();
    })),
    delete: (accountId, id) => run.write(accountId, async (db) => {
      await deleteOwnedPolicies(db, accountId, 'group', id);
      await db.deleteFrom('groups').where('account_id', '=', accountId).where('id', '=', id).execute();
    }),
    addMember: (accountId, groupId, userId) => run.write(accountId, async (db) => {
      // AddUserToGroup of a member is a no-op that keeps the original join order.
      await db.insertInto('group_members').values({ account_id: accountId, group_id: groupId, user_id: userId })
        .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing()).execute();
    }),
    removeMember: (accountId, groupId, userId) => run.write(accountId, async (db) => {
      await db.deleteFrom('group_members')
        .where('account_id', '=', accountId).where('group_id', '=', groupId).where('user_id', '=', userId).execute();
    }),
    ofUser: (accountId, userId) => run.read(async (db) => {
      const rows = await db.selectFrom('group_members')
        .innerJoin('groups', 'groups.id', 'group_members.group_id')
        .selectAll('groups')
        .where('group_members.account_id', '=', accountId).where('group_members.user_id', '=', userId)
        .orderBy('group_members.seq').execute();
      return rows.map(toRecord);
    }),
    members: (accountId, groupId) => run.read(async (db) => {
      const rows = await db.selectFrom('group_members')
        .innerJoin('users', 'users.id', 'group_members.user_id')
        .selectAll('users')
        .where('group_members.account_id', '=', accountId).where('group_members.group_id', '=', groupId)
        .orderBy('users.name_lower').orderBy('users.name').execute();
      return rows.map(toUserRecord);
    }),
  };
}
