/** Conformance cases: STS sessions (temporary credentials). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UniqueViolation } from '../store-errors.ts';
import { at, stsSession as session, withAccounts, type OpenStore } from './fixtures.ts';

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
}
