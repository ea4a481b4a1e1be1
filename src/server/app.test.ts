// The application core without a socket: the endpoint routes before the AWS pipeline, and the answers the
// pipeline takes from each service's protocol (the not-implemented and access-denied codes, the error
// encoding) with the decision kept in the request log. A real app over a real SQLite data directory.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bootstrapDefaultAccount } from '../default-account.ts';
import { managedPolicyCatalog, openRuntime, type Runtime } from '../main.ts';
import { cloudtrailModel, eksModel, iamModel, stsModel } from '../protocol/models/index.ts';
import { eksOperations } from '../services/eks/index.ts';
import { iamOperations } from '../services/iam/index.ts';
import { stsOperations } from '../services/sts/index.ts';
import { signRequest, type SigningIdentity } from '../sigv4/index.ts';
import { createApp, type App } from './app.ts';
import type { HttpResponse } from './http-exchange.ts';
import { silentLog, type RequestLog, type RequestLogEntry } from './request-log.ts';
import { serviceDefinition } from './service-definition.ts';

const ROOT: SigningIdentity = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** A request to `app`, signed for `service` in `region`. */
function call(app: App, service: 'iam' | 'sts' | 'eks', credentials: SigningIdentity, request: { method: string; path: string; body?: string; region?: string; accept?: string }): Promise<HttpResponse> {
  const body = request.body ?? '';
  const headers: Record<string, string> = { host: 'localhost' };
  if (body !== '') headers['content-type'] = service === 'eks' ? 'application/json' : 'application/x-www-form-urlencoded; charset=utf-8';
  if (request.accept !== undefined) headers['accept'] = request.accept;
  const region = request.region ?? (service === 'eks' ? 'us-west-2' : 'us-east-1');
  const signed = signRequest({ method: request.method, path: request.path, body, credentials, region, service, time: Date.now(), headers });
  return app.handle({ method: request.method, path: request.path, query: '', headers: signed.request.headers, body: Buffer.from(body), sourceIp: '127.0.0.1', secure: false });
}

/** The value of the first `<name>` element of an XML body. */
function element(body: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
}

