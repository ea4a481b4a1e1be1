/**
 * A child process for `sqlite-multi-process.test.ts`: opens the store at argv[2] (possibly at the
 * same moment as its siblings, so migrations race too) and makes sure the account and user exist;
 * prints `ready` and waits for a line on stdin, so that all siblings start together; then tries
 * argv[4] times to add an access key for the user under the two-keys quota, each attempt a
 * check-then-insert inside `transaction`. Prints how many attempts succeeded as JSON.
 */
import { once } from 'node:events';
import { addKeyWithinQuota } from '../conformance/access-key-quota.ts';
import { ACCOUNT, user } from '../conformance/fixtures.ts';
import { openSqliteStore } from './sqlite-store.ts';

const [file, childName, attemptsText] = process.argv.slice(2);
if (file === undefined || childName === undefined || attemptsText === undefined) {
  throw new Error('usage: quota-race-child.ts <file> <child-name> <attempts>');
}

/** The user every child races for. */
const USER_ID = 'AIDARACE0000000000001';

const store = await openSqliteStore({ file });
try {
  await store.transaction(async (s) => {
    if (!(await s.accounts.get(ACCOUNT))) await s.accounts.create({ id: ACCOUNT, createdAt: new Date(0) });
    if (!(await s.users.getById(ACCOUNT, USER_ID))) await s.users.insert(user('racer', { id: USER_ID }));
  });
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  let added = 0;
  for (let attempt = 0; attempt < Number(attemptsText); attempt++) {
    const keyId = `AKIA${childName}X${attempt}`.padEnd(20, '0');
    if (await store.transaction((s) => addKeyWithinQuota(s, USER_ID, keyId))) added++;
  }
  process.stdout.write(`${JSON.stringify({ added })}\n`);
} finally {
  await store.close();
}
