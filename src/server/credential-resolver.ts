/**
 * From an access key id to the credential SigV4 verifies and the caller it stands for: long-term
 * `AKIA…` keys, and `ASIA…` temporary credentials with their session token and expiry (the verifier
 * answers ExpiredToken, docs/aws-behaviour/sts-sessions.md). Results are cached per key and re-checked against the account's
 * generation, so a deactivated or deleted key, or a deleted role's session, is refused on the very next
 * request, whichever process changed it (the Store moves the generation in the very commit of a change).
 *
 * The cache (`GenerationCheckedCache`) is bounded: at most `max` credentials, the least recently used
 * dropped first, and temporary credentials dropped once they expire (an expired one is never kept:
 * loading it again gives the same ExpiredToken). A dropped entry costs one load, never a different answer.
 */
import { systemClock, type Clock } from '../kernel/clock.ts';
import type { SecretBox } from '../kernel/secret-box.ts';
import { rootArn } from '../kernel/iam-arns.ts';
import type { SigningCredential } from '../sigv4/index.ts';
import type { StsSessionRecord } from '../store/session-records.ts';
import type { Store } from '../store/store.ts';
import type { Caller } from '../services/operation.ts';
import { GenerationCheckedCache } from './generation-checked-cache.ts';
import { sessionPrincipal } from './session-principal.ts';

/** A credential with the caller it authenticates. */
export interface ResolvedCredential extends SigningCredential {
  readonly caller: Caller;
}

/** The most credentials kept (long-term keys and live sessions in use). */
const MAX_CACHED = 4096;

/** Resolves access key ids against the store. */
export class CredentialResolver {
  private readonly cache: GenerationCheckedCache<ResolvedCredential>;

  constructor(private readonly store: Store, private readonly secrets: SecretBox, clock: Clock = systemClock, max = MAX_CACHED) {
    this.cache = new GenerationCheckedCache(store.accounts, max, clock);
  }

  /** The credential for `accessKeyId`, or undefined when the key does not exist. */
  resolve(accessKeyId: string): Promise<ResolvedCredential | undefined> {
    return this.cache.current(accessKeyId, () => this.load(accessKeyId));
  }

  /** How many credentials are cached (for tests of the bound). */
  get size(): number {
    return this.cache.size;
  }

  // The account is learnt from a first read; `derive` then reads its generation before the records the
  // credential is built from, the key read again among them.
  private async load(accessKeyId: string): Promise<ResolvedCredential | undefined> {
    if (accessKeyId.startsWith('ASIA')) {
      const session = await this.store.sessions.get(accessKeyId);
      return session && this.cache.derive(accessKeyId, session.accountId, () => this.sessionCredential(session), session.expiresAt.getTime());
    }
    const found = await this.store.accessKeys.get(accessKeyId);
    if (!found) return undefined;
    return this.cache.derive(accessKeyId, found.accountId, () => this.keyCredential(accessKeyId));
  }

  /** A long-term key's credential, from the key (read again after the generation: answered from the read memo unless something changed). */
  private async keyCredential(accessKeyId: string): Promise<ResolvedCredential | undefined> {
    const key = await this.store.accessKeys.get(accessKeyId);
    if (!key) return undefined;
    let caller: Caller;
    if (key.userId === undefined) {
      caller = { principal: { type: 'Account', accountId: key.accountId, arn: rootArn(key.accountId) }, accountId: key.accountId, accessKeyId, credentialType: 'root' };
    } else {
      const user = await this.store.users.getById(key.accountId, key.userId);
      if (!user) return undefined;
      caller = {
        principal: { type: 'User', accountId: user.accountId, arn: user.arn, name: user.name, uniqueId: user.id },
        accountId: key.accountId,
        accessKeyId,
        credentialType: 'user',
      };
    }
    return { secretAccessKey: this.secrets.open(key.secretCiphertext), status: key.status, caller };
  }

  /**
   * Temporary credentials; undefined once the role or user behind them is gone. The session record
   * itself never changes (it is only deleted, a day after it expired), so it may be read before the
   * generation; the principal behind it is read after.
   */
  private async sessionCredential(session: StsSessionRecord): Promise<ResolvedCredential | undefined> {
    const principal = await sessionPrincipal(this.store, session);
    if (!principal) return undefined;
    const caller: Caller = { principal, accountId: session.accountId, accessKeyId: session.accessKeyId, credentialType: 'session', session };
    return {
      secretAccessKey: this.secrets.open(session.secretCiphertext),
      sessionToken: this.secrets.open(session.sessionTokenCiphertext),
      expiresAt: session.expiresAt.getTime(),
      status: 'Active',
      caller,
    };
  }
}
