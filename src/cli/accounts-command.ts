/**
 * `tollgate accounts create --data-dir D --id 444455556666`: creates an account with its root user and
 * one root access key, and prints ONE JSON object: `{"AccountId","AccessKeyId","SecretAccessKey"}`.
 * It works whether or not a server runs on D; a running server sees the account at once.
 */
import { parseArgs } from 'node:util';
import { openRuntime } from '../main.ts';
import { AccountError, createAccount } from '../services/iam/create-account.ts';
import type { CommandIo } from './policy-test-command.ts';

const USAGE = 'usage: tollgate accounts create --id 444455556666 [--data-dir ./.tollgate]\n       tollgate accounts set-root-password --id 111122223333 [--data-dir ./.tollgate] (password on standard input)';

/** Runs `accounts <sub-command>`. */
export async function accountsCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'set-root-password') {
    const { setRootPasswordCommand } = await import('./set-root-password-command.ts');
    return setRootPasswordCommand(rest, io);
  }
  if (sub !== 'create') {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: { id: { type: 'string' }, 'data-dir': { type: 'string', default: './.tollgate' } } }));
  } catch (error) {
    io.stderr(`tollgate accounts create: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.id === undefined) {
    io.stderr(`tollgate accounts create: --id is required\n${USAGE}\n`);
    return 2;
  }
  if (!/^\d{12}$/.test(values.id)) {
    io.stderr(`tollgate accounts create: account id \`${values.id}\` is not 12 digits\n`);
    return 1;
  }
  const runtime = await openRuntime(values['data-dir']);
  try {
    const account = await createAccount(runtime, values.id);
    io.stdout(`${JSON.stringify(account)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    io.stderr(`tollgate accounts create: ${error.message}\n`);
    return 1;
  } finally {
    await runtime.store.close();
  }
}
