/**
 * `tollgate reset --yes`: erases every account of the data directory (users, groups, roles, policies,
 * keys, sessions, EKS resources) and creates the default account anew as on first start: new root
 * credentials in `<data dir>/root-credentials`, or the key of TOLLGATE_ROOT_ACCESS_KEY_ID. Erasing and
 * re-creating are one transaction, so a server running on the directory need not stop: its next
 * request sees the fresh state, and the old keys are refused. The master key stays.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resetDataDirectory } from '../default-account.ts';
import { openDataDirectory } from '../main.ts';
import type { CommandIo } from './command-io.ts';
import { rootKeyFromEnvironment } from './root-key.ts';

/** Runs `reset`; returns the exit code. */
export async function resetCommand(options: { yes: boolean; dataDir: string; database?: string | undefined }, io: CommandIo): Promise<number> {
  const dir = resolve(options.dataDir);
  if (!options.yes) {
    io.stderr(`tollgate reset: this erases every account in ${options.database === undefined ? dir : 'the database'}; run again with --yes to do it\n`);
    return 2;
  }
  const rootKey = rootKeyFromEnvironment(io.environment ?? process.env);
  if (options.database === undefined && !existsSync(join(dir, 'tollgate.db'))) {
    io.stdout(`nothing to reset: no Tollgate data in ${dir}\n`);
    return 0;
  }
  const runtime = await openDataDirectory(dir, { database: options.database });
  try {
    const file = await resetDataDirectory(runtime, rootKey);
    io.stdout(`reset ${options.database === undefined ? dir : runtime.store.description}: every account erased; account 111122223333 created anew, its root credentials written to ${file}\n`);
    return 0;
  } finally {
    await runtime.store.close();
  }
}
