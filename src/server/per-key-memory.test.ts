// What the server keeps per access key or per session is bounded and lets expired sessions go (issue 11,
// item 4): the credential cache, the authorizer's callers and the key-usage recorder. Memory is shown
// released with WeakRefs and full garbage collections, not by timing or heap sizes.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ManualClock } from '../kernel/clock.ts';
import { SecretBox } from '../kernel/secret-box.ts';
import { managedPolicyCatalog } from '../main.ts';
import type { RequestPrincipal } from '../policy/index.ts';
import type { Caller } from '../services/operation.ts';
import { ACCOUNT, accessKey, stsSession, user } from '../store/conformance/fixtures.ts';
import type { StsSessionRecord } from '../store/session-records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { Authorizer } from './authorizer.ts';
import { CredentialResolver } from './credential-resolver.ts';
import { KeyUsageRecorder } from './key-usage-recorder.ts';
import { silentLog } from './request-log.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** How many of `refs` still hold their object after full collections. */
async function alive(refs: readonly WeakRef<object>[]): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await nextTurn(); // WeakRef targets stay alive until the job that made them ends
    gc();
  }
  return refs.filter((ref) => ref.deref() !== undefined).length;
}

const START = Date.UTC(2030, 0, 1);
const HOUR = 3_600_000;
const secrets = new SecretBox(randomBytes(32));
const alice = user('alice');
let store: Store;

before(async () => {
  store = await openSqliteStore({ file: ':memory:' });
  await store.accounts.create({ id: ACCOUNT, createdAt: new Date(START) });
  await store.users.insert(alice);
  await store.inlinePolicies.put({
    accountId: ACCOUNT, ownerType: 'user', ownerId: alice.id, name: 'list',
    document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:ListClusters', Resource: '*' }] }),
  });
});
after(() => store.close());

/** A GetSessionToken session of alice, stored, ending `lifetime` ms after `clock`'s now. */
async function newSession(clock: ManualClock, lifetime = HOUR): Promise<StsSessionRecord> {
  const session = stsSession({
    kind: 'session-token', principalId: alice.id, name: '', policy: undefined, policyArns: [], tags: [], transitiveTagKeys: [],
    sourceIdentity: undefined, mfa: false, chained: false, issuedAt: new Date(clock.now()), expiresAt: new Date(clock.now() + lifetime),
    secretCiphertext: secrets.seal('secret'), sessionTokenCiphertext: secrets.seal('token'),
  });
  await store.sessions.insert(session);
  return session;
}

describe('CredentialResolver', () => {
  it('keeps at most its bound of credentials: older sessions\' credentials are released', async () => {
    const clock = new ManualClock(START);
    const resolver = new CredentialResolver(store, secrets, clock, 5);
    const refs: WeakRef<object>[] = [];
    for (let i = 0; i < 40; i++) {
      const credential = await resolver.resolve((await newSession(clock)).accessKeyId);
      assert.equal(credential?.sessionToken, 'token');
      refs.push(new WeakRef(credential!));
    }
    assert.ok(await alive(refs) <= 5, 'credentials beyond the bound are not held');
    assert.equal(resolver.size, 5);
  });

  it('lets a session\'s credential go once it expired, and never keeps an expired one', async () => {
    const clock = new ManualClock(START);
    const resolver = new CredentialResolver(store, secrets, clock, 1000);
    const short = await newSession(clock, 15 * 60_000);
    const refs = [new WeakRef(await resolver.resolve(short.accessKeyId) as object)];
    clock.advance(2 * HOUR);
    const key = accessKey(undefined, { secretCiphertext: secrets.seal('root-secret') });
    await store.accessKeys.insert(key);
    assert.equal((await resolver.resolve(key.id))?.secretAccessKey, 'root-secret'); // adding sweeps
    assert.equal(await alive(refs), 0);
    assert.equal(resolver.size, 1);
    const expired = await resolver.resolve(short.accessKeyId);
    assert.ok(expired !== undefined && expired.expiresAt! < clock.now(), 'still answered, for the verifier to say ExpiredToken');
    assert.equal(resolver.size, 1, 'and not kept');
  });

  it('reads the generation before the key, so a change committed between the reads is never cached as current', async () => {
    const key = accessKey(undefined, { secretCiphertext: secrets.seal('s') });
    await store.accessKeys.insert(key);
    // A store through which the key is deactivated by "another process" right after the resolver first reads it.
    let raced = false;
    const racing: Store = {
      ...store,
      accessKeys: {
        ...store.accessKeys,
        get: async (id) => {
          const found = await store.accessKeys.get(id);
          if (!raced && found) {
            raced = true;
            await store.accessKeys.update({ ...found, status: 'Inactive' });
          }
          return found;
        },
      },
    };
    const resolver = new CredentialResolver(racing, secrets, new ManualClock(START));
    await resolver.resolve(key.id); // whatever this one answers, it raced with the change
    assert.equal((await resolver.resolve(key.id))?.status, 'Inactive', 'the next request sees the change');
  });
});

