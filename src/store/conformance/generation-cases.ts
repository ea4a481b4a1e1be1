/**
 * Conformance cases: the account generation (store.ts, INVARIANT "account generation"). Every kind of
 * write moves the generation of the account it changes, in its own commit: alone, and inside a
 * transaction; a rolled-back transaction moves nothing; the writes the interface names as quiet move
 * nothing. A write method without a case here fails the completeness case, so a new one cannot slip
 * past the rule.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EksDocument } from '../eks-records.ts';
import type { Store, StoreSession } from '../store.ts';
import type { TrailEventRecord } from '../trail-records.ts';
import {
  ACCOUNT, AWS_READ_ONLY, OTHER_ACCOUNT, accessKey, account, at, group, managedPolicy, policyVersion, role, stsSession, user, withAccounts,
  withStore, type OpenStore,
} from './fixtures.ts';

/** The Store's methods that only read. */
const READS = new Set([
  'accounts.get', 'accounts.list', 'accounts.generation', 'rootPasswords.get', 'serviceControlPolicies.get', 'serviceControlPolicies.list',
  'trail.lookup', 'trail.byRequestId',
  'users.get', 'users.getById', 'users.list', 'users.count',
  'groups.get', 'groups.getById', 'groups.list', 'groups.count', 'groups.ofUser', 'groups.members',
  'roles.get', 'roles.getById', 'roles.list', 'roles.count',
  'inlinePolicies.get', 'inlinePolicies.list',
  'managedPolicies.get', 'managedPolicies.list', 'managedPolicies.count', 'managedPolicies.getVersion', 'managedPolicies.listVersions',
  'attachments.ofEntity', 'attachments.ofPolicy', 'attachments.countForPolicy',
  'accessKeys.get', 'accessKeys.ofUser',
  'loginProfiles.get', 'passwordPolicies.get',
  'eks.get', 'eks.list', 'eks.listEverywhere',
  'kubernetes.get', 'kubernetes.list', 'kubernetes.resourceVersion', 'kubernetes.changes', 'kubernetes.ports',
  'sessions.get',
]);

/** A service control policy document. */
const SCP = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"eks:*","Resource":"*"}]}';

/** A write to check: `prepare` makes what it needs (outside the generation measured), `write` makes it. */
interface WriteCase {
  prepare?(store: Store): Promise<void>;
  write(session: StoreSession): Promise<unknown>;
}

