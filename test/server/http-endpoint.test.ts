// The endpoint's two HTTP paths: plain HTTP/1.1 on the fast path, everything else handed to node:http
// on the same connection; both answer exactly as a client expects (raw sockets, byte by byte). One
// suite, run twice: on a fresh connection (the fast path) and on a connection already handed over to
// node:http, so that every case holds on both.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { GetUserCommand } from '@aws-sdk/client-iam';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { signRequest } from '../../src/sigv4/index.ts';
import { DEFAULT_ACCOUNT_ID } from '../support/defaults.ts';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
before(async () => {
  f = await startFixture();
});
after(() => f.close());

const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';

/** A signed sts:GetCallerIdentity as raw HTTP/1.1 text, with `extra` header lines and `framing` replacing Content-Length. */
function signedRequest(extra: string[] = [], framing?: string): string {
  const host = new URL(f.url).host;
  const { request } = signRequest({
    method: 'POST', path: '/', body: BODY, credentials: f.root, region: 'us-east-1', service: 'sts', time: Date.now(),
    headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
  });
  const lines = Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`);
  const body = framing === 'chunked' ? `${BODY.length.toString(16)}\r\n${BODY}\r\n0\r\n\r\n` : BODY;
  const length = framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${BODY.length}`;
  return ['POST / HTTP/1.1', ...lines, length, ...extra, '', body].join('\r\n');
}

interface Parsed { status: number; headers: Record<string, string>; body: string }

/** Reads `count` responses (Content-Length framed, or until close) from what `socket` receives. */
function responses(socket: Socket, count: number): Promise<{ list: Parsed[]; closed: Promise<void> }> {
  let text = '';
  const list: Parsed[] = [];
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    const take = () => {
      for (;;) {
        const end = text.indexOf('\r\n\r\n');
        if (end < 0) return;
        const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
        const status = Number(statusLine!.split(' ')[1]);
        const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
        if (status === 100) { text = text.slice(end + 4); continue; }
        const length = Number(headers['content-length']);
        if (text.length < end + 4 + length) return;
        list.push({ status, headers, body: text.slice(end + 4, end + 4 + length) });
        text = text.slice(end + 4 + length);
        if (list.length === count) { socket.off('data', onData); resolve({ list, closed }); return; }
      }
    };
    const onData = (chunk: Buffer) => { text += chunk.toString('latin1'); take(); };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

function open(): Promise<Socket> {
  const { hostname, port } = new URL(f.url);
  return new Promise((resolve) => { const s = connect(Number(port), hostname, () => resolve(s)); });
}

const arn = (body: string) => /<Arn>([^<]+)<\/Arn>/.exec(body)?.[1];
const ROOT_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:root`;

/** Where a connection is when the requests under test arrive: fresh (the fast path, which hands unusual requests over) or already on node:http. */
const ENTRIES = ['fast path', 'node:http path'] as const;
type Entry = (typeof ENTRIES)[number];
/** A word for `entry` in user names. */
const short = (entry: Entry) => (entry === 'fast path' ? 'fast' : 'node');

/**
 * An open connection at `entry`. For the node:http path, a chunked request (which the fast path does
 * not take: see http1-request-head.ts) has already been answered on it, so the connection is node:http's.
 */
async function connectionAt(entry: Entry): Promise<Socket> {
  const socket = await open();
  if (entry === 'node:http path') {
    const got = responses(socket, 1);
    socket.write(signedRequest([], 'chunked'));
    const [answer] = (await got).list;
    assert.deepEqual([answer!.status, arn(answer!.body)], [200, ROOT_ARN], 'the chunked request that hands the connection over');
  }
  return socket;
}

/** Answers `socket` sends until it closes, as text. */
function everything(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (d: Buffer) => { text += d.toString('latin1'); });
    socket.once('close', () => resolve(text));
  });
}

/** Asserts that a new connection is answered (the server kept serving). */
async function stillServing(): Promise<void> {
  const again = await open();
  const got = responses(again, 1);
  again.write(signedRequest());
  assert.equal((await got).list[0]!.status, 200);
  again.destroy();
}

const createUser = (name: string, path = '/') => `Action=CreateUser&Version=2010-05-08&UserName=${name}&Path=${encodeURIComponent(path)}`;

/** The request line and signed header lines of an IAM request whose payload is signed as `signedBody` (no framing). */
function iamHead(signedBody: string, headers: Record<string, string> = {}, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = f.root): string[] {
  const { request } = signRequest({
    method: 'POST', path: '/', body: signedBody, credentials, region: 'us-east-1', service: 'iam', time: Date.now(),
    headers: { host: new URL(f.url).host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
  });
  return ['POST / HTTP/1.1', ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`)];
}

async function userExists(name: string): Promise<boolean> {
  try {
    await f.iam().send(new GetUserCommand({ UserName: name }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchEntityException') return false;
    throw error;
  }
}

/** Resolves when `socket` closes; fails the test when the server keeps it open for `ms`. */
function closing(socket: Socket, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server kept the connection open')), ms);
    socket.once('close', () => { clearTimeout(timer); resolve(); });
    socket.on('error', () => {});
    socket.resume(); // read what the server sends, or its end is never seen
  });
}