describe('Authorizer', () => {
  const facts = (clock: ManualClock) => ({ sourceIp: '127.0.0.1', secure: false, time: new Date(clock.now()), region: 'us-west-2', userAgent: undefined, referer: undefined });
  const check = [{ action: 'eks:ListClusters', resource: '*' }];
  const eks = { name: 'eks', accessDeniedCode: 'AccessDeniedException' } as const;
  const caller = (session: StsSessionRecord): Caller => {
    const principal: RequestPrincipal = { type: 'User', accountId: ACCOUNT, arn: alice.arn, name: alice.name, uniqueId: alice.id };
    return { principal, accountId: ACCOUNT, accessKeyId: session.accessKeyId, credentialType: 'session', session };
  };

  it('keeps the policy sets of at most its bound of callers: older sessions\' are released', async () => {
    const clock = new ManualClock(START);
    const authorizer = new Authorizer(store, managedPolicyCatalog(), clock, 5);
    const refs: WeakRef<object>[] = [];
    for (let i = 0; i < 40; i++) {
      const c = caller(await newSession(clock));
      assert.equal((await authorizer.authorize(c, check, facts(clock), eks)).decision, 'Allowed');
      refs.push(new WeakRef(c.principal));
    }
    assert.ok(await alive(refs) <= 5, 'callers beyond the bound are not held');
    assert.equal(authorizer.cachedPrincipals, 5);
  });

  it('lets a session\'s entry go once the session expired', async () => {
    const clock = new ManualClock(START);
    const authorizer = new Authorizer(store, managedPolicyCatalog(), clock, 1000);
    const refs = [await (async () => {
      const c = caller(await newSession(clock, 15 * 60_000));
      await authorizer.authorize(c, check, facts(clock), eks);
      return new WeakRef(c.principal);
    })()];
    clock.advance(2 * HOUR);
    await authorizer.authorize(caller(await newSession(clock)), check, facts(clock), eks); // adding sweeps
    assert.equal(await alive(refs), 0);
    assert.equal(authorizer.cachedPrincipals, 1);
  });
});

describe('KeyUsageRecorder', () => {
  it('remembers at most its bound of keys, each for the minute it stands for, and no temporary credentials', async () => {
    const clock = new ManualClock(START);
    const recorder = new KeyUsageRecorder(store, clock, silentLog, 5);
    for (let i = 0; i < 100; i++) recorder.touch(`ASIA${String(i).padStart(16, '0')}`, 'eks', 'us-west-2');
    assert.equal(recorder.remembered, 0);
    const keys = Array.from({ length: 20 }, () => accessKey(undefined));
    for (const key of keys) await store.accessKeys.insert(key);
    const generation = await store.accounts.generation(ACCOUNT);
    for (const key of keys) recorder.touch(key.id, 'iam', 'us-east-1');
    await recorder.drain();
    assert.equal(recorder.remembered, 5);
    assert.deepEqual((await store.accessKeys.get(keys[0]!.id))?.lastUsed, { date: new Date(START), service: 'iam', region: 'us-east-1' });
    assert.equal(await store.accounts.generation(ACCOUNT), generation, 'recording use drops no cache');
    clock.advance(61_000);
    recorder.touch(keys[0]!.id, 'iam', 'us-east-1');
    await recorder.drain();
    assert.equal(recorder.remembered, 1, 'the expired minutes are swept out');
    assert.deepEqual((await store.accessKeys.get(keys[0]!.id))?.lastUsed?.date, new Date(START + 61_000));
  });
});
