// Bad input gets AWS's 4xx error, never a crash or a hang, and writes nothing.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { ListUsersCommand, PutUserPolicyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { signRequest } from '../../src/sigv4/index.ts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(() => f.close());

/** Sends a signed IAM request with `body` as given (bytes) and returns status and body text. */
async function send(body: Buffer | string, headers: Record<string, string> = {}, service = 'iam'): Promise<{ status: number; text: string }> {
  const host = new URL(f.url).host;
  const { request } = signRequest({
    method: 'POST', path: '/', body: typeof body === 'string' ? body : new Uint8Array(body), credentials: f.root, region: 'us-east-1', service, time: Date.now(),
    headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
  });
  const response = await fetch(`${f.url}/`, { method: 'POST', headers: request.headers, body });
  return { status: response.status, text: await response.text() };
}

async function userCount(): Promise<number> {
  return (await f.iam().send(new ListUsersCommand({ MaxItems: 1000 }))).Users?.length ?? 0;
}

const code = (text: string) => /<Code>([^<]+)<\/Code>/.exec(text)?.[1];

test('malformed requests get AWS errors and change nothing', async () => {
  const before = await userCount();
  const cases: [string, Buffer | string, string][] = [
    ['malformed percent-escape (kept literally, so the name fails its pattern)', 'Action=CreateUser&Version=2010-05-08&UserName=%ZZbob', 'ValidationError'],
    ['missing Action', 'Version=2010-05-08&UserName=bob', 'MissingAction'],
    ['missing Version', 'Action=CreateUser&UserName=bob', 'InvalidAction'],
    ['wrong Version', 'Action=CreateUser&Version=2099-01-01&UserName=bob', 'InvalidAction'],
    ['unknown Action', 'Action=CreateUnicorn&Version=2010-05-08', 'InvalidAction'],
    ['invalid UTF-8', Buffer.concat([Buffer.from('Action=CreateUser&Version=2010-05-08&UserName=b'), Buffer.from([0xff, 0xfe]), Buffer.from('ob')]), 'ValidationError'],
    ['missing required member', 'Action=CreateUser&Version=2010-05-08', 'ValidationError'],
  ];
  for (const [name, body, expected] of cases) {
    const { status, text } = await send(body);
    assert.ok(status >= 400 && status < 500, `${name}: status ${status}`);
    assert.equal(code(text), expected, `${name}: ${text}`);
  }
  const wrongType = await send('{"Action":"CreateUser","UserName":"bob"}', { 'content-type': 'application/json' });
  assert.ok(wrongType.status >= 400 && wrongType.status < 500, `wrong content type: ${wrongType.status} ${wrongType.text}`);
  assert.equal(await userCount(), before);
});

test('a policy document that is not JSON is MalformedPolicyDocument', async () => {
  await f.iam().send(new CreateUserCommand({ UserName: 'policy-target' }));
  const error = await rejection(f.iam().send(new PutUserPolicyCommand({ UserName: 'policy-target', PolicyName: 'p', PolicyDocument: '{"Version": "2012-10-17", "Statement": [' })));
  assert.equal(error.name, 'MalformedPolicyDocumentException');
  assert.equal(error.message, 'Syntax errors in policy.');
});

test('a 2 MB body is refused and the server keeps answering', async () => {
  const big = `Action=CreateUser&Version=2010-05-08&UserName=big&Padding=${'x'.repeat(2 * 1024 * 1024)}`;
  const status = await new Promise<number>((resolve, reject) => {
    const url = new URL(f.url);
    const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(big) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(big);
  });
  assert.equal(status, 413);
  assert.ok((await userCount()) >= 0);
});

test('a truncated body does not hang the server or write anything', async () => {
  const before = await userCount();
  const url = new URL(f.url);
  await new Promise<void>((resolve) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '1000' } });
    req.on('error', () => resolve());
    req.write('Action=CreateUser&Version=2010-05-08&UserName=trunc');
    setTimeout(() => {
      req.destroy();
      resolve();
    }, 100);
  });
  assert.equal(await userCount(), before);
});

test('x-amz-content-sha256: UNSIGNED-PAYLOAD is refused by IAM, STS and EKS with their signature mismatch, and nothing runs', async () => {
  const before = await userCount();
  const unsigned = { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
  const iam = await send('Action=CreateUser&Version=2010-05-08&UserName=unsigned-payload', unsigned);
  assert.equal(iam.status, 403, iam.text);
  assert.equal(code(iam.text), 'SignatureDoesNotMatch');
  assert.match(iam.text, /<Message>The request signature we calculated does not match the signature you provided\./);
  const sts = await send('Action=GetCallerIdentity&Version=2011-06-15', unsigned, 'sts');
  assert.equal(sts.status, 403, sts.text);
  assert.equal(code(sts.text), 'SignatureDoesNotMatch');

  const { request } = signRequest({
    method: 'GET', path: '/clusters', credentials: f.root, region: 'us-west-2', service: 'eks', time: Date.now(),
    headers: { host: new URL(f.url).host, ...unsigned },
  });
  const eks = await fetch(`${f.url}/clusters`, { headers: request.headers });
  assert.equal(eks.status, 403);
  assert.equal(eks.headers.get('x-amzn-errortype')?.split(':')[0], 'InvalidSignatureException');
  assert.match(await eks.text(), /The request signature we calculated does not match/);
  assert.equal(await userCount(), before);
});

test('out-of-range awsQuery list indexes (Tags.member.0, Tags.member.99999999) are MalformedInput and change nothing', async () => {
  const before = await userCount();
  for (const [index, message] of [['0', '0 is not a valid index'], ['99999999', 'Excessively sparse input would skip 99999998 list elements']]) {
    const { status, text } = await send(`Action=CreateUser&Version=2010-05-08&UserName=tags-${index}&Tags.member.${index}.Key=k&Tags.member.${index}.Value=v`);
    assert.equal(status, 400, text);
    assert.equal(code(text), 'MalformedInput');
    assert.match(text, new RegExp(`<Type>Sender</Type><Code>MalformedInput</Code><Message>${message}</Message>`));
  }
  assert.equal(await userCount(), before);
});