describe('app: endpoint routes and the AWS pipeline', () => {
  let dataDir: string;
  let runtime: Runtime;
  let app: App;
  let user: SigningIdentity;
  const logged: RequestLogEntry[] = [];
  const log: RequestLog = { ...silentLog, request: (entry) => logged.push({ ...entry }) };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-app-'));
    runtime = await openRuntime(dataDir);
    await bootstrapDefaultAccount(runtime, ROOT);
    // GetUser and DescribeCluster are left out, so that the models have operations this app does not implement.
    const { GetUser: _getUser, ...iam } = iamOperations;
    const { DescribeCluster: _describeCluster, ...eks } = eksOperations;
    app = createApp({
      store: runtime.store, clock: runtime.clock, ids: runtime.ids, secrets: runtime.secrets, catalog: managedPolicyCatalog(),
      services: { iam: serviceDefinition('iam', iamModel, iam, { globalRegion: 'us-east-1' }), sts: serviceDefinition('sts', stsModel, stsOperations), eks: serviceDefinition('eks', eksModel, eks), cloudtrail: serviceDefinition('cloudtrail', cloudtrailModel, {}) },
      log, version: '9.9.9',
    });
    assert.equal((await call(app, 'iam', ROOT, { method: 'POST', path: '/', body: 'Action=CreateUser&Version=2010-05-08&UserName=nobody' })).status, 200);
    const key = await call(app, 'iam', ROOT, { method: 'POST', path: '/', body: 'Action=CreateAccessKey&Version=2010-05-08&UserName=nobody' });
    user = { accessKeyId: element(key.body, 'AccessKeyId')!, secretAccessKey: element(key.body, 'SecretAccessKey')! };
  });

  after(async () => {
    await app.drain();
    await runtime.store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers GET /_tollgate/health before the AWS pipeline, unsigned, and logs no request line', async () => {
    const before = logged.length;
    const response = await app.handle({ method: 'GET', path: '/_tollgate/health', query: '', headers: { host: 'localhost' }, body: Buffer.alloc(0), sourceIp: '127.0.0.1', secure: false });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'application/json');
    assert.match(response.headers['x-amzn-requestid'] ?? '', /^[0-9a-f-]{36}$/);
    const health = JSON.parse(response.body) as Record<string, unknown>;
    assert.equal(health['version'], '9.9.9');
    assert.deepEqual(health['services'], ['iam', 'sts', 'eks', 'cloudtrail']);
    assert.equal(logged.length, before);
  });

  it('answers an awsQuery operation it does not implement with 501 NotImplemented, in XML and in JSON', async () => {
    const xml = await call(app, 'iam', ROOT, { method: 'POST', path: '/', body: 'Action=GetUser&Version=2010-05-08' });
    assert.equal(xml.status, 501);
    assert.equal(xml.headers['content-type'], 'text/xml');
    assert.equal(xml.body, '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Receiver</Type><Code>NotImplemented</Code>'
      + `<Message>Tollgate does not implement iam:GetUser yet.</Message></Error><RequestId>${xml.headers['x-amzn-requestid']}</RequestId></ErrorResponse>`);
    const json = await call(app, 'iam', ROOT, { method: 'POST', path: '/', body: 'Action=GetUser&Version=2010-05-08', accept: 'application/json' });
    assert.equal(json.status, 501);
    assert.deepEqual(JSON.parse(json.body), { Error: { Code: 'NotImplemented', Message: 'Tollgate does not implement iam:GetUser yet.', Type: 'Receiver' }, RequestId: json.headers['x-amzn-requestid'] });
    const entry = logged.at(-1)!;
    assert.equal(entry.operation, 'GetUser');
    assert.equal(entry.errorCode, 'NotImplemented');
    assert.equal(entry.status, 501);
  });

  it('answers a restJson1 operation it does not implement with 501 NotImplementedException', async () => {
    const response = await call(app, 'eks', ROOT, { method: 'GET', path: '/clusters/demo' });
    assert.equal(response.status, 501);
    assert.equal(response.headers['x-amzn-errortype'], 'NotImplementedException');
    assert.deepEqual(JSON.parse(response.body), { message: 'Tollgate does not implement eks:DescribeCluster yet.' });
    assert.equal(logged.at(-1)!.errorCode, 'NotImplementedException');
  });

  it('answers an awsQuery denial with 403 AccessDenied and logs its decision', async () => {
    const response = await call(app, 'iam', user, { method: 'POST', path: '/', body: 'Action=ListUsers&Version=2010-05-08' });
    assert.equal(response.status, 403);
    assert.equal(element(response.body, 'Code'), 'AccessDenied');
    assert.equal(element(response.body, 'Message'), 'User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: iam:ListUsers on resource: '
      + 'arn:aws:iam::111122223333:user/ because no identity-based policy allows the iam:ListUsers action');
    const entry = logged.at(-1)!;
    assert.equal(entry.action, 'iam:ListUsers');
    assert.equal(entry.decision, 'ImplicitlyDenied');
    assert.equal(entry.reason, 'because no identity-based policy allows the iam:ListUsers action');
    assert.equal(entry.errorCode, 'AccessDenied');
    assert.equal(entry.status, 403);
  });

  it('answers a restJson1 denial with 403 AccessDeniedException and logs its decision', async () => {
    const response = await call(app, 'eks', user, { method: 'GET', path: '/clusters' });
    assert.equal(response.status, 403);
    assert.equal(response.headers['x-amzn-errortype'], 'AccessDeniedException');
    assert.match((JSON.parse(response.body) as { message: string }).message, /^User: arn:aws:iam::111122223333:user\/nobody is not authorized to perform: eks:ListClusters on resource: /);
    const entry = logged.at(-1)!;
    assert.equal(entry.decision, 'ImplicitlyDenied');
    assert.equal(entry.errorCode, 'AccessDeniedException');
  });

  it('logs an allowed call with its caller and decision', async () => {
    const response = await call(app, 'sts', user, { method: 'POST', path: '/', body: 'Action=GetCallerIdentity&Version=2011-06-15', region: 'eu-west-1' });
    assert.equal(response.status, 200);
    assert.equal(element(response.body, 'Arn'), 'arn:aws:iam::111122223333:user/nobody');
    const entry = logged.at(-1)!;
    assert.equal(entry.service, 'sts');
    assert.equal(entry.operation, 'GetCallerIdentity');
    assert.equal(entry.principal, 'arn:aws:iam::111122223333:user/nobody');
    assert.equal(entry.decision, 'Allowed');
    assert.equal(entry.errorCode, undefined);
  });
});
