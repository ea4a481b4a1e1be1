/** The `tollgate` command line: dispatches to a sub-command and returns the process exit code. */
import { policyTestCommand, type CommandIo } from './policy-test-command.ts';

const USAGE = `usage: tollgate <command>

commands:
  serve [--host H] [--port P] [--data-dir D]     serve the AWS IAM, STS and EKS APIs
  accounts create --id ACCOUNT [--data-dir D]    create an account and its root access key
  accounts set-root-password --id ACCOUNT        set the root user's console password (read from stdin)
  policy test FILE.jsonl...                      decide policy test cases, one JSON object per line
`;

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs `tollgate` with `argv` (without the program name). */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'policy' && sub === 'test') return policyTestCommand(rest, io);
  if (command === 'serve') {
    const { serveCommand } = await import('./serve-command.ts');
    return serveCommand(argv.slice(1), io);
  }
  if (command === 'accounts') {
    const { accountsCommand } = await import('./accounts-command.ts');
    return accountsCommand(argv.slice(1), io);
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  io.stderr(`tollgate: unknown command \`${[command, sub].filter(Boolean).join(' ')}\`\n${USAGE}`);
  return 2;
}
