/**
 * `managed_policies` and `policy_versions`: customer managed policies, names unique per account
 * ignoring case (docs/aws-behaviour/iam-identities-and-quotas.md), and their versions (deleted with the policy, by foreign key).
 */
import type { Selectable } from 'kysely';
import type { ManagedPolicyRecord, PolicyVersionRecord } from '../../iam-records.ts';
import type { StoreSession } from '../../store.ts';
import { decodeTags, encodeTags, fromMillis, fromNullable, toMillis, toNullable } from '../column-codecs.ts';
import { accountOfPolicyArn } from '../account-generations.ts';
import { pathStartsWith } from '../path-prefix.ts';
import type { Runner } from '../runner.ts';
import type { ManagedPoliciesTable, PolicyVersionsTable } from '../schema.ts';
import { rejectingDuplicates } from '../unique-violations.ts';

function toRecord(row: Selectable<ManagedPoliciesTable>): ManagedPolicyRecord {
  return {
    accountId: row.account_id,
    id: row.id,
    name: row.name,
    path: row.path,
    arn: row.arn,
    description: fromNullable(row.description),
    defaultVersionId: row.default_version_id,
    createdAt: fromMillis(row.created_at),
    updatedAt: fromMillis(row.updated_at),
    tags: decodeTags(row.tags),
    nextVersion: row.next_version,
  };
}

function toRow(policy: ManagedPolicyRecord): ManagedPoliciesTable {
  return {
    arn: policy.arn,
    id: policy.id,
    account_id: policy.accountId,
    name: policy.name,
    name_lower: policy.name.toLowerCase(),
    path: policy.path,
    description: toNullable(policy.description),
    default_version_id: policy.defaultVersionId,
    created_at: toMillis(policy.createdAt),
    updated_at: toMillis(policy.updatedAt),
    tags: encodeTags(policy.tags),
    next_version: policy.nextVersion,
  };
}

function toVersionRecord(row: Selectable<PolicyVersionsTable>): PolicyVersionRecord {
  return { policyArn: row.policy_arn, versionId: row.version_id, document: row.document, createdAt: fromMillis(row.created_at) };
}

function toVersionRow(version: PolicyVersionRecord) {
  return { policy_arn: version.policyArn, version_id: version.versionId, document: version.document, created_at: toMillis(version.createdAt) };
}

/** The managed policies part of a session. */
export function managedPoliciesRepository(run: Runner): StoreSession['managedPolicies'] {
  return {
    get: (arn) => run.read(async (db) => {
      const row = await db.selectFrom('managed_policies').selectAll().where('arn', '=', arn).executeTakeFirst();
      return row && toRecord(row);
    }),
    list: (accountId, filter) => run.read(async (db) => {
      const rows = await db.selectFrom('managed_policies').selectAll().where('account_id', '=', accountId)
        .where(pathStartsWith(filter)).orderBy('name_lower').orderBy('name').execute();
      return rows.map(toRecord);
    }),
    count: (accountId) => run.read(async (db) => {
      const row = await db.selectFrom('managed_policies').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId).executeTakeFirstOrThrow();
      return Number(row.n);
    }),
    insert: (policy, firstVersion) => run.write(policy.accountId, async (db) => {
      await rejectingDuplicates('managedPolicy', () => db.insertInto('managed_policies').values(toRow(policy)).execute());
      await rejectingDuplicates('policyVersion', () => db.insertInto('policy_versions').values(toVersionRow(firstVersion)).execute());
    }),
    update: (policy) => run.write(policy.accountId, (db) => rejectingDuplicates('managedPolicy', async () => {
      const { arn, ...changes } = toRow(policy);
      await db.updateTable('managed_policies').set(changes).where('arn', '=', arn).execute();
    })),
    delete: (arn) => run.write(accountOfPolicyArn(arn), async (db) => {
      await db.deleteFrom('managed_policies').where('arn', '=', arn).execute();
    }),
    getVersion: (policyArn, versionId) => run.read(async (db) => {
      const row = await db.selectFrom('policy_versions').selectAll()
        .where('policy_arn', '=', policyArn).where('version_id', '=', versionId).executeTakeFirst();
      return row && toVersionRecord(row);
    }),
    listVersions: (policyArn) => run.read(async (db) => {
      const rows = await db.selectFrom('policy_versions').selectAll().where('policy_arn', '=', policyArn)
        .orderBy('created_at', 'desc').orderBy('seq', 'desc').execute();
      return rows.map(toVersionRecord);
    }),
    insertVersion: (version) => run.write(accountOfPolicyArn(version.policyArn), (db) => rejectingDuplicates('policyVersion', async () => {
      await db.insertInto('policy_versions').values(toVersionRow(version)).execute();
    })),
    deleteVersion: (policyArn, versionId) => run.write(accountOfPolicyArn(policyArn), async (db) => {
      await db.deleteFrom('policy_versions').where('policy_arn', '=', policyArn).where('version_id', '=', versionId).execute();
    }),
  };
}
