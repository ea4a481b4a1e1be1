/**
 * `tollgate why REQUEST_ID [--json] [--data-dir D | --database URL]`: explains a request Tollgate recorded in its audit
 * trail (the request id of any AWS error: `x-amzn-RequestId`, boto3's `ResponseMetadata.RequestId`):
 * what was decided and why, the minimal fix with the AWS CLI command that applies it, verified, and
 * whether the request would be allowed now. Works whether or not a server runs on the data directory
 * (or on the `--database` several processes share).
 */
import type { StoreLocation } from '../store-location.ts';
import type { CommandIo } from './command-io.ts';

/** Runs `why`; returns the exit code. */
export async function whyCommand(options: StoreLocation & { requestId: string; json: boolean }, io: CommandIo): Promise<number> {
  // The store alone (no master key, no server): `why` reads records and decides, and starts in a fraction of `serve`'s time.
  const [{ openStoreToRead, describeLocation }, { StartupError }, { managedPolicyCatalog }, { Authorizer }, { explainRequest }] = await Promise.all([
    import('../store-location.ts'), import('../startup-error.ts'), import('../managed-policy-catalog.ts'), import('../server/authorizer.ts'), import('../trail/why.ts'),
  ]);
  let store;
  try {
    store = await openStoreToRead(options);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    io.stderr(`tollgate why: ${error.message}\n`);
    return 2;
  }
  try {
    const catalog = managedPolicyCatalog();
    const explanation = await explainRequest(options.requestId, { store, catalog, authorizer: new Authorizer(store, catalog) });
    if (explanation === undefined) {
      io.stderr(`tollgate why: the audit trail of ${describeLocation(options)} holds no request ${options.requestId}\n`);
      return 1;
    }
    if (options.json) io.stdout(`${JSON.stringify(explanation)}\n`);
    else io.stdout((await import('../trail/render-why.ts')).renderWhy(explanation));
    return 0;
  } finally {
    await store.close();
  }
}
