/**
 * The `tollgate` command line (commander): `serve`, `accounts create|list|scp`, `reset`, `policy test`, `diagnose`, with
 * `--help` on each and `--version`. Settings come from flags or the environment (`TOLLGATE_*`; a flag
 * wins). Exit codes: 0 done, 1 failed (said in one line), 2 a usage error.
 *
 * Only commander and node:fs load here: each command's module (and the server, the policy engine)
 * is imported when that command runs, so `--version` and `--help` stay fast.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_EKS_DELAY_SECONDS } from '../services/eks/shared/lifecycle.ts';
import { parsePortRange, type PortRange } from '../kernel/port-range.ts';
import type { CommandIo } from './command-io.ts';

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The package version, read without loading anything else. */
export function tollgateVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

const ENVIRONMENT_HELP = `
Environment (a flag given wins):
  TOLLGATE_HOST, TOLLGATE_PORT, TOLLGATE_DATA_DIR, TOLLGATE_EKS_DELAY_SECONDS,
  TOLLGATE_LOG_FORMAT, TOLLGATE_LOG_LEVEL   as the flags of the same names
  TOLLGATE_ROOT_ACCESS_KEY_ID and TOLLGATE_ROOT_SECRET_ACCESS_KEY
                     the default account's root key on first start (and after reset), for CI that
                     must know it: AKIA + 16 characters of A-Z and 2-7, and a 40-character secret
  TOLLGATE_MASTER_KEY  the key sealing secrets at rest (32 bytes, hex or base64), instead of
                     <data dir>/master.key; every process on one --database needs the same key
  TOLLGATE_DATABASE_URL  as --database
  NO_COLOR           no colours in the pretty log`;

