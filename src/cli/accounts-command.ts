/**
 * `tollgate accounts create --id 444455556666`: creates an account with its root user and one root
 * access key, and prints ONE JSON object: `{"AccountId","AccessKeyId","SecretAccessKey"}`.
 * `tollgate accounts list`: the account ids, one a line (ids only: no key, no secret).
 * Both work whether or not a server runs on the data directory (or the `--database`); a running server sees a new account at once.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDataDirectory } from '../main.ts';
import { AccountError, createAccount } from '../services/iam/create-account.ts';
import { StartupError } from '../startup-error.ts';
import type { CommandIo } from './command-io.ts';

/** Runs `accounts create`; returns the exit code. */
export async function accountsCreateCommand(options: { id: string; dataDir: string; database?: string | undefined }, io: CommandIo): Promise<number> {
  if (!/^\d{12}$/.test(options.id)) {
    io.stderr(`tollgate accounts create: account id \`${options.id}\` is not 12 digits\n`);
    return 1;
  }
  const runtime = await openDataDirectory(options.dataDir, { database: options.database });
  try {
    const account = await createAccount(runtime, options.id);
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

/** Runs `accounts list`; returns the exit code. */
export async function accountsListCommand(options: { dataDir: string; database?: string | undefined }, io: CommandIo): Promise<number> {
  if (options.database === undefined) assertHoldsData(options.dataDir);
  const runtime = await openDataDirectory(options.dataDir, { database: options.database });
  try {
    for (const account of await runtime.store.accounts.list()) io.stdout(`${account.id}\n`);
    return 0;
  } finally {
    await runtime.store.close();
  }
}

/** Refuses a directory without a database: reading commands do not create one. */
export function assertHoldsData(dataDir: string): void {
  const dir = resolve(dataDir);
  if (!existsSync(join(dir, 'tollgate.db'))) {
    throw new StartupError(`no Tollgate data in ${dir} (no tollgate.db): give the directory \`tollgate serve\` uses with --data-dir or TOLLGATE_DATA_DIR`);
  }
}
