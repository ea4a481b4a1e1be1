/**
 * Runs the real AWS CLI against a test server. Asynchronous on purpose: the server under test answers on
 * this process's event loop, so a synchronous child process would wait for it forever.
 */
import { execFile } from 'node:child_process';
import type { Credentials } from './tollgate-fixture.ts';

/** The outcome of one CLI run. */
export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `aws ARGS` as `credentials` (a session token included) with every endpoint pointed at `url`,
 * JSON output, no configuration files, one attempt.
 */
export function runAwsCli(url: string, credentials: Credentials, region: string, ...args: string[]): Promise<CliResult> {
  const env: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    // Also reaches the STS client `aws eks get-token` builds internally, which ignores --endpoint-url.
    AWS_ENDPOINT_URL: url,
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
  };
  return new Promise((resolve) => {
    const defined = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
    execFile('aws', ['--output', 'json', ...args], { encoding: 'utf8', env: defined }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ status, stdout, stderr: stderr.trim() });
    });
  });
}

/** Runs a command line as printed (`aws iam … && aws iam …`) in a POSIX shell, with `runAwsCli`'s environment (ask for the CLI with requireClient first). */
export function runPrintedCommand(url: string, credentials: Credentials, region: string, command: string): Promise<CliResult> {
  const env: Record<string, string | undefined> = {
    PATH: process.env['PATH'], HOME: process.env['HOME'], AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken, AWS_ENDPOINT_URL: url, AWS_DEFAULT_REGION: region, AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1', AWS_DEFAULT_OUTPUT: 'json',
  };
  return new Promise((resolve) => {
    const defined = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
    execFile('sh', ['-c', command], { encoding: 'utf8', env: defined }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr: stderr.trim() });
    });
  });
}
