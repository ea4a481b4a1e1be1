/**
 * From an access key id to the credential SigV4 verifies and the caller it stands for: long-term
 * `AKIA…` keys, and `ASIA…` temporary credentials with their session token and expiry (the verifier
 * answers ExpiredToken, IAM-SPEC §7.5). Results are cached per key and re-checked against the account's
 * generation, so a deactivated or deleted key, or a deleted role's session, is refused on the very next
 * request, whichever process changed it.
 */
import type { SecretBox } from '../kernel/secret-box.ts';
import { rootArn } from '../kernel/iam-arns.ts';
import type { SigningCredential } from '../sigv4/index.ts';
import type { StsSessionRecord } from '../store/session-records.ts';
import type { Store } from '../store/store.ts';
import type { Caller } from '../services/operation.ts';
import { sessionPrincipal } from './session-principal.ts';

/** A credential with the caller it authenticates. */
export interface ResolvedCredential extends SigningCredential {
  readonly caller: Caller;
}

interface CacheEntry {
  readonly accountId: string;
  readonly generation: number;
  readonly credential: ResolvedCredential | undefined;
}

/** Resolves access key ids against the store. */
export class CredentialResolver {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly accountOfKey = new Map<string, string>();

  constructor(private readonly store: Store, private readonly secrets: SecretBox) {}

  /** The credential for `accessKeyId`, or undefined when the key does not exist. */
  async resolve(accessKeyId: string): Promise<ResolvedCredential | undefined> {
    const accountId = this.accountOfKey.get(accessKeyId);
    if (accountId !== undefined) {
      const cached = this.cache.get(accessKeyId);
      if (cached && cached.generation === (await this.store.accounts.generation(accountId))) return cached.credential;
    }
    return this.load(accessKeyId);
  }

  private async load(accessKeyId: string): Promise<ResolvedCredential | undefined> {
    if (accessKeyId.startsWith('ASIA')) {
      const session = await this.store.sessions.get(accessKeyId);
      return session && this.loadSession(session);
    }
    const key = await this.store.accessKeys.get(accessKeyId);
    if (!key) return undefined;
    const generation = await this.store.accounts.generation(key.accountId);
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
    const credential: ResolvedCredential = { secretAccessKey: this.secrets.open(key.secretCiphertext), status: key.status, caller };
    this.remember(accessKeyId, key.accountId, generation, credential);
    return credential;
  }

  /** Temporary credentials; undefined once the role or user behind them is gone. */
  private async loadSession(session: StsSessionRecord): Promise<ResolvedCredential | undefined> {
    const generation = await this.store.accounts.generation(session.accountId);
    const principal = await sessionPrincipal(this.store, session);
    if (!principal) return undefined;
    const caller: Caller = { principal, accountId: session.accountId, accessKeyId: session.accessKeyId, credentialType: 'session', session };
    const credential: ResolvedCredential = {
      secretAccessKey: this.secrets.open(session.secretCiphertext),
      sessionToken: this.secrets.open(session.sessionTokenCiphertext),
      expiresAt: session.expiresAt.getTime(),
      status: 'Active',
      caller,
    };
    this.remember(session.accessKeyId, session.accountId, generation, credential);
    return credential;
  }

  private remember(accessKeyId: string, accountId: string, generation: number, credential: ResolvedCredential): void {
    this.accountOfKey.set(accessKeyId, accountId);
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(accessKeyId, { accountId, generation, credential });
  }
}
