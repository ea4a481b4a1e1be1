// Interoperability: requests signed by the AWS SDK for JavaScript v3 signer (@smithy/signature-v4) and by the real
// IAM/STS/EKS clients must verify. (@smithy/signature-v4 arrives with the @aws-sdk/client-* devDependencies.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { EKSClient, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import fc from 'fast-check';
import { ManualClock, systemClock } from '../kernel/clock.ts';
import { splitRequestTarget, type SigV4Request } from './sigv4-request.ts';
import { lookupVectorCredentials, VECTOR_KEY, VECTOR_SESSION, VECTOR_TIME } from './sigv4-vectors.ts';
import { verifySignature, type VerifyOptions } from './verify-signature.ts';
import type { SigningCredential } from './verify-signature.ts';
import { NodeSha256 } from '../../test/support/node-sha256.ts';


const signingDate = new Date(VECTOR_TIME);

function signer(service: string, region: string, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = VECTOR_KEY) {
  return new SignatureV4({ service, region, credentials, sha256: NodeSha256 });
}

/** smithy's escapeUri, written independently: what the SDK's query-string builder puts on the wire. */
function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The request as our server would receive it from the wire. */
function onTheWire(request: HttpRequest): SigV4Request {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push(`${escapeUri(name)}=${escapeUri(String(v))}`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  const body: unknown = request.body;
  return {
    method: request.method, path: request.path, query: pairs.join('&'), headers,
    ...(typeof body === 'string' || body instanceof Uint8Array ? { body } : {}),
  };
}

function httpRequest(init: { method: string; host: string; path: string; query?: Record<string, string | string[]>; headers?: Record<string, string>; body?: string }): HttpRequest {
  return {
    method: init.method, protocol: 'https:', hostname: init.host, path: init.path, query: init.query ?? {},
    headers: { host: init.host, ...init.headers }, body: init.body,
  };
}

function verify(request: SigV4Request, options: Partial<VerifyOptions<SigningCredential>> = {}) {
  return verifySignature(request, { lookupCredentials: lookupVectorCredentials, clock: new ManualClock(VECTOR_TIME), ...options });
}

describe('interop: @smithy/signature-v4 signs, we verify', () => {
  it('GET with a query needing encoding (EKS ListClusters style)', async () => {
    const request = httpRequest({
      method: 'GET', host: 'eks.us-west-2.amazonaws.com', path: '/clusters',
      query: { maxResults: '10', nextToken: 'a/b c+d=é', include: ['all', 'x y'] },
      headers: { 'x-amz-user-agent': 'aws-sdk-js/3', 'user-agent': 'aws-sdk-js/3 ua' },
    });
    const signed = await signer('eks', 'us-west-2').sign(request, { signingDate });
    const result = await verify(onTheWire(signed), { service: 'eks', region: 'us-west-2' });
    assert.equal(result.location, 'authorization-header');
  });

  it('POST form body, IAM style, with session credentials', async () => {
    const body = 'Action=CreateUser&UserName=a%20b&Version=2010-05-08&Tags.member.1.Key=k';
    const request = httpRequest({
      method: 'POST', host: 'iam.amazonaws.com', path: '/', body,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'content-length': String(body.length) },
    });
    const signed = await signer('iam', 'us-east-1', VECTOR_SESSION).sign(request, { signingDate });
    const result = await verify(onTheWire(signed), { service: 'iam' });
    assert.equal(result.sessionToken, VECTOR_SESSION.sessionToken);
    await assert.rejects(verify({ ...onTheWire(signed), body: body.replace('a%20b', 'root') }), { code: 'SignatureDoesNotMatch' });
  });

  it('restJson EKS paths with characters needing encoding (double encoding)', async () => {
    const paths = [
      `/tags/${escapeUri('arn:aws:eks:us-west-2:123456789012:cluster/demo')}`,
      `/clusters/${escapeUri("my cluster (1)'s")}/node-groups/${escapeUri('ng/é~*')}`,
      '/clusters/a%2520b/update-config',
    ];
    for (const path of paths) {
      const request = httpRequest({ method: 'POST', host: 'eks.us-west-2.amazonaws.com', path, body: '{"tags":{"k":"v"}}', headers: { 'content-type': 'application/json' } });
      const signed = await signer('eks', 'us-west-2').sign(request, { signingDate });
      await verify(onTheWire(signed), { service: 'eks' });
    }
  });

  it('DELETE with a repeated query parameter (EKS UntagResource)', async () => {
    const request = httpRequest({
      method: 'DELETE', host: 'eks.us-west-2.amazonaws.com', path: `/tags/${escapeUri('arn:aws:eks:us-west-2:123456789012:cluster/demo')}`,
      query: { tagKeys: ['b', 'a', 'a b'] },
    });
    const signed = await signer('eks', 'us-west-2').sign(request, { signingDate });
    await verify(onTheWire(signed), { service: 'eks' });
  });

  it('presigned STS GetCallerIdentity as `aws eks get-token` builds it, long-term and session credentials', async () => {
    for (const credentials of [VECTOR_KEY, VECTOR_SESSION]) {
      const request = httpRequest({
        method: 'GET', host: 'sts.us-east-1.amazonaws.com', path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers: { 'x-k8s-aws-id': 'demo' },
      });
      const presigned = await signer('sts', 'us-east-1', credentials).presign(request, { signingDate, expiresIn: 60 });
      const wire = onTheWire(presigned);
      assert.match(String(wire.query), /X-Amz-SignedHeaders=host%3Bx-k8s-aws-id/);
      // The token kubectl carries, decoded back the way aws-iam-authenticator does (docs/aws-behaviour/eks-kubernetes-authentication.md).
      const token = `k8s-aws-v1.${Buffer.from(`https://sts.us-east-1.amazonaws.com${wire.path}?${String(wire.query)}`).toString('base64url')}`;
      const url = Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString();
      const target = splitRequestTarget(url.slice('https://sts.us-east-1.amazonaws.com'.length));
      const replay: SigV4Request = { method: 'GET', ...target, headers: { host: 'sts.us-east-1.amazonaws.com', 'x-k8s-aws-id': 'demo', accept: 'application/json' } };
      const at14min = await verify(replay, { service: 'sts', clock: new ManualClock(VECTOR_TIME + 14 * 60_000) });
      assert.equal(at14min.location, 'presigned-url');
      assert.equal(at14min.sessionToken, credentials === VECTOR_SESSION ? VECTOR_SESSION.sessionToken : undefined);
      await assert.rejects(verify({ ...replay, headers: { ...replay.headers, 'x-k8s-aws-id': 'other' } }, { service: 'sts' }), { code: 'SignatureDoesNotMatch' });
    }
  });

  it('property: arbitrary paths, query parameters and header values verify', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const headerValue = fc.stringMatching(/^[ \t!-~]{0,20}$/).filter((v) => v.trim() !== '' );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(text, fc.constantFrom('.', '..', '')), { maxLength: 5 }),
        fc.dictionary(text.filter((k) => k !== '' && k !== '__proto__' && !k.toLowerCase().startsWith('x-amz-')), fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 })), { maxKeys: 4 }),
        fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,10}$/).filter((n) => !n.startsWith('x-amz-')), headerValue, { maxKeys: 3 }),
        fc.string({ maxLength: 40 }),
        async (segments, query, headers, body) => {
          const path = `/${segments.map(escapeUri).join('/')}`;
          const request = httpRequest({ method: 'POST', host: 'eks.us-west-2.amazonaws.com', path, query, headers, body });
          const signed = await signer('eks', 'us-west-2').sign(request, { signingDate });
          await verify(onTheWire(signed), { service: 'eks' });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('interop: the real AWS SDK v3 clients sign, we verify', () => {
  /** Sends `command` through `client`, capturing the signed request instead of sending it. */
  async function capture(client: { send(command: never): Promise<unknown>; middlewareStack: unknown }, command: unknown): Promise<SigV4Request> {
    let captured: HttpRequest | undefined;
    const handler = client as unknown as { config: { requestHandler: unknown } };
    handler.config.requestHandler = {
      handle: async (request: HttpRequest) => {
        captured = request;
        throw Object.assign(new Error('captured'), { name: 'CapturedRequest', $metadata: {} });
      },
    };
    await client.send(command as never).catch(() => undefined);
    assert.ok(captured, 'no request captured');
    const wire = onTheWire(captured);
    const body: unknown = captured.body;
    return typeof body === 'string' ? { ...wire, body } : wire;
  }

  const common = { endpoint: 'http://127.0.0.1:4566', maxAttempts: 1 } as const;
  // The clients sign with the wall clock, so the session must not expire at the vectors' time.
  const lookupCredentials = async (accessKeyId: string) =>
    accessKeyId === VECTOR_SESSION.accessKeyId ? { secretAccessKey: VECTOR_SESSION.secretAccessKey, sessionToken: VECTOR_SESSION.sessionToken } : lookupVectorCredentials(accessKeyId);
  const live = { clock: systemClock, lookupCredentials };

  it('IAM CreateUser (awsQuery POST)', async () => {
    const client = new IAMClient({ ...common, region: 'us-east-1', credentials: VECTOR_KEY });
    const request = await capture(client, new CreateUserCommand({ UserName: 'alice', Tags: [{ Key: 'team', Value: 'a b/c' }] }));
    assert.equal(request.headers['host'], '127.0.0.1:4566');
    const result = await verify(request, { service: 'iam', ...live });
    assert.deepEqual(result.scope.service, 'iam');
    assert.ok(result.signedHeaders.includes('x-amz-content-sha256'));
    await assert.rejects(verify({ ...request, body: String(request.body).replace('alice', 'admin') }, { service: 'iam', ...live }), { code: 'SignatureDoesNotMatch' });
  });

  it('STS GetCallerIdentity with session credentials in another region', async () => {
    const client = new STSClient({ ...common, region: 'eu-west-1', credentials: VECTOR_SESSION });
    const request = await capture(client, new GetCallerIdentityCommand({}));
    const result = await verify(request, { service: 'sts', ...live });
    assert.equal(result.scope.region, 'eu-west-1');
  });

  it('EKS TagResource and UntagResource (restJson1, ARN in the path, repeated query keys)', async () => {
    const client = new EKSClient({ ...common, region: 'us-west-2', credentials: VECTOR_KEY });
    const arn = 'arn:aws:eks:us-west-2:123456789012:cluster/demo cluster';
    const tag = await capture(client, new TagResourceCommand({ resourceArn: arn, tags: { k: 'v' } }));
    assert.match(tag.path, /^\/tags\/arn%3Aaws%3Aeks%3A/);
    await verify(tag, { service: 'eks', region: 'us-west-2', ...live });
    const untag = await capture(client, new UntagResourceCommand({ resourceArn: arn, tagKeys: ['k', 'a b'] }));
    await verify(untag, { service: 'eks', region: 'us-west-2', ...live });
  });
});
