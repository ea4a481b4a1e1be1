/**
 * A new account: its record and its root user's access key (the secret is returned here only, and
 * stored sealed).
 */
import type { Clock } from '../../kernel/clock.ts';
import type { IdGenerator } from '../../kernel/ids.ts';
import type { SecretBox } from '../../kernel/secret-box.ts';
import { isAccountId } from '../../kernel/iam-arns.ts';
import type { Store, StoreSession } from '../../store/store.ts';

/** The credentials of a new account's root user. */
export interface NewAccount {
  readonly AccountId: string;
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
}

/** Why an account cannot be created. */
export class AccountError extends Error {}

/** A root access key chosen by the operator (`TOLLGATE_ROOT_ACCESS_KEY_ID`), rather than a random one. */
export interface GivenRootKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** What creating an account needs. */
export interface AccountDeps {
  readonly store: Store;
  readonly ids: IdGenerator;
  readonly secrets: SecretBox;
  readonly clock: Clock;
}

/** Creates account `accountId` with one root access key (`rootKey`, or a new random one). */
export async function createAccount(deps: AccountDeps, accountId: string, rootKey?: GivenRootKey): Promise<NewAccount> {
  return deps.store.transaction((tx) => createAccountIn(tx, deps, accountId, rootKey));
}

/** `createAccount` inside the transaction `tx`. */
export async function createAccountIn(tx: StoreSession, deps: AccountDeps, accountId: string, rootKey?: GivenRootKey): Promise<NewAccount> {
  if (!isAccountId(accountId)) throw new AccountError(`account id \`${accountId}\` is not 12 digits`);
  const accessKeyId = rootKey?.accessKeyId ?? deps.ids.accessKeyId('AKIA');
  const secretAccessKey = rootKey?.secretAccessKey ?? deps.ids.secretAccessKey();
  const now = new Date(deps.clock.now());
  if (await tx.accounts.get(accountId)) throw new AccountError(`account \`${accountId}\` already exists`);
  await tx.accounts.create({ id: accountId, createdAt: now });
  await tx.accessKeys.insert({ accountId, id: accessKeyId, userId: undefined, secretCiphertext: deps.secrets.seal(secretAccessKey), status: 'Active', createdAt: now, lastUsed: undefined });
  return { AccountId: accountId, AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey };
}
