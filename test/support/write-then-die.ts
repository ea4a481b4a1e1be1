/**
 * A child process for `test/server/write-then-die.test.ts`: opens the store at argv[2], makes one write
 * through the Store (`delete-key <id>`, or `delete-user-policy <account> <user id> <policy name>`), and
 * kills itself with SIGKILL the moment the write's promise resolves, so that nothing the process might
 * do after a committed write (such as a second transaction to invalidate caches) ever runs.
 */
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const [file, what, ...args] = process.argv.slice(2);
if (file === undefined || what === undefined) throw new Error('usage: write-then-die.ts <file> delete-key <id> | delete-user-policy <account> <user id> <name>');

const store = await openSqliteStore({ file });
if (what === 'delete-key') {
  await store.accessKeys.delete(args[0]!);
} else if (what === 'delete-user-policy') {
  await store.inlinePolicies.delete(args[0]!, 'user', args[1]!, args[2]!);
} else {
  throw new Error(`unknown write \`${what}\``);
}
process.kill(process.pid, 'SIGKILL');
