/**
 * Every process on one database must hold the master key that sealed its secrets. A process given
 * another key would start, then fail every signature check; so at start the key must open a secret
 * of the database (the first root access key found), or the process refuses to start.
 */
import type { SecretBox } from '../kernel/secret-box.ts';
import type { Store } from './store.ts';

/** Why `secrets` cannot open the database's secrets, or undefined when it can (or there are none yet). */
export async function masterKeyProblem(store: Store, secrets: SecretBox): Promise<string | undefined> {
  for (const account of await store.accounts.list()) {
    const [key] = await store.accessKeys.ofUser(account.id, undefined);
    if (key === undefined) continue;
    try {
      secrets.open(key.secretCiphertext);
      return undefined;
    } catch {
      return `the master key does not open the secrets of ${store.description} (they were sealed with another key): give every process the same key, with TOLLGATE_MASTER_KEY or the same master.key file`;
    }
  }
  return undefined;
}
