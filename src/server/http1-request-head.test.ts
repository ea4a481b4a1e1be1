import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_HEAD_BYTES, readRequestHead } from './http1-request-head.ts';

const read = (text: string, start = 0) => readRequestHead(Buffer.from(text, 'latin1'), start, 1024);
const PLAIN = 'POST /?a=1 HTTP/1.1\r\nHost: h:1\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nX-Amz-Date:  20240115T120000Z \r\n\r\nabc';

describe('readRequestHead', () => {
  it('reads method, target, lower-cased headers with trimmed values, and the framing', () => {
    const head = read(PLAIN);
    assert.ok(typeof head === 'object');
    assert.equal(head.method, 'POST');
    assert.equal(head.target, '/?a=1');
    assert.deepEqual(head.headers, { host: 'h:1', 'content-type': 'text/plain', 'content-length': '3', 'x-amz-date': '20240115T120000Z' });
    assert.equal(head.headBytes, PLAIN.length - 3);
    assert.equal(head.bodyBytes, 3);
    assert.equal(head.keepAlive, true);
  });

  it('reads a head that starts after an earlier request', () => {
    const head = read(`xyz${PLAIN}`, 3);
    assert.ok(typeof head === 'object' && head.bodyBytes === 3);
  });

  it('waits for the rest of a head cut anywhere', () => {
    for (let cut = 0; cut < PLAIN.length - 3; cut++) assert.equal(read(PLAIN.slice(0, cut)), 'incomplete', `cut at ${cut}`);
  });

  it('keeps HTAB and obs-text in values', () => {
    const head = read('GET / HTTP/1.1\r\nHost: h\r\nX-A: a\tb\xe9\r\n\r\n');
    assert.ok(typeof head === 'object' && head.headers['x-a'] === 'a\tb\xe9');
  });

  it('sees Connection: close', () => {
    const head = read('GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n');
    assert.ok(typeof head === 'object' && head.keepAlive === false);
  });

  it('leaves everything else to node:http', () => {
    const unusual = [
      'GET / HTTP/1.0\r\nHost: h\r\n\r\n',
      'HEAD / HTTP/1.1\r\nHost: h\r\n\r\n',
      'GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n',
      'GET / HTTP/1.1\r\n\r\n',
      'GET  / HTTP/1.1\r\nHost: h\r\n\r\n',
      'GET / HTTP/1.1 \r\nHost: h\r\n\r\n',
      'GET /\r\nHost: h\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nX-A\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\n: empty name\r\n\r\n',
      'get / HTTP/1.1\r\nHost: h\r\n\r\n',
      'GET /a b HTTP/1.1\r\nHost: h\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nHost: i\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nhost: i\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1, 1\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2048\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n folded\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nX-A : 1\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nX-A: a\x01b\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nX-A: a\x7fb\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nX-A: a\nb\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nX-A: a\r\r\n\r\n',
      'GET / HTTP/1.1\nHost: h\r\n\r\n',
      'GET /\x00 HTTP/1.1\r\nHost: h\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nconstructor: x\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\n__proto__: x\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: h\r\nX-A: ${'a'.repeat(MAX_HEAD_BYTES)}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: h\r\nX-A: ${'a'.repeat(MAX_HEAD_BYTES + 10)}`,
    ];
    for (const text of unusual) assert.equal(read(text), 'unusual', JSON.stringify(text.slice(0, 80)));
  });
});
