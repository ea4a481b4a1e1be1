/**
 * `roles`: names unique per account ignoring case (docs/aws-behaviour/iam-identities-and-quotas.md). Deleting a role removes its
 * inline policies and attachments.
 */
import type { Kysely, Selectable } from 'kysely';
import type { RoleRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import { decodeTags, encodeTags, fromMillis, fromNullable, toMillis, toNullable } from '../column-codecs.ts';
import { pathStartsWith } from '../path-prefix.ts';
import type { Runner } from '../runner.ts';
import type { Database, RolesTable } from '../schema.ts';
import { rejectingDuplicates } from '../unique-violations.ts';
import { deleteOwnedPolicies } from './owned-policies.ts';

function toRecord(row: Selectable<RolesTable>): RoleRecord {
  return {
    accountId: row.account_id,
    id: row.id,
    name: row.name,
    path: row.path,
    arn: row.arn,
    createdAt: fromMillis(row.created_at),
    trustPolicy: row.trust_policy,
    description: fromNullable(row.description),
    maxSessionDuration: row.max_session_duration,
    permissionsBoundaryArn: fromNullable(row.permissions_boundary_arn),
    tags: decodeTags(row.tags),
    lastUsed: row.last_used_at === null || row.last_used_region === null
      ? undefined
      : { date: fromMillis(row.last_used_at), region: row.last_used_region },
  };
}

function toRow(role: RoleRecord): RolesTable {
  return {
    id: role.id,
    account_id: role.accountId,
    name: role.name,
    name_lower: role.name.toLowerCase(),
    path: role.path,
    arn: role.arn,
    created_at: toMillis(role.createdAt),
    trust_policy: role.trustPolicy,
    description: toNullable(role.description),
    max_session_duration: role.maxSessionDuration,
    permissions_boundary_arn: toNullable(role.permissionsBoundaryArn),
    tags: encodeTags(role.tags),
    last_used_at: role.lastUsed ? toMillis(role.lastUsed.date) : null,
    last_used_region: role.lastUsed ? role.lastUsed.region : null,
  };
}

function roles(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('roles').selectAll().where('account_id', '=', accountId);
}

/** The roles part of a session. */
export function rolesRepository(run: Runner): StoreSession['roles'] {
  return {
    get: (accountId, name) => run.memo('role', `${accountId} ${name.toLowerCase()}`, async (db) => {
      const row = await roles(db, accountId).where('name_lower', '=', name.toLowerCase()).executeTakeFirst();
      return row && toRecord(row);
    }),
    getById: (accountId, id) => run.read(async (db) => {
      const row = await roles(db, accountId).where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    }),
    list: (accountId, filter) => run.read(async (db) => {
      const rows = await roles(db, accountId).where(pathStartsWith(filter)).orderBy('name_lower').orderBy('name').execute();
      return rows.map(toRecord);
    }),
    count: (accountId) => run.read(async (db) => {
      const row = await db.selectFrom('roles').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId).executeTakeFirstOrThrow();
      return Number(row.n);
    }),
    insert: (role) => run.write(role.accountId, (db) => rejectingDuplicates('role', async () => {
      await db.insertInto('roles').values(toRow(role)).execute();
    })),
    update: (role) => run.write(role.accountId, (db) => rejectingDuplicates('role', async () => {
      const { id, account_id, ...changes } = toRow(role);
      await db.updateTable('roles').set(changes).where('account_id', '=', account_id).where('id', '=', id).execute();
    })),
    delete: (accountId, id) => run.write(accountId, async (db) => {
      await deleteOwnedPolicies(db, accountId, 'role', id);
      await db.deleteFrom('roles').where('account_id', '=', accountId).where('id', '=', id).execute();
    }),
  };
}