/** Writes of ACCOUNT's data, by method. Each factory makes fresh records, so a case can run on several stores. */
function writeCases(): Record<string, () => WriteCase> {
  const withUser = (write: (s: StoreSession, userId: string) => Promise<unknown>) => (): WriteCase => {
    const alice = user('alice');
    return { prepare: (store) => store.users.insert(alice), write: (s) => write(s, alice.id) };
  };
  const withGroup = (write: (s: StoreSession, groupId: string, userId: string) => Promise<unknown>) => (): WriteCase => {
    const alice = user('alice');
    const devs = group('devs');
    return {
      prepare: async (store) => {
        await store.users.insert(alice);
        await store.groups.insert(devs);
        await store.groups.addMember(ACCOUNT, devs.id, alice.id);
      },
      write: (s) => write(s, devs.id, alice.id),
    };
  };
  const withRole = (write: (s: StoreSession, roleId: string) => Promise<unknown>) => (): WriteCase => {
    const admin = role('admin');
    return { prepare: (store) => store.roles.insert(admin), write: (s) => write(s, admin.id) };
  };
  const withPolicy = (write: (s: StoreSession, arn: string) => Promise<unknown>) => (): WriteCase => {
    const policy = managedPolicy('deploy');
    return {
      prepare: async (store) => {
        await store.managedPolicies.insert(policy, policyVersion(policy.arn, 'v1'));
        await store.managedPolicies.insertVersion(policyVersion(policy.arn, 'v2', at(6)));
      },
      write: (s) => write(s, policy.arn),
    };
  };
  const withKey = (write: (s: StoreSession, keyId: string) => Promise<unknown>) => (): WriteCase => {
    const key = accessKey(undefined);
    return { prepare: (store) => store.accessKeys.insert(key), write: (s) => write(s, key.id) };
  };
  const cluster: EksDocument = { accountId: ACCOUNT, region: 'us-west-2', kind: 'cluster', cluster: 'prod', name: 'prod', data: '{"status":"ACTIVE"}' };
  const withCluster = (write: (s: StoreSession) => Promise<unknown>) => (): WriteCase => ({
    prepare: (store) => store.eks.put(cluster),
    write,
  });
  const passwordPolicy = {
    accountId: ACCOUNT, minimumPasswordLength: 12, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true,
    requireLowercaseCharacters: true, allowUsersToChangePassword: true, maxPasswordAge: undefined, passwordReusePrevention: undefined, hardExpiry: false,
  };
  const profile = (userId: string) => ({ accountId: ACCOUNT, userId, passwordHash: 'opaque-hash', passwordResetRequired: false, createdAt: at(7) });
  return {
    'accounts.bumpGeneration': () => ({ write: (s) => s.accounts.bumpGeneration(ACCOUNT) }),
    'users.insert': () => ({ write: (s) => s.users.insert(user('bob')) }),
    'users.update': () => {
      const alice = user('alice');
      return { prepare: (store) => store.users.insert(alice), write: (s) => s.users.update({ ...alice, tags: [{ key: 'team', value: 'blue' }] }) };
    },
    'users.delete': withUser((s, id) => s.users.delete(ACCOUNT, id)),
    'groups.insert': () => ({ write: (s) => s.groups.insert(group('ops')) }),
    'groups.update': () => {
      const ops = group('ops');
      return { prepare: (store) => store.groups.insert(ops), write: (s) => s.groups.update({ ...ops, path: '/team/' }) };
    },
    'groups.delete': withGroup((s, groupId) => s.groups.delete(ACCOUNT, groupId)),
    'groups.addMember': () => {
      const alice = user('alice');
      const ops = group('ops');
      return {
        prepare: async (store) => {
          await store.users.insert(alice);
          await store.groups.insert(ops);
        },
        write: (s) => s.groups.addMember(ACCOUNT, ops.id, alice.id),
      };
    },
    'groups.removeMember': withGroup((s, groupId, userId) => s.groups.removeMember(ACCOUNT, groupId, userId)),
    'roles.insert': () => ({ write: (s) => s.roles.insert(role('deployer')) }),
    'roles.update': () => {
      const admin = role('admin');
      return { prepare: (store) => store.roles.insert(admin), write: (s) => s.roles.update({ ...admin, permissionsBoundaryArn: AWS_READ_ONLY }) };
    },
    'roles.delete': withRole((s, id) => s.roles.delete(ACCOUNT, id)),
    'inlinePolicies.put': withRole((s, id) => s.inlinePolicies.put({ accountId: ACCOUNT, ownerType: 'role', ownerId: id, name: 'p', document: '{"Statement":[]}' })),
    'inlinePolicies.delete': () => {
      const admin = role('admin');
      return {
        prepare: async (store) => {
          await store.roles.insert(admin);
          await store.inlinePolicies.put({ accountId: ACCOUNT, ownerType: 'role', ownerId: admin.id, name: 'p', document: '{"Statement":[]}' });
        },
        write: (s) => s.inlinePolicies.delete(ACCOUNT, 'role', admin.id, 'p'),
      };
    },
    'managedPolicies.insert': () => {
      const policy = managedPolicy('fresh');
      return { write: (s) => s.managedPolicies.insert(policy, policyVersion(policy.arn, 'v1')) };
    },
    'managedPolicies.update': () => {
      const policy = managedPolicy('deploy');
      return {
        prepare: async (store) => {
          await store.managedPolicies.insert(policy, policyVersion(policy.arn, 'v1'));
          await store.managedPolicies.insertVersion(policyVersion(policy.arn, 'v2', at(6)));
        },
        write: (s) => s.managedPolicies.update({ ...policy, defaultVersionId: 'v2' }),
      };
    },
    'managedPolicies.delete': withPolicy((s, arn) => s.managedPolicies.delete(arn)),
    'managedPolicies.insertVersion': withPolicy((s, arn) => s.managedPolicies.insertVersion(policyVersion(arn, 'v3', at(8)))),
    'managedPolicies.deleteVersion': withPolicy((s, arn) => s.managedPolicies.deleteVersion(arn, 'v2')),
    'attachments.attach': withUser((s, id) => s.attachments.attach({ accountId: ACCOUNT, policyArn: AWS_READ_ONLY, entityType: 'user', entityId: id })),
    'attachments.detach': () => {
      const alice = user('alice');
      const attachment = { accountId: ACCOUNT, policyArn: AWS_READ_ONLY, entityType: 'user' as const, entityId: alice.id };
      return {
        prepare: async (store) => {
          await store.users.insert(alice);
          await store.attachments.attach(attachment);
        },
        write: (s) => s.attachments.detach(attachment),
      };
    },
    'accessKeys.insert': () => ({ write: (s) => s.accessKeys.insert(accessKey(undefined)) }),
    'accessKeys.update': () => {
      const key = accessKey(undefined);
      return { prepare: (store) => store.accessKeys.insert(key), write: (s) => s.accessKeys.update({ ...key, status: 'Inactive' }) };
    },
    'accessKeys.delete': withKey((s, id) => s.accessKeys.delete(id)),
    'loginProfiles.put': withUser((s, id) => s.loginProfiles.put(profile(id))),
    'loginProfiles.delete': () => {
      const alice = user('alice');
      return {
        prepare: async (store) => {
          await store.users.insert(alice);
          await store.loginProfiles.put(profile(alice.id));
        },
        write: (s) => s.loginProfiles.delete(ACCOUNT, alice.id),
      };
    },
    'passwordPolicies.put': () => ({ write: (s) => s.passwordPolicies.put(passwordPolicy) }),
    'passwordPolicies.delete': () => ({ prepare: (store) => store.passwordPolicies.put(passwordPolicy), write: (s) => s.passwordPolicies.delete(ACCOUNT) }),
    'eks.put': () => ({ write: (s) => s.eks.put(cluster) }),
    'eks.delete': withCluster((s) => s.eks.delete(cluster)),
    'eks.deleteCluster': withCluster((s) => s.eks.deleteCluster(ACCOUNT, 'us-west-2', 'prod')),
    'sessions.delete': () => {
      const session = stsSession();
      return { prepare: (store) => store.sessions.insert(session), write: (s) => s.sessions.delete(session.accessKeyId) };
    },
    'rootPasswords.put': () => ({ write: (s) => s.rootPasswords.put({ accountId: ACCOUNT, passwordHash: 'scrypt$hash', updatedAt: at(7) }) }),
    'rootPasswords.delete': () => ({
      prepare: (store) => store.rootPasswords.put({ accountId: ACCOUNT, passwordHash: 'scrypt$hash', updatedAt: at(7) }),
      write: (s) => s.rootPasswords.delete(ACCOUNT),
    }),
    'serviceControlPolicies.put': () => ({ write: (s) => s.serviceControlPolicies.put({ accountId: ACCOUNT, name: 'DenyEks', document: SCP, updatedAt: at(7) }) }),
    'serviceControlPolicies.delete': () => ({
      prepare: (store) => store.serviceControlPolicies.put({ accountId: ACCOUNT, name: 'DenyEks', document: SCP, updatedAt: at(7) }),
      write: (s) => s.serviceControlPolicies.delete(ACCOUNT, 'DenyEks'),
    }),
    'sessions.deleteExpired': () => ({
      prepare: async (store) => {
        await store.sessions.insert(stsSession({ expiresAt: at(100) }));
        await store.sessions.insert(stsSession({ accountId: OTHER_ACCOUNT, expiresAt: at(900) }));
      },
      write: (s) => s.sessions.deleteExpired(at(500)),
    }),
  };
}