/** Time for a request the server wrongly started to reach the store. */
const settle = () => new Promise((r) => setTimeout(r, 150));

for (const entry of ENTRIES) {
  describe(`raw HTTP/1.1 on the ${entry}`, () => {
    // ---- Serving: keep-alive, pipelining, framing, closing ----

    test('keep-alive: two requests on one connection, answered in node:http header style', async () => {
      const socket = await connectionAt(entry);
      const got = responses(socket, 2);
      socket.write(signedRequest());
      await new Promise((r) => setTimeout(r, 20));
      socket.write(signedRequest());
      const { list } = await got;
      for (const r of list) {
        assert.equal(r.status, 200);
        assert.equal(arn(r.body), ROOT_ARN);
        assert.equal(r.headers['connection'], 'keep-alive');
        assert.equal(r.headers['keep-alive'], 'timeout=65');
        assert.match(r.headers['date']!, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
        assert.match(r.headers['x-amzn-requestid']!, /^[0-9a-f-]{36}$/);
        assert.equal(Number(r.headers['content-length']), Buffer.byteLength(r.body, 'latin1'));
      }
      assert.notEqual(list[0]!.headers['x-amzn-requestid'], list[1]!.headers['x-amzn-requestid']);
      socket.destroy();
    });

    test('pipelined requests are answered in order, and a request sent a byte at a time is answered', async () => {
      const socket = await connectionAt(entry);
      const got = responses(socket, 3);
      socket.write(signedRequest() + signedRequest());
      for (const byte of Buffer.from(signedRequest())) {
        socket.write(Buffer.from([byte]));
        await new Promise((r) => setImmediate(r));
      }
      const { list } = await got;
      assert.deepEqual(list.map((r) => [r.status, arn(r.body)]), Array(3).fill([200, ROOT_ARN]));
      socket.destroy();
    });

    test('a plain request, then an Expect: 100-continue one, on one connection: both answered', async () => {
      const socket = await connectionAt(entry);
      const got = responses(socket, 2);
      socket.write(signedRequest());
      socket.write(signedRequest(['Expect: 100-continue']));
      const { list } = await got;
      assert.deepEqual(list.map((r) => [r.status, arn(r.body)]), [[200, ROOT_ARN], [200, ROOT_ARN]]);
      socket.destroy();
    });

    test('an HTTP/1.0 request is answered, then the connection closes', async () => {
      const socket = await connectionAt(entry);
      const got = responses(socket, 1);
      socket.write(signedRequest().replace('HTTP/1.1', 'HTTP/1.0'));
      const { list, closed } = await got;
      assert.deepEqual([list[0]!.status, arn(list[0]!.body)], [200, ROOT_ARN]);
      await closed; // HTTP/1.0 without keep-alive
    });

    test('a chunked request between two plain ones is answered on the same connection, with the same result', async () => {
      const socket = await connectionAt(entry);
      const got = responses(socket, 3);
      socket.write(signedRequest());
      socket.write(signedRequest([], 'chunked'));
      socket.write(signedRequest());
      const { list } = await got;
      assert.deepEqual(list.map((r) => [r.status, arn(r.body)]), Array(3).fill([200, ROOT_ARN]));
      socket.destroy();
    });

    test('Connection: close is honoured: the answer says so and the connection ends', async () => {
      const socket = await connectionAt(entry);
      const got = responses(socket, 1);
      socket.write(signedRequest(['Connection: close']));
      const { list, closed } = await got;
      assert.equal(list[0]!.status, 200);
      assert.equal(list[0]!.headers['connection'], 'close');
      await closed;
    });

    test('a malformed request line gets node:http\'s 400 and the server keeps answering', async () => {
      const socket = await connectionAt(entry);
      const answer = everything(socket);
      socket.write('GARBAGE\r\n\r\n');
      assert.match(await answer, /^HTTP\/1\.1 400 Bad Request/);
      await stillServing();
    });

    test('a client that half-closes right after its requests still gets every answer, then the connection ends', async () => {
      const socket = await connectionAt(entry);
      const got = responses(socket, 2);
      socket.end(signedRequest() + signedRequest());
      const { list, closed } = await got;
      assert.deepEqual(list.map((r) => r.status), [200, 200]);
      await closed;
    });

    // ---- Nothing half-received is executed; an ambiguous signature is never served ----

    test(`a signed chunked CreateUser without its closing 0 chunk, then a half-close, is never executed`, async () => {
      const name = `chunked-${short(entry)}`;
      const body = createUser(name);
      const socket = await connectionAt(entry);
      const closed = closing(socket);
      socket.end([...iamHead(body), 'Transfer-Encoding: chunked', '', `${body.length.toString(16)}\r\n${body}\r\n`].join('\r\n'));
      await closed;
      await settle();
      assert.equal(await userExists(name), false);
    });

    test(`Expect: 100-continue with a body cut short by a half-close runs nothing, not even the part that arrived`, async () => {
      for (const unsigned of [false, true]) {
        const name = `expect-${unsigned ? 'unsigned' : 'signed'}-${short(entry)}`;
        const full = createUser(name, '/a/b/');
        const sent = createUser(name, '/a/'); // a prefix of `full`: what arrived is itself a valid, different request
        assert.ok(full.startsWith(sent));
        const socket = await connectionAt(entry);
        const closed = closing(socket);
        const head = unsigned ? iamHead('', { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }) : iamHead(sent);
        const continued = new Promise<void>((resolve) => socket.on('data', (d: Buffer) => { if (d.toString('latin1').includes('100 Continue')) resolve(); }));
        socket.write([...head, `Content-Length: ${full.length}`, 'Expect: 100-continue', '', ''].join('\r\n'));
        await continued;
        socket.end(sent);
        await closed;
        await settle();
        assert.equal(await userExists(name), false, `${unsigned ? 'UNSIGNED-PAYLOAD' : 'signed'}: the truncated request ran`);
      }
    });

    test(`a Content-Length body cut short by a half-close or a close is never executed`, async () => {
      for (const how of ['half-close', 'close'] as const) {
        const name = `short-${how}-${short(entry)}`;
        const full = createUser(name, '/a/b/');
        const sent = createUser(name, '/a/');
        const socket = await connectionAt(entry);
        const closed = closing(socket);
        const text = [...iamHead(sent), `Content-Length: ${full.length}`, '', sent].join('\r\n');
        if (how === 'half-close') socket.end(text);
        else socket.write(text, () => socket.destroy());
        await closed;
        await settle();
        assert.equal(await userExists(name), false, `${how}: the truncated request ran`);
      }
      await stillServing();
    });

    test(`several Authorization headers get IncompleteSignature and are never served`, async () => {
      const socket = await connectionAt(entry);
      const cases: [string, (auth: string, other: string) => string[]][] = [
        ['a valid one, then garbage', (auth) => [`Authorization: ${auth}`, 'Authorization: garbage']],
        ['the same valid one twice', (auth) => [`Authorization: ${auth}`, `Authorization: ${auth}`]],
        ['two valid ones', (auth, other) => [`Authorization: ${auth}`, `Authorization: ${other}`]],
        ['a valid one, then key=value garbage', (auth) => [`Authorization: ${auth}`, 'Authorization: x=y']],
      ];
      for (const [i, [label, authorizations]] of cases.entries()) {
        const name = `twoauth-${i}-${short(entry)}`;
        const body = createUser(name);
        const head = iamHead(body);
        const auth = head.find((l) => l.startsWith('authorization: '))!.slice('authorization: '.length);
        const other = iamHead(body).find((l) => l.startsWith('authorization: '))!.slice('authorization: '.length);
        const lines = [...head.filter((l) => !l.startsWith('authorization: ')), ...authorizations(auth, other)];
        const got = responses(socket, 1);
        socket.write([...lines, `Content-Length: ${body.length}`, '', body].join('\r\n'));
        const [response] = (await got).list;
        assert.equal(response!.status, 400, `${label}: ${response!.body}`);
        assert.equal(/<Code>([^<]+)<\/Code>/.exec(response!.body)?.[1], 'IncompleteSignature', label);
        assert.equal(await userExists(name), false, `${label}: served`);
      }
      socket.destroy();
    });

    test(`a repeated X-Amz-Date, X-Amz-Security-Token, x-amz-content-sha256 or Host is never served`, async () => {
      const { Credentials: session } = await f.sts().send(new GetSessionTokenCommand({}));
      const temporary = { accessKeyId: session!.AccessKeyId!, secretAccessKey: session!.SecretAccessKey!, sessionToken: session!.SessionToken! };
      const socket = await connectionAt(entry);
      const repeat = (lines: string[], name: string) => [...lines, lines.find((l) => l.startsWith(`${name}: `))!];
      const cases: [string, (body: string) => string[], number, string | undefined][] = [
        ['X-Amz-Date', (body) => repeat(iamHead(body), 'x-amz-date'), 400, 'IncompleteSignature'],
        ['X-Amz-Security-Token', (body) => repeat(iamHead(body, {}, temporary), 'x-amz-security-token'), 403, undefined],
        ['x-amz-content-sha256', (body) => repeat(iamHead(body, { 'x-amz-content-sha256': createHash('sha256').update(body).digest('hex') }), 'x-amz-content-sha256'), 403, 'SignatureDoesNotMatch'],
        ['Host', (body) => repeat(iamHead(body), 'host'), 400, undefined],
      ];
      for (const [label, lines, status, code] of cases) {
        const name = `repeat-${label.toLowerCase()}-${short(entry)}`;
        const body = createUser(name);
        const got = responses(socket, 1);
        socket.write([...lines(body), `Content-Length: ${body.length}`, '', body].join('\r\n'));
        const [response] = (await got).list;
        assert.equal(response!.status, status, `${label}: ${response!.body}`);
        if (code !== undefined) assert.equal(/<Code>([^<]+)<\/Code>/.exec(response!.body)?.[1], code, label);
        assert.equal(await userExists(name), false, `${label}: served`);
        if (response!.headers['connection'] === 'close') break; // Host: the connection ends with the 400
      }
      socket.destroy();
    });
  });
}
