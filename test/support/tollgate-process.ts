/**
 * A real `tollgate serve` process (bin/tollgate.cjs) for tests that need several processes on one
 * PostgreSQL database, with real AWS SDK v3 clients pointed at it. Stopped by `stop()` (SIGTERM) or
 * `kill()` (SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { EKSClient } from '@aws-sdk/client-eks';
import { freePortRange } from './free-ports.ts';
import type { Credentials } from './tollgate-fixture.ts';

const bin = fileURLToPath(new URL('../../bin/tollgate.cjs', import.meta.url));

/** A running server process. */
export interface TollgateProcess {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** What it printed on standard error so far. */
  stderr(): string;
  iam(credentials: Credentials): IAMClient;
  sts(credentials: Credentials, region?: string): STSClient;
  eks(credentials: Credentials, region?: string): EKSClient;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<void>;
}

/** The outcome of a `tollgate` run that ended. */
export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tollgate ARGS` to its end. */
export function runTollgate(args: readonly string[], env: Record<string, string>): Promise<ProcessResult> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Starts `tollgate serve --database URL --port 0 ...extra` in a data directory of its own; rejects with its output if it exits first. */
export async function startTollgateProcess(database: string, env: Record<string, string>, extra: readonly string[] = []): Promise<TollgateProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-process-'));
  const ports = await freePortRange();
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir, '--database', database, '--log-level', 'warn', '--k8s-port-range', `${ports.first}-${ports.last}`, ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`tollgate serve exited before listening: ${stderr}`)));
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  child.stdout.resume();
  const common = (credentials: Credentials, region: string) => ({ endpoint: url, region, credentials, maxAttempts: 1 });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    url, dataDir, child,
    stderr: () => stderr,
    iam: (credentials) => new IAMClient(common(credentials, 'us-east-1')),
    sts: (credentials, region = 'us-east-1') => new STSClient(common(credentials, region)),
    eks: (credentials, region = 'us-west-2') => new EKSClient(common(credentials, region)),
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}

/** The root credentials a process wrote into its data directory on first start. */
export function rootCredentials(process: TollgateProcess): Credentials {
  const file = readFileSync(join(process.dataDir, 'root-credentials'), 'utf8');
  return { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
}