/** A Kubernetes object and a port claim of a cluster of ACCOUNT. */
const K8S_OBJECT = { clusterUid: '3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b', group: '', resource: 'configmaps', namespace: 'default', name: 'settings' };
const K8S_PORT = { port: 4600, accountId: ACCOUNT, region: 'us-west-2', cluster: 'demo', clusterUid: K8S_OBJECT.clusterUid };

/** One audit trail event (trail-records.ts). */
const TRAIL_EVENT: TrailEventRecord = {
  accountId: ACCOUNT, region: 'us-east-1', eventId: 'e-1', requestId: 'r-1', eventTime: at(1), eventName: 'GetUser', eventSource: 'iam.amazonaws.com',
  username: 'ana', accessKeyId: undefined, readOnly: true, resources: [{ type: 'AWS::IAM::User', name: 'ana' }], event: '{}', decision: undefined,
};

/** Writes that move no generation, as store.ts says of each. */
function quietCases(): Record<string, () => WriteCase> {
  const key = accessKey(undefined);
  return {
    'accessKeys.recordUse': () => ({ prepare: (store) => store.accessKeys.insert(key), write: (s) => s.accessKeys.recordUse(key.id, { date: at(9), service: 'iam', region: 'us-east-1' }) }),
    'sessions.insert': () => ({ write: (s) => s.sessions.insert(stsSession()) }),
    'trail.append': () => ({ write: (s) => s.trail.append([TRAIL_EVENT], { keep: 10 }) }),
    'trail.expire': () => ({ prepare: (store) => store.trail.append([TRAIL_EVENT]), write: async (s) => { await s.trail.expire(at(12)); } }),
    'accounts.create': () => ({ write: (s) => s.accounts.create(account('777788889999')) }),
    'kubernetes.put': () => ({ write: (s) => s.kubernetes.put(K8S_OBJECT, '{}') }),
    'kubernetes.delete': () => ({ prepare: async (store) => { await store.kubernetes.put(K8S_OBJECT, '{}'); }, write: (s) => s.kubernetes.delete(K8S_OBJECT) }),
    'kubernetes.deleteCluster': () => ({ prepare: async (store) => { await store.kubernetes.put(K8S_OBJECT, '{}'); }, write: (s) => s.kubernetes.deleteCluster(K8S_OBJECT.clusterUid) }),
    'kubernetes.claimPort': () => ({ write: (s) => s.kubernetes.claimPort(K8S_PORT) }),
    'kubernetes.releasePort': () => ({ prepare: async (store) => { await store.kubernetes.claimPort(K8S_PORT); }, write: (s) => s.kubernetes.releasePort(K8S_PORT.port) }),
  };
}

