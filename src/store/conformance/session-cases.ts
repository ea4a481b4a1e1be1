/** Conformance cases: STS sessions (temporary credentials). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UniqueViolation } from '../store-errors.ts';
import { ACCOUNT, OTHER_ACCOUNT, at, stsSession as session, withAccounts, type OpenStore } from './fixtures.ts';

/** Registers the session cases. */
export function sessionCases(open: OpenStore): void {
  test('sessions: round-trip every field, optional ones absent, unknown id undefined', () => withAccounts(open, async (store) => {
    const full = session();
    const bare = session({ kind: 'session-token', principalId: undefined, name: '', policy: undefined, policyArns: [], tags: [], transitiveTagKeys: [], sourceIdentity: undefined, mfa: false, chained: false });
    await store.sessions.insert(full);
    await store.sessions.insert(bare);
    assert.deepEqual(await store.sessions.get(full.accessKeyId), full);
    assert.deepEqual(await store.sessions.get(bare.accessKeyId), bare);
    assert.equal(await store.sessions.get('ASIANOTASESSION00000'), undefined);
  }));

  test('sessions: a taken access key id is a UniqueViolation and keeps the first', () => withAccounts(open, async (store) => {
    const first = session();
    await store.sessions.insert(first);
    await assert.rejects(store.sessions.insert(session({ accessKeyId: first.accessKeyId, name: 'other' })),
      (e) => e instanceof UniqueViolation && e.entity === 'accessKey');
    assert.deepEqual(await store.sessions.get(first.accessKeyId), first);
  }));

  test('sessions: deleteExpired removes exactly those expired before the instant, also inside transactions', () => withAccounts(open, async (store) => {
    const old = session({ expiresAt: at(100) });
    const edge = session({ expiresAt: at(200) });
    const live = session({ expiresAt: at(300) });
    await store.transaction(async (tx) => {
      for (const s of [old, edge, live]) await tx.sessions.insert(s);
    });
    assert.equal(await store.sessions.deleteExpired(at(200)), 1);
    assert.equal(await store.sessions.get(old.accessKeyId), undefined);
    assert.deepEqual(await store.sessions.get(edge.accessKeyId), edge);
    assert.equal(await store.transaction((tx) => tx.sessions.deleteExpired(at(1000))), 2);
    assert.equal(await store.sessions.get(live.accessKeyId), undefined);
  }));

  test('sessions: delete removes one session (a console sign-out), a missing one is no error', () => withAccounts(open, async (store) => {
    const mine = session({ kind: 'console', policy: undefined, policyArns: [], tags: [], transitiveTagKeys: [], sourceIdentity: undefined, mfa: false, chained: false });
    const other = session();
    await store.sessions.insert(mine);
    await store.sessions.insert(other);
    assert.deepEqual(await store.sessions.get(mine.accessKeyId), mine, 'the console kind round-trips');
    await store.sessions.delete(mine.accessKeyId);
    assert.equal(await store.sessions.get(mine.accessKeyId), undefined);
    assert.deepEqual(await store.sessions.get(other.accessKeyId), other);
    await store.transaction((tx) => tx.sessions.delete(mine.accessKeyId));
  }));

  test('root passwords: put replaces, get reads per account, delete removes', () => withAccounts(open, async (store) => {
    assert.equal(await store.rootPasswords.get(ACCOUNT), undefined);
    await store.rootPasswords.put({ accountId: ACCOUNT, passwordHash: 'scrypt$1', updatedAt: at(1) });
    await store.transaction((tx) => tx.rootPasswords.put({ accountId: ACCOUNT, passwordHash: 'scrypt$2', updatedAt: at(2) }));
    assert.deepEqual(await store.rootPasswords.get(ACCOUNT), { accountId: ACCOUNT, passwordHash: 'scrypt$2', updatedAt: at(2) });
    assert.equal(await store.rootPasswords.get(OTHER_ACCOUNT), undefined);
    await store.rootPasswords.delete(ACCOUNT);
    assert.equal(await store.rootPasswords.get(ACCOUNT), undefined);
  }));
}
