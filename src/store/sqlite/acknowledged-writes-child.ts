/**
 * A child process for `sqlite-multi-process.test.ts`: creates users in the store at argv[2], one
 * transaction each, and prints each user's name once its transaction has committed, until killed.
 * Whatever it printed must be found after a SIGKILL (INVARIANT: an acknowledged write is committed).
 */
import { ACCOUNT, user } from '../conformance/fixtures.ts';
import { openSqliteStore } from './sqlite-store.ts';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: acknowledged-writes-child.ts <file>');

const store = await openSqliteStore({ file });
await store.accounts.create({ id: ACCOUNT, createdAt: new Date(0) });
for (let n = 0; ; n++) {
  const name = `acked-${n}`;
  await store.transaction((s) => s.users.insert(user(name)));
  process.stdout.write(`${name}\n`);
}
