/**
 * A new account: its record and its root user's access key (the secret is returned here only, and
 * stored sealed).
 */
import type { Clock } from '../../kernel/clock.ts';
import type { IdGenerator } from '../../kernel/ids.ts';
import type { SecretBox } from '../../kernel/secret-box.ts';
import { isAccountId } from '../../kernel/iam-arns.ts';
import type { Store } from '../../store/store.ts';

/** The credentials of a new account's root user. */
export interface NewAccount {
  readonly AccountId: string;
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
}

/** Why an account cannot be created. */
export class AccountError extends Error {}

/** Creates account `accountId` with one root access key. */
export async function createAccount(deps: { store: Store; ids: IdGenerator; secrets: SecretBox; clock: Clock }, accountId: string): Promise<NewAccount> {
  if (!isAccountId(accountId)) throw new AccountError(`account id \`${accountId}\` is not 12 digits`);
  const accessKeyId = deps.ids.accessKeyId('AKIA');
  const secretAccessKey = deps.ids.secretAccessKey();
  const now = new Date(deps.clock.now());
  await deps.store.transaction(async (tx) => {
    if (await tx.accounts.get(accountId)) throw new AccountError(`account \`${accountId}\` already exists`);
    await tx.accounts.create({ id: accountId, createdAt: now });
    await tx.accessKeys.insert({ accountId, id: accessKeyId, userId: undefined, secretCiphertext: deps.secrets.seal(secretAccessKey), status: 'Active', createdAt: now, lastUsed: undefined });
  });
  return { AccountId: accountId, AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey };
}
