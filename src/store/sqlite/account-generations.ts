/**
 * The account generation moved by a write, inside the write's own transaction (store.ts, "Account
 * generation"): the change and the notice that caches must drop what they derived from the old state
 * commit together, so no process can die, or fail, between the two.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Adds one to the generation of each of `accounts`; rejects (so the transaction rolls back) for an unknown one. */
export async function moveGenerations(db: Kysely<Database>, accounts: Iterable<string>): Promise<void> {
  for (const id of accounts) {
    const result = await db.updateTable('accounts').set((eb) => ({ generation: eb('generation', '+', 1) })).where('id', '=', id).executeTakeFirst();
    // A write that moved no generation would leave caches trusting stale decisions: refuse it.
    if (result.numUpdatedRows === 0n) throw new Error(`cannot write data of unknown account \`${id}\``);
  }
}

/** The account of a customer managed policy's ARN (`arn:aws:iam::<account>:policy/...`). */
export function accountOfPolicyArn(arn: string): string {
  const account = arn.split(':')[4];
  if (account === undefined || !/^\d{12}$/.test(account)) throw new Error(`\`${arn}\` is not the ARN of a customer managed policy`);
  return account;
}
