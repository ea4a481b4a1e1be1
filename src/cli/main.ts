/** The `tollgate` command line: dispatches to a sub-command and returns the process exit code. */
import { policyTestCommand, type CommandIo } from './policy-test-command.ts';

const USAGE = `usage: tollgate <command>

commands:
  policy test FILE.jsonl...   decide policy test cases, one JSON object per line
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
    io.stderr('tollgate serve: the AWS endpoint is not built yet; today Tollgate offers `tollgate policy test`.\n');
    return 1;
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  io.stderr(`tollgate: unknown command \`${[command, sub].filter(Boolean).join(' ')}\`\n${USAGE}`);
  return 2;
}
