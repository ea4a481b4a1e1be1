/**
 * `tollgate accounts set-root-password --id ACCOUNT [--data-dir D]`: sets the password the account's root
 * user signs in to the console with (AWS signs the root user in with the account's email address and
 * password; Tollgate accounts have no email address, so the console's root sign-in asks for the account
 * id and this password). The password is read from standard input (one line), never from the command
 * line where other users of the machine could see it, and must meet AWS's default password rules; it is
 * stored as a scrypt hash. Works whether or not a server runs on D.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isAwsError } from '../kernel/aws-error.ts';
import { openRuntime } from '../main.ts';
import { assertPasswordConforms, hashPassword } from '../services/iam/identities/identity-password.ts';
import type { CommandIo } from './command-io.ts';

const USAGE = 'usage: printf %s "$PASSWORD" | tollgate accounts set-root-password --id 111122223333 [--data-dir ./.tollgate]';

/** Runs the command with the password read by `readPassword` (standard input by default). */
export async function setRootPasswordCommand(argv: readonly string[], io: CommandIo, readPassword: () => string = () => readFileSync(0, 'utf8')): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { id: { type: 'string' }, 'data-dir': { type: 'string', default: './.tollgate' } } }));
  } catch (error) {
    io.stderr(`tollgate accounts set-root-password: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.id === undefined || !/^\d{12}$/.test(values.id)) {
    io.stderr(`tollgate accounts set-root-password: --id must be a 12-digit account id\n${USAGE}\n`);
    return 2;
  }
  const password = readPassword().replace(/\r?\n$/, '');
  try {
    if (password.length > 128) throw new Error('too long');
    assertPasswordConforms(password, undefined);
  } catch (error) {
    if (!isAwsError(error) && !(error instanceof Error && error.message === 'too long')) throw error;
    io.stderr('tollgate accounts set-root-password: the password must be 8 to 128 characters with at least three of: upper-case letters, lower-case letters, digits, symbols\n');
    return 1;
  }
  const runtime = await openRuntime(values['data-dir']);
  try {
    if (!(await runtime.store.accounts.get(values.id))) {
      io.stderr(`tollgate accounts set-root-password: account \`${values.id}\` does not exist\n`);
      return 1;
    }
    await runtime.store.rootPasswords.put({ accountId: values.id, passwordHash: await hashPassword(password), updatedAt: new Date(runtime.clock.now()) });
    io.stdout(`root password of account ${values.id} set: sign in at /console as the root user with account ID ${values.id}\n`);
    return 0;
  } finally {
    await runtime.store.close();
  }
}
