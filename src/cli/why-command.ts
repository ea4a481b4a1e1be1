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
  const { openDataDirectory, managedPolicyCatalog } = await import('../main.ts');
  const { Authorizer } = await import('../server/authorizer.ts');
  const { explainRequest } = await import('../trail/why.ts');
  const runtime = await openDataDirectory(dataDir);
  try {
    const catalog = managedPolicyCatalog();
    const explanation = await explainRequest(options.requestId, { store: runtime.store, catalog, authorizer: new Authorizer(runtime.store, catalog, runtime.clock) });
    if (explanation === undefined) {
      io.stderr(`tollgate why: the audit trail of ${dataDir} holds no request ${options.requestId}\n`);
      return 1;
    }
    if (options.json) io.stdout(`${JSON.stringify(explanation)}\n`);
    else io.stdout((await import('../trail/render-why.ts')).renderWhy(explanation));
    return 0;
  } finally {
    await runtime.store.close();
  }
}
