// The endpoint's two HTTP paths: plain HTTP/1.1 on the fast path, everything else handed to node:http
// on the same connection; both answer exactly as a client expects (raw sockets, byte by byte).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { signRequest } from '../../src/sigv4/index.ts';
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

test('keep-alive: two requests on one connection, answered in node:http header style', async () => {
  const socket = await open();
  const got = responses(socket, 2);
  socket.write(signedRequest());
  await new Promise((r) => setTimeout(r, 20));
  socket.write(signedRequest());
  const { list } = await got;
  for (const r of list) {
    assert.equal(r.status, 200);
    assert.equal(arn(r.body), 'arn:aws:iam::111122223333:root');
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
  const socket = await open();
  const got = responses(socket, 3);
  socket.write(signedRequest() + signedRequest());
  for (const byte of Buffer.from(signedRequest())) {
    socket.write(Buffer.from([byte]));
    await new Promise((r) => setImmediate(r));
  }
  const { list } = await got;
  assert.deepEqual(list.map((r) => r.status), [200, 200, 200]);
  socket.destroy();
});

test('an Expect: 100-continue and an HTTP/1.0 request on a fast connection are served by node:http', async () => {
  const expecting = await open();
  const continued = responses(expecting, 2);
  expecting.write(signedRequest());
  expecting.write(signedRequest(['Expect: 100-continue']));
  const second = await continued;
  assert.deepEqual(second.list.map((r) => [r.status, arn(r.body)]), [[200, 'arn:aws:iam::111122223333:root'], [200, 'arn:aws:iam::111122223333:root']]);
  expecting.destroy();

  const old = await open();
  const answered = responses(old, 1);
  old.write(signedRequest().replace('HTTP/1.1', 'HTTP/1.0'));
  const third = await answered;
  assert.equal(third.list[0]!.status, 200);
  await third.closed; // HTTP/1.0 without keep-alive: node:http closes
});

test('a chunked request after a fast one is answered on the same connection, with the same result', async () => {
  const socket = await open();
  const got = responses(socket, 3);
  socket.write(signedRequest());
  socket.write(signedRequest([], 'chunked'));
  socket.write(signedRequest());
  const { list } = await got;
  assert.deepEqual(list.map((r) => [r.status, arn(r.body)]), Array(3).fill([200, 'arn:aws:iam::111122223333:root']));
  socket.destroy();
});

test('Connection: close is honoured: the answer says so and the connection ends', async () => {
  const socket = await open();
  const got = responses(socket, 1);
  socket.write(signedRequest(['Connection: close']));
  const { list, closed } = await got;
  assert.equal(list[0]!.status, 200);
  assert.equal(list[0]!.headers['connection'], 'close');
  await closed;
});

test('a malformed request line gets node:http\'s 400 and the server keeps answering', async () => {
  const socket = await open();
  const closed = new Promise<string>((resolve) => { let text = ''; socket.on('data', (d) => { text += d; }); socket.once('close', () => resolve(text)); });
  socket.write('GARBAGE\r\n\r\n');
  assert.match(await closed, /^HTTP\/1\.1 400 Bad Request/);
  const again = await open();
  const got = responses(again, 1);
  again.write(signedRequest());
  assert.equal((await got).list[0]!.status, 200);
  again.destroy();
});

test('a client that half-closes right after its requests still gets every answer, then the connection ends', async () => {
  const socket = await open();
  const got = responses(socket, 2);
  socket.end(signedRequest() + signedRequest());
  const { list, closed } = await got;
  assert.deepEqual(list.map((r) => r.status), [200, 200]);
  await closed;
});