/** Runs `tollgate` with `argv` (without the program name); resolves with the exit code. */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  let exitCode = 0;
  /** Runs a command's body: a StartupError is its one-line failure. */
  const run = (name: string, body: () => Promise<number> | number) => async () => {
    try {
      exitCode = await body();
    } catch (error) {
      const { StartupError } = await import('../startup-error.ts');
      if (!(error instanceof StartupError)) throw error;
      io.stderr(`tollgate ${name}: ${error.message}\n`);
      exitCode = 1;
    }
  };

  const program = new Command('tollgate')
    .description('A local, AWS-compatible control plane for Amazon EKS, IAM and STS, with faithful IAM authorization.')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showSuggestionAfterError()
    .showHelpAfterError('(add --help for usage)')
    .version(tollgateVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command');

  program.command('serve')
    .description('serve the AWS IAM, STS and EKS APIs on one endpoint (state in the data directory)')
    .addOption(new Option('--host <host>', 'address to listen on').env('TOLLGATE_HOST').default('127.0.0.1'))
    .addOption(new Option('--port <port>', 'port to listen on; 0 picks a free one').env('TOLLGATE_PORT').default(4566, '4566').argParser(port))
    .addOption(dataDirOption())
    .addOption(databaseOption())
    .addOption(new Option('--eks-delay-seconds <seconds>', 'how long an EKS resource stays CREATING, UPDATING or DELETING')
      .env('TOLLGATE_EKS_DELAY_SECONDS').default(DEFAULT_EKS_DELAY_SECONDS).argParser(seconds))
    .addOption(new Option('--k8s-port-range <first-last>', "ports of the EKS clusters' Kubernetes endpoints, one per cluster (default 4600-4999)")
      .env('TOLLGATE_K8S_PORTS').argParser(portRange))
    .addOption(new Option('--log-format <format>', 'request log: JSON lines, or lines for people; pretty when standard output is a terminal, else json')
      .env('TOLLGATE_LOG_FORMAT').choices(['json', 'pretty']))
    .addOption(new Option('--log-level <level>', 'least level logged; requests are info').env('TOLLGATE_LOG_LEVEL')
      .choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'))
    .addOption(new Option('--trail-max-events <count>', 'the most audit trail events kept (besides the 90 days); 0 turns the trail off')
      .env('TOLLGATE_TRAIL_MAX_EVENTS').default(1_000_000, '1000000').argParser(count))
    .addHelpText('after', `${ENVIRONMENT_HELP}

SIGTERM or SIGINT stops it cleanly (idle connections closed at once, requests in flight answered
for up to 10 s, the log flushed, exit 0); a second signal stops it at once.`)
    .action((options: { host: string; port: number; dataDir: string; database?: string; eksDelaySeconds: number; k8sPortRange?: PortRange; logFormat?: 'json' | 'pretty'; logLevel: string; trailMaxEvents: number }) => run('serve', async () => {
      const { serveCommand } = await import('./serve-command.ts');
      return serveCommand({ ...options, logFormat: options.logFormat, k8sPorts: options.k8sPortRange }, io);
    })());

  const accounts = program.command('accounts').description('create and list accounts, give them SCPs (works while a server runs)');
  accounts.command('create')
    .description('create an account with its root user and one root access key; prints {"AccountId","AccessKeyId","SecretAccessKey"}')
    .requiredOption('--id <account-id>', 'the 12-digit account id')
    .addOption(dataDirOption())
    .addOption(databaseOption())
    .action((options: { id: string; dataDir: string; database?: string }) => run('accounts create', async () => {
      const { accountsCreateCommand } = await import('./accounts-command.ts');
      return accountsCreateCommand(options, io);
    })());
  accounts.command('list')
    .description('print the account ids, one a line (no keys, no secrets)')
    .addOption(dataDirOption())
    .addOption(databaseOption())
    .action((options: { dataDir: string; database?: string }) => run('accounts list', async () => {
      const { accountsListCommand } = await import('./accounts-command.ts');
      return accountsListCommand(options, io);
    })());

  const scp = accounts.command('scp')
    .description("an account's service control policies, as AWS Organizations would have them in effect for a member account")
    .addHelpText('after', `
An account without SCPs is unrestricted (as with only FullAWSAccess attached). Once it has some, every
request of its IAM users, roles, sessions and root user must be allowed by an SCP and denied by none;
service-linked roles are not affected. A server running on the data directory decides its next request
by the change.`);
  scp.command('list')
    .description("print the names of the account's SCPs, one a line")
    .argument('<account-id>', 'the 12-digit account id')
    .option('--json', 'print one JSON array of {"Name","Document"}')
    .addOption(dataDirOption())
    .addOption(databaseOption())
    .action((accountId: string, options: { json?: boolean; dataDir: string; database?: string }) => run('accounts scp list', async () => {
      const { scpListCommand } = await import('./accounts-scp-command.ts');
      return scpListCommand(accountId, { ...options, json: options.json === true }, io);
    })());
  scp.command('put')
    .description('give the account the SCP NAME (replacing one of that name); the document is checked as an SCP (grammar, no Principal, 5,120 characters)')
    .argument('<account-id>', 'the 12-digit account id')
    .argument('<name>', 'the policy name (1 to 128 characters)')
    .argument('<document>', 'the policy as JSON text, file://PATH or PATH')
    .addOption(dataDirOption())
    .addOption(databaseOption())
    .action((accountId: string, name: string, document: string, options: { dataDir: string; database?: string }) => run('accounts scp put', async () => {
      const { scpPutCommand } = await import('./accounts-scp-command.ts');
      return scpPutCommand(accountId, name, document, options, io);
    })());
  scp.command('delete')
    .description('take the SCP NAME from the account (with none left, the account is unrestricted)')
    .argument('<account-id>', 'the 12-digit account id')
    .argument('<name>', 'the policy name')
    .addOption(dataDirOption())
    .addOption(databaseOption())
    .action((accountId: string, name: string, options: { dataDir: string; database?: string }) => run('accounts scp delete', async () => {
      const { scpDeleteCommand } = await import('./accounts-scp-command.ts');
      return scpDeleteCommand(accountId, name, options, io);
    })());

  accounts.command('set-root-password')
    .description("set the root user's console password, read from standard input (one line; never a command-line argument)")
    .requiredOption('--id <account>', 'the 12-digit account id')
    .addOption(dataDirOption())
    .action((options: { id: string; dataDir: string }) => run('accounts set-root-password', async () => {
      const { setRootPasswordCommand } = await import('./set-root-password-command.ts');
      return setRootPasswordCommand(['--id', options.id, '--data-dir', options.dataDir], io);
    })());

  program.command('reset')
    .description('erase every account in the data directory, then create account 111122223333 anew as on first start')
    .option('--yes', 'really erase (required)')
    .addOption(dataDirOption())
    .addOption(databaseOption())
    .addHelpText('after', `
A server running on the data directory need not stop: erasing and re-creating are one transaction,
and its next request sees the fresh state (old keys are refused). The new root credentials are
written to <data dir>/root-credentials; TOLLGATE_ROOT_ACCESS_KEY_ID and
TOLLGATE_ROOT_SECRET_ACCESS_KEY, when set, give the key. The master key stays.`)
    .action((options: { yes?: boolean; dataDir: string; database?: string }) => run('reset', async () => {
      const { resetCommand } = await import('./reset-command.ts');
      return resetCommand({ yes: options.yes === true, dataDir: options.dataDir, database: options.database }, io);
    })());

  const policy = program.command('policy').description('policy tools');
  policy.command('test')
    .description('decide policy test cases, one JSON object per line; prints a result per case, then "N passed, M failed"')
    .argument('<files...>', 'JSONL files of cases (- reads standard input)')
    .option('--explain', 'add the per-statement trace and a verified suggestion to each result')
    .option('--failures-only', 'print only the cases that fail')
    .action((files: string[], options: { explain?: boolean; failuresOnly?: boolean }) => run('policy test', async () => {
      const { policyTestCommand } = await import('./policy-test-command.ts');
      return policyTestCommand(files, { explain: options.explain === true, failuresOnly: options.failuresOnly === true }, io);
    })());

  program.command('diagnose')
    .description('explain an AccessDenied text as AWS, its SDKs, the console or kubectl print it, and print the minimal fix')
    .argument('[text...]', 'the denial text (- or none reads standard input)')
    .option('--json', 'print one JSON object')
    .option('--data-dir <dir>', 'a Tollgate data directory: decide the request again over its policies and verify the fix')
    .addOption(new Option('--database <url>', 'a PostgreSQL database several Tollgate processes share, instead of --data-dir').env('TOLLGATE_DATABASE_URL'))
    .option('--operation <name>', 'the operation, when the text does not name it (SDK messages never do)')
    .action((text: string[], options: { json?: boolean; dataDir?: string; database?: string; operation?: string }) => run('diagnose', async () => {
      const { diagnoseCommand } = await import('./diagnose-command.ts');
      const args = [...(options.json ? ['--json'] : []), ...(options.dataDir === undefined ? [] : ['--data-dir', options.dataDir]),
        ...(options.database === undefined ? [] : ['--database', options.database]),
        ...(options.operation === undefined ? [] : ['--operation', options.operation]), ...(text.length > 0 ? ['--', ...text] : [])];
      return diagnoseCommand(args, io);
    })());

  program.command('why')
    .description('explain a request from the audit trail by its request id: what decided it, the verified fix and its AWS CLI command')
    .argument('<request-id>', 'the request id AWS errors carry (x-amzn-RequestId; RequestId in the SDKs\' response metadata)')
    .option('--json', 'print one JSON object')
    .addOption(dataDirOption())
    .addOption(databaseOption())
    .action((requestId: string, options: { json?: boolean; dataDir: string; database?: string }) => run('why', async () => {
      const { whyCommand } = await import('./why-command.ts');
      return whyCommand({ requestId, dataDir: options.dataDir, database: options.database, json: options.json === true }, io);
    })());

  // Not for users: `npm run build` runs it to fill the V8 code cache (warm-up-command.ts).
  program.command('warm-up', { hidden: true })
    .description('run through a first start, one call of each protocol, a denial and why (for the build\'s code cache)')
    .action(() => run('warm-up', async () => {
      const { warmUpCommand } = await import('./warm-up-command.ts');
      return warmUpCommand(io);
    })());

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version asked for are a success; every other refusal by the parser is a usage error.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
  }
  return exitCode;
}

function dataDirOption(): Option {
  return new Option('--data-dir <dir>', 'the data directory').env('TOLLGATE_DATA_DIR').default('./.tollgate');
}

function databaseOption(): Option {
  return new Option('--database <url>', 'a PostgreSQL database shared by several Tollgate processes (postgres://USER:PASSWORD@HOST:PORT/DB), instead of the data directory\'s SQLite file')
    .env('TOLLGATE_DATABASE_URL');
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535) throw new InvalidArgumentError('a port is an integer from 0 to 65535.');
  return n;
}

function portRange(value: string): PortRange {
  const range = parsePortRange(value);
  if (range === undefined) throw new InvalidArgumentError('FIRST-LAST, ports 1 to 65535 (or one port).');
  return range;
}

function count(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('a whole number, 0 or more.');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number of seconds, 0 or more.');
  return n;
}