/** The generations of ACCOUNT and OTHER_ACCOUNT. */
async function generations(store: Store): Promise<[number, number]> {
  return [await store.accounts.generation(ACCOUNT), await store.accounts.generation(OTHER_ACCOUNT)];
}

/** The generations before and after `make` runs `write` on a fresh store holding both accounts and what `prepare` made. */
async function around(open: OpenStore, writeCase: WriteCase, make: (store: Store, write: WriteCase['write']) => Promise<unknown>): Promise<{ before: [number, number]; after: [number, number] }> {
  let result: { before: [number, number]; after: [number, number] } | undefined;
  await withAccounts(open, async (store) => {
    await writeCase.prepare?.(store);
    const before = await generations(store);
    await make(store, (s) => writeCase.write(s));
    result = { before, after: await generations(store) };
  });
  return result!;
}

class RolledBack extends Error {}

/** Registers the generation cases. */
export function generationCases(open: OpenStore): void {
  const writes = writeCases();
  const quiet = quietCases();

  test('generation: every method of the Store is a read, a write with a generation case, or a quiet write', () => withStore(open, async (store) => {
    const parts = Object.entries(store).filter(([, part]) => typeof part === 'object' && part !== null) as [string, object][];
    const methods = parts.flatMap(([name, part]) => Object.keys(part).map((method) => `${name}.${method}`));
    const unclassified = methods.filter((m) => !READS.has(m) && !(m in writes) && !(m in quiet) && m !== 'accounts.eraseAll');
    assert.deepEqual(unclassified, [], 'a write method without a case in generation-cases.ts');
    assert.ok(methods.length >= READS.size + Object.keys(writes).length + Object.keys(quiet).length, 'every classified method exists');
  }));

  for (const [method, makeCase] of Object.entries(writes)) {
    test(`generation: ${method} moves its account's generation in its own commit, alone or in a transaction; rolled back, nothing moves`, async () => {
      const alone = await around(open, makeCase(), (store, write) => write(store));
      assert.ok(alone.after[0] > alone.before[0], `alone: ${JSON.stringify(alone)}`);
      assert.equal(alone.after[1], alone.before[1], 'the other account keeps its generation');

      const inTransaction = await around(open, makeCase(), (store, write) => store.transaction((s) => write(s)));
      assert.ok(inTransaction.after[0] > inTransaction.before[0], `in a transaction: ${JSON.stringify(inTransaction)}`);
      assert.equal(inTransaction.after[1], inTransaction.before[1]);

      const rolledBack = await around(open, makeCase(), (store, write) => assert.rejects(store.transaction(async (s) => {
        await write(s);
        throw new RolledBack();
      }), RolledBack));
      assert.deepEqual(rolledBack.after, rolledBack.before, 'a rolled-back transaction moves no generation');
    });
  }

  for (const [method, makeCase] of Object.entries(quiet)) {
    test(`generation: ${method} moves no generation`, async () => {
      const alone = await around(open, makeCase(), (store, write) => write(store));
      assert.deepEqual(alone.after, alone.before);
      const inTransaction = await around(open, makeCase(), (store, write) => store.transaction((s) => write(s)));
      assert.deepEqual(inTransaction.after, inTransaction.before);
    });
  }

  test('generation: accounts.eraseAll moves every account past every generation seen; rolled back, nothing moves', async () => {
    const erased = await around(open, { write: (s) => s.accounts.eraseAll() }, (store, write) => store.transaction((s) => write(s)));
    const highest = Math.max(...erased.before);
    assert.ok(erased.after[0] > highest && erased.after[1] > highest, JSON.stringify(erased));
    const rolledBack = await around(open, { write: (s) => s.accounts.eraseAll() }, (store, write) => assert.rejects(store.transaction(async (s) => {
      await write(s);
      throw new RolledBack();
    }), RolledBack));
    assert.deepEqual(rolledBack.after, rolledBack.before);
  });

  test('generation: a write of an unknown account\'s data is refused and leaves nothing behind', () => withAccounts(open, async (store) => {
    const stray = user('stray', { accountId: '999999999999' });
    await assert.rejects(store.users.insert(stray));
    assert.equal(await store.users.get('999999999999', 'stray'), undefined);
    await assert.rejects(store.transaction(async (s) => {
      await s.users.insert(user('kept'));
      await s.users.insert(stray);
    }));
    assert.equal(await store.users.get(ACCOUNT, 'kept'), undefined);
  }));

  test('generation: a transaction writing data of two accounts moves both', () => withAccounts(open, async (store) => {
    const before = await generations(store);
    await store.transaction(async (s) => {
      await s.users.insert(user('alice'));
      await s.users.insert(user('alice', { accountId: OTHER_ACCOUNT }));
      await s.accessKeys.insert(accessKey(undefined, { accountId: OTHER_ACCOUNT }));
    });
    const after = await generations(store);
    assert.ok(after[0] > before[0] && after[1] > before[1], JSON.stringify({ before, after }));
  }));
}
