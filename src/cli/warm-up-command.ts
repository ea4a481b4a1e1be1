/**
 * `tollgate warm-up` (hidden; `npm run build` runs it): runs once through what a user's first minute
 * asks of Tollgate, so that the V8 code cache bin/bundle-loader.cjs writes when the build's run ends
 * holds the compiled code of those paths, and a later start compiles
 * almost nothing: a first start and a start on the data directory it made, one signed call of each
 * wire protocol (awsQuery for STS and IAM, restJson1 for EKS, awsJson1_1 for CloudTrail), a denied
 * call, and `why` on that denial. Everything happens in a temporary data directory, removed at the end.
 * Nothing here is needed for the cache to be correct, only for it to be useful: V8 compiles whatever
 * the cache lacks, as it would without one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTollgate } from '../main.ts';
import { pinoLog } from '../server/request-log.ts';
import { signRequest } from '../sigv4/index.ts';
import type { CommandIo } from './command-io.ts';
import { whyCommand } from './why-command.ts';

interface Credentials { readonly accessKeyId: string; readonly secretAccessKey: string }

interface Call {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly headers: Record<string, string>;
}

const QUERY = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

/** A call of each protocol, and one the caller is not allowed (the user made by CreateUser has no policy). */
const CALLS: readonly Call[] = [
  { service: 'sts', method: 'POST', path: '/', body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: QUERY },
  { service: 'iam', method: 'POST', path: '/', body: 'Action=CreateUser&UserName=warm-up&Version=2010-05-08', headers: QUERY },
  { service: 'iam', method: 'POST', path: '/', body: 'Action=CreateAccessKey&UserName=warm-up&Version=2010-05-08', headers: QUERY },
  { service: 'iam', method: 'POST', path: '/', body: 'Action=GetUser&UserName=warm-up&Version=2010-05-08', headers: QUERY },
  { service: 'eks', method: 'GET', path: '/clusters', body: '', headers: {} },
  { service: 'cloudtrail', method: 'POST', path: '/', body: '{"MaxResults":5}', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CloudTrail_20131101.LookupEvents' } },
];

/** Sends `call` signed with `credentials` to `url`; resolves with the status, the body and the request id. */
function send(url: string, call: Call, credentials: Credentials): Promise<{ status: number; body: string; requestId: string }> {
  const { host, hostname, port } = new URL(url);
  const { request: signed } = signRequest({
    method: call.method, path: call.path, body: call.body, credentials, region: 'us-east-1', service: call.service, time: Date.now(),
    headers: { host, ...call.headers },
  });
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: call.method, path: call.path, headers: { ...signed.headers, 'content-length': Buffer.byteLength(call.body) }, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, requestId: String(res.headers['x-amzn-requestid'] ?? '') }));
    });
    req.on('error', reject);
    req.end(call.body);
  });
}

/** The access key in the root-credentials file of `dataDir`. */
function rootCredentials(dataDir: string): Credentials {
  const text = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  const value = (name: string) => new RegExp(`^${name} = (\\S+)$`, 'm').exec(text)?.[1] ?? '';
  return { accessKeyId: value('aws_access_key_id'), secretAccessKey: value('aws_secret_access_key') };
}

/** The new user's key, from CreateAccessKey's answer. */
function createdKey(body: string): Credentials {
  const value = (name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(body)?.[1] ?? '';
  return { accessKeyId: value('AccessKeyId'), secretAccessKey: value('SecretAccessKey') };
}

/** Runs the warm-up; 0 when every step answered as expected, else 1 with what did not. */
export async function warmUpCommand(io: CommandIo): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-warm-up-'));
  const silent = pinoLog({ level: 'silent' });
  const quiet: CommandIo = { stdout: () => true, stderr: (text) => io.stderr(text) };
  try {
    // A first start makes the data directory; the second is the start users make every day.
    const first = await startTollgate({ host: '127.0.0.1', port: 0, dataDir, log: silent });
    await first.close();
    const tollgate = await startTollgate({ host: '127.0.0.1', port: 0, dataDir, log: silent });
    let denied: string | undefined;
    try {
      const root = rootCredentials(dataDir);
      let user: Credentials | undefined;
      for (const call of CALLS) {
        const answer = await send(tollgate.server.url, call, root);
        if (answer.status !== 200) throw new Error(`${call.service} ${call.body || call.path} answered ${answer.status}: ${answer.body}`);
        if (call.body.includes('CreateAccessKey')) user = createdKey(answer.body);
      }
      const refused = await send(tollgate.server.url, CALLS[4]!, user!);
      if (refused.status !== 403) throw new Error(`a call without permission answered ${refused.status}: ${refused.body}`);
      denied = refused.requestId;
    } finally {
      await tollgate.close(); // writes the audit trail that `why` reads
    }
    const explained = await whyCommand({ requestId: denied, dataDir, json: false }, quiet);
    if (explained !== 0) throw new Error(`why ${denied} exited with ${explained}`);
    return 0;
  } catch (error) {
    io.stderr(`tollgate warm-up: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
