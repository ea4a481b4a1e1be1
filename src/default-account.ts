/**
 * The default account, 111122223333 (the EKS troubleshooting guide's): created with a root access key
 * on first start and anew by `tollgate reset`, its root credentials written to
 * `<data dir>/root-credentials` (mode 0600; the banner names the file, never the secret). The key is
 * random, or the operator's own (`TOLLGATE_ROOT_ACCESS_KEY_ID` and `TOLLGATE_ROOT_SECRET_ACCESS_KEY`),
 * for CI that must know it in advance.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAccount, createAccountIn, type GivenRootKey, type NewAccount } from './services/iam/create-account.ts';
import type { Runtime } from './main.ts';
import { StartupError } from './startup-error.ts';

/** The account created on first start. */
export const DEFAULT_ACCOUNT_ID = '111122223333';

/**
 * On an empty data directory: the default account and its root credentials file, whose path is
 * answered. On one already in use: nothing, but a given root key must be the default account's own
 * (the variables take effect on first start only; anything else is refused with a StartupError).
 */
export async function bootstrapDefaultAccount(runtime: Runtime, rootKey?: GivenRootKey): Promise<string | undefined> {
  if ((await runtime.store.accounts.list()).length === 0) {
    try {
      return writeRootCredentials(runtime, await createAccount(runtime, DEFAULT_ACCOUNT_ID, rootKey));
    } catch (error) {
      // Another process bootstrapped the same directory at the same moment.
      if ((await runtime.store.accounts.get(DEFAULT_ACCOUNT_ID)) === undefined) throw error;
    }
  }
  if (rootKey) await assertRootKeyStands(runtime, rootKey);
  return undefined;
}

/**
 * Erases every account of the data directory in one transaction, and creates the default account anew
 * in the same one, so a server running on the directory goes from the old state straight to a fresh
 * one and keeps serving. Answers the root credentials file written.
 */
export async function resetDataDirectory(runtime: Runtime, rootKey?: GivenRootKey): Promise<string> {
  const account = await runtime.store.transaction(async (tx) => {
    await tx.accounts.eraseAll();
    return createAccountIn(tx, runtime, DEFAULT_ACCOUNT_ID, rootKey);
  });
  return writeRootCredentials(runtime, account);
}

function writeRootCredentials(runtime: Runtime, account: NewAccount): string {
  const file = join(runtime.dataDir, 'root-credentials');
  writeFileSync(file, `[default]\naws_access_key_id = ${account.AccessKeyId}\naws_secret_access_key = ${account.SecretAccessKey}\n`, { mode: 0o600 });
  return file;
}

async function assertRootKeyStands(runtime: Runtime, rootKey: GivenRootKey): Promise<void> {
  const stored = await runtime.store.accessKeys.get(rootKey.accessKeyId);
  const hint = `TOLLGATE_ROOT_ACCESS_KEY_ID and TOLLGATE_ROOT_SECRET_ACCESS_KEY take effect on first start only: unset them, or start over with \`tollgate reset --yes\``;
  if (!stored || stored.accountId !== DEFAULT_ACCOUNT_ID || stored.userId !== undefined) {
    throw new StartupError(`${rootKey.accessKeyId} is not a root access key of account ${DEFAULT_ACCOUNT_ID} in ${runtime.dataDir}. ${hint}`);
  }
  if (!sameSecret(runtime.secrets.open(stored.secretCiphertext), rootKey.secretAccessKey)) {
    throw new StartupError(`TOLLGATE_ROOT_SECRET_ACCESS_KEY is not the secret of ${rootKey.accessKeyId} in ${runtime.dataDir}. ${hint}`);
  }
}

/** Compares two secrets in constant time (their digests, so that the lengths say nothing either). */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
