/**
 * `npm run bench:memory` (`node --import tsx --expose-gc bench/session-memory.ts [STEP] [STEPS]`): what
 * distinct temporary credentials cost a server's memory. Starts a real Tollgate over a fresh data
 * directory, then, through `app.handle` with real SigV4-signed requests, has an IAM user create STEP
 * (10,000) distinct `sts:GetSessionToken` sessions per step and use each one once (`eks:ListClusters`,
 * which goes through credential resolution, key-usage recording and the authorizer). After each step it
 * collects garbage and prints the live heap and the RSS, so memory that grows with every session shows
 * as a climb from step to step, and bounded memory as a plateau (the caches of credentials and callers
 * hold 4096 entries each, full after the first step).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { buildApp, startTollgate } from '../src/main.ts';
import type { HttpRequest } from '../src/server/http-exchange.ts';
import { silentLog } from '../src/server/request-log.ts';
import { signRequest, type SigningIdentity } from '../src/sigv4/index.ts';

const STEP = Number(process.argv[2] ?? 10_000);
const STEPS = Number(process.argv[3] ?? 3);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc (npm run bench:memory does)');

const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-session-memory-'));
const tollgate = await startTollgate({ host: '127.0.0.1', port: 0, dataDir, log: silentLog });
try {
  // A second app over the same runtime, driven without sockets (as bench/handle-profile.ts does).
  const app = buildApp(tollgate.runtime, silentLog);
  const signed = (credentials: SigningIdentity, service: 'iam' | 'sts' | 'eks', method: 'GET' | 'POST', path: string, body: string): HttpRequest => {
    const headers: Record<string, string> = method === 'POST' ? { host: '127.0.0.1', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : { host: '127.0.0.1' };
    const region = service === 'eks' ? 'us-west-2' : 'us-east-1';
    const { request } = signRequest({ method, path, body, credentials, region, service, time: Date.now(), headers });
    return { method, path, query: '', headers: request.headers, body: Buffer.from(body), sourceIp: '127.0.0.1', secure: false };
  };
  const tag = (xml: string, name: string): string => {
    const found = new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)?.[1];
    if (found === undefined) throw new Error(`no <${name}> in ${xml}`);
    return found;
  };
  const call = async (credentials: SigningIdentity, service: 'iam' | 'sts' | 'eks', method: 'GET' | 'POST', path: string, body: string): Promise<string> => {
    const response = await app.handle(signed(credentials, service, method, path, body));
    const text = String(response.body);
    if (response.status !== 200) throw new Error(`${service} ${method} ${path} ${body}: ${response.status} ${text}`);
    return text;
  };

  // An IAM user allowed eks:ListClusters, with an access key.
  const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  const root = { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
  const iam = (action: string, parameters: Record<string, string>) => call(root, 'iam', 'POST', '/', new URLSearchParams({ Action: action, Version: '2010-05-08', ...parameters }).toString());
  await iam('CreateUser', { UserName: 'ci' });
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:ListClusters', Resource: '*' }] };
  await iam('PutUserPolicy', { UserName: 'ci', PolicyName: 'ListClusters', PolicyDocument: JSON.stringify(policy) });
  const created = await iam('CreateAccessKey', { UserName: 'ci' });
  const user: SigningIdentity = { accessKeyId: tag(created, 'AccessKeyId'), secretAccessKey: tag(created, 'SecretAccessKey') };

  /** One new session, used once. */
  const session = async (): Promise<void> => {
    const xml = await call(user, 'sts', 'POST', '/', 'Action=GetSessionToken&Version=2011-06-15&DurationSeconds=3600');
    const credentials = { accessKeyId: tag(xml, 'AccessKeyId'), secretAccessKey: tag(xml, 'SecretAccessKey'), sessionToken: tag(xml, 'SessionToken') };
    await call(credentials, 'eks', 'GET', '/clusters', '');
  };

  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const measure = async (sessions: number) => {
    // Let the key-usage writes and other work started off the request path settle, then collect.
    await app.drain();
    for (let i = 0; i < 4; i++) {
      gc();
      await nextTurn();
    }
    const { heapUsed, rss } = process.memoryUsage();
    console.log(`${String(sessions).padStart(6)} sessions: heap used ${mib(heapUsed).padStart(10)}, RSS ${mib(rss).padStart(10)}`);
    return heapUsed;
  };

  // Warm-up: the code paths and their caches of fixed size, before the baseline.
  for (let i = 0; i < 200; i++) await session();
  await measure(0);
  const heaps: number[] = [];
  for (let step = 1; step <= STEPS; step++) {
    for (let i = 0; i < STEP; i++) {
      if (i % 16 === 0) await nextTurn();
      await session();
    }
    heaps.push(await measure(step * STEP));
  }
  // Bounded memory fills during the first step and then stays: what grows after it grows per session.
  if (STEPS > 1) {
    const perSession = (heaps.at(-1)! - heaps[0]!) / (STEP * (STEPS - 1));
    console.log(`heap growth after the first step: ${(perSession / 1024).toFixed(2)} KiB per further session`);
  }
} finally {
  await tollgate.close();
  rmSync(dataDir, { recursive: true, force: true });
}
