/**
 * `tollgate accounts scp list|put|delete`: the service control policies in effect for an account, as AWS
 * Organizations would apply them to a member account (services/shared/service-control-policies.ts). `put`
 * takes the document as JSON text, `file://PATH` (as the AWS CLI does) or a file's path. Each works
 * whether or not a server runs on the data directory (or the `--database`): a change is one transaction
 * that moves the account's generation, so a running server decides the next request by it.
 */
import { readFileSync } from 'node:fs';
import { openDataDirectory } from '../main.ts';
import { deleteScp, listScps, putScp, ScpError } from '../services/shared/service-control-policies.ts';
import { assertHoldsData } from './accounts-command.ts';
import type { CommandIo } from './command-io.ts';

/** Where the data lives. */
export interface StoreOptions {
  readonly dataDir: string;
  readonly database?: string | undefined;
}

/** Runs `body` against the opened data directory; an ScpError is the command's one-line failure. */
async function withStore(name: string, options: StoreOptions, io: CommandIo, body: (runtime: Awaited<ReturnType<typeof openDataDirectory>>) => Promise<void>): Promise<number> {
  if (options.database === undefined) assertHoldsData(options.dataDir);
  const runtime = await openDataDirectory(options.dataDir, { database: options.database });
  try {
    await body(runtime);
    return 0;
  } catch (error) {
    if (!(error instanceof ScpError)) throw error;
    io.stderr(`tollgate accounts scp ${name}: ${error.message}\n`);
    return 1;
  } finally {
    await runtime.store.close();
  }
}

/** Runs `accounts scp list ACCOUNT`: each SCP's name, or with `json` one JSON array of `{"Name","Document"}`. */
export function scpListCommand(accountId: string, options: StoreOptions & { readonly json: boolean }, io: CommandIo): Promise<number> {
  return withStore('list', options, io, async (runtime) => {
    const policies = await listScps(runtime.store, accountId);
    if (options.json) io.stdout(`${JSON.stringify(policies.map((p) => ({ Name: p.name, Document: p.document })))}\n`);
    else for (const p of policies) io.stdout(`${p.name}\n`);
  });
}

/** The document `source` gives: JSON text as is, else the file `file://PATH` or `PATH` names. */
function readDocument(source: string, io: CommandIo): string {
  if (source.trimStart().startsWith('{')) return source;
  const path = source.startsWith('file://') ? source.slice('file://'.length) : source;
  try {
    return (io.readFile ?? ((p: string) => readFileSync(p, 'utf8')))(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScpError(`cannot read the document from \`${path}\`${code ? ` (${code})` : ''}: give the policy as JSON text, file://PATH or PATH`);
  }
}

/** Runs `accounts scp put ACCOUNT NAME DOCUMENT`. */
export function scpPutCommand(accountId: string, name: string, source: string, options: StoreOptions, io: CommandIo): Promise<number> {
  return withStore('put', options, io, async (runtime) => {
    const document = readDocument(source, io);
    await putScp(runtime.store, { accountId, name, document, updatedAt: new Date(runtime.clock.now()) });
  });
}

/** Runs `accounts scp delete ACCOUNT NAME`. */
export function scpDeleteCommand(accountId: string, name: string, options: StoreOptions, io: CommandIo): Promise<number> {
  return withStore('delete', options, io, (runtime) => deleteScp(runtime.store, accountId, name));
}
