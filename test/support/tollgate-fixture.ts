/**
 * Integration-test support: a real Tollgate server on port 0 over a fresh data directory (a real SQLite
 * file), and real AWS SDK v3 clients pointed at it. Nothing of ours is mocked.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { EKSClient } from '@aws-sdk/client-eks';
import { startTollgate, type Tollgate } from '../../src/main.ts';
import { silentLog, type RequestLog } from '../../src/server/request-log.ts';
import type { Clock } from '../../src/kernel/clock.ts';
import { freePortRange } from './free-ports.ts';

/** An access key pair. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** A running server with helpers to talk to it. */
export interface TollgateFixture {
  readonly url: string;
  readonly dataDir: string;
  readonly tollgate: Tollgate;
  /** The root credentials of the default account (DEFAULT_ACCOUNT_ID), read from the root-credentials file. */
  readonly root: Credentials;
  iam(credentials?: Credentials): IAMClient;
  sts(credentials?: Credentials, region?: string): STSClient;
  eks(credentials?: Credentials, region?: string): EKSClient;
  close(): Promise<void>;
}

/** Starts a server; close it in `after`. */
export async function startFixture(options: { clock?: Clock; log?: RequestLog; eksDelaySeconds?: number } = {}): Promise<TollgateFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-test-'));
  // Clusters' Kubernetes endpoints on ports no other test process uses.
  const k8sPorts = await freePortRange();
  const tollgate = await startTollgate({ host: '127.0.0.1', port: 0, dataDir, log: options.log ?? silentLog, clock: options.clock, eksDelaySeconds: options.eksDelaySeconds, k8sPorts });
  const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  const root: Credentials = {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]!,
  };
  const url = tollgate.server.url;
  const common = (credentials: Credentials, region: string) => ({ endpoint: url, region, credentials, maxAttempts: 1 });
  return {
    url,
    dataDir,
    tollgate,
    root,
    iam: (credentials = root) => new IAMClient(common(credentials, 'us-east-1')),
    sts: (credentials = root, region = 'us-east-1') => new STSClient(common(credentials, region)),
    eks: (credentials = root, region = 'us-west-2') => new EKSClient(common(credentials, region)),
    close: async () => {
      await tollgate.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The error an SDK call rejects with (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number; requestId?: string } }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string; $metadata: { httpStatusCode?: number; requestId?: string } };
  }
  throw new Error('expected the call to fail, and it succeeded');
}
