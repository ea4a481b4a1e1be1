/**
 * `tollgate why REQUEST_ID [--json] [--data-dir D]`: explains a request Tollgate recorded in its audit
 * trail (the request id of any AWS error: `x-amzn-RequestId`, boto3's `ResponseMetadata.RequestId`):
 * what was decided and why, the minimal fix with the AWS CLI command that applies it, verified, and
 * whether the request would be allowed now. Works whether or not a server runs on the data directory.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandIo } from './command-io.ts';

/** Runs `why`; returns the exit code. */
export async function whyCommand(options: { requestId: string; dataDir: string; json: boolean }, io: CommandIo): Promise<number> {
  const dataDir = resolve(options.dataDir);
  if (!existsSync(join(dataDir, 'tollgate.db'))) {
    io.stderr(`tollgate why: no Tollgate data directory at \`${dataDir}\` (no tollgate.db)\n`);
    return 2;
  }
  // The store alone (no master key, no server): `why` reads records and decides, and starts in a fraction of `serve`'s time.
  const [{ openSqliteStore }, { managedPolicyCatalog }, { Authorizer }, { explainRequest }] = await Promise.all([
    import('../store/sqlite/sqlite-store.ts'), import('../managed-policy-catalog.ts'), import('../server/authorizer.ts'), import('../trail/why.ts'),
  ]);
  const store = await openSqliteStore({ file: join(dataDir, 'tollgate.db') });
  try {
    const catalog = managedPolicyCatalog();
    const explanation = await explainRequest(options.requestId, { store, catalog, authorizer: new Authorizer(store, catalog) });
    if (explanation === undefined) {
      io.stderr(`tollgate why: the audit trail of ${dataDir} holds no request ${options.requestId}\n`);
      return 1;
    }
    if (options.json) io.stdout(`${JSON.stringify(explanation)}\n`);
    else io.stdout((await import('../trail/render-why.ts')).renderWhy(explanation));
    return 0;
  } finally {
    await store.close();
  }
}
