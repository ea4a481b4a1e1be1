// Serving the built console at /console: files with their types and caching, deep links answered with
// index.html, gzip, revalidation, refusals; over both HTTP paths of the endpoint (fast path and node:http).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ConsoleAssets } from '../../src/server/console-assets.ts';
import type { HttpRequest } from '../../src/server/http-exchange.ts';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { browserUnavailable } from './browser.ts';

let dir: string;
let assets: ConsoleAssets;
const script = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
const icon = Buffer.from([0, 1, 2, 255, 254, 0, 10, 13]);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tollgate-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(dir, 'assets', 'logo-Zz9.woff2'), icon);
  assets = new ConsoleAssets(`${dir}/`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): HttpRequest {
  return { method, path, query: '', headers, body: Buffer.alloc(0), sourceIp: '127.0.0.1', secure: false };
}

test('console addresses: /console and below, nothing else', () => {
  assert.ok(ConsoleAssets.owns('/console'));
  assert.ok(ConsoleAssets.owns('/console/iam/users'));
  assert.ok(!ConsoleAssets.owns('/consoles'));
  assert.ok(!ConsoleAssets.owns('/'));
});

test('index.html and deep links: the page, revalidated, with the console\'s security headers', () => {
  for (const path of ['/console', '/console/', '/console/iam/users/marymajor', '/console/eks/clusters/demo']) {
    const answer = assets.serve(get(path));
    assert.equal(answer.status, 200, path);
    assert.equal(answer.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(answer.headers['cache-control'], 'no-cache');
    assert.match(answer.headers['content-security-policy'] ?? '', /default-src 'self'; script-src 'self';.*frame-ancestors 'none'/);
    assert.equal(answer.headers['x-frame-options'], 'DENY');
    assert.equal(answer.bodyBytes?.toString(), '<!doctype html><div id="root"></div>');
  }
  const etag = assets.serve(get('/console')).headers['etag']!;
  assert.equal(assets.serve(get('/console/iam', { 'if-none-match': etag })).status, 304);
});

test('hashed assets: a year of caching, gzip when asked, bytes as built; a missing asset is a 404', () => {
  const plain = assets.serve(get('/console/assets/index-AbC123.js'));
  assert.equal(plain.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(plain.bodyBytes?.toString(), script);
  const zipped = assets.serve(get('/console/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' }));
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.ok(zipped.bodyBytes!.length < script.length / 10);
  assert.equal(gunzipSync(zipped.bodyBytes!).toString(), script);
  assert.deepEqual(assets.serve(get('/console/assets/logo-Zz9.woff2', { 'accept-encoding': 'gzip' })).bodyBytes, icon, 'binary files are sent as they are');
  assert.equal(assets.serve(get('/console/assets/gone-1234.js')).status, 404);
  assert.equal(assets.serve(get('/console/iam', {}, 'POST')).status, 405);
});

test('nothing outside the build is reachable', () => {
  for (const path of ['/console/../package.json', '/console/%2e%2e/package.json', '/console/assets/%2e%2e/%2e%2e/package.json', '/console/%E0%A4%A']) {
    const answer = assets.serve(get(path));
    assert.ok(answer.status === 200 && answer.bodyBytes?.toString().includes('id="root"') || answer.status === 404, path);
  }
});

test('an unbuilt console answers 503 with the command that builds it', () => {
  const answer = new ConsoleAssets(join(dir, 'nowhere/')).serve(get('/console'));
  assert.equal(answer.status, 503);
  assert.match(answer.body, /npm run build:console/);
});

test('the real server serves the real build over both HTTP paths, and the AWS endpoint is untouched', { skip: browserUnavailable() === undefined ? false : 'the console is not built or Chromium is absent' }, async () => {
  let f: TollgateFixture | undefined;
  try {
    f = await startFixture();
    const page = await fetch(`${f.url}/console/iam/users/marymajor`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<div id="root"><\/div>/);
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${f.url}${script}`);
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.ok((await js.text()).length > 1000);
    // HEAD goes to node:http: same headers, no body.
    const head = await new Promise<{ status: number; length: string | undefined; body: string }>((resolve, reject) => {
      const req = httpRequest(`${f!.url}/console/`, { method: 'HEAD' }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => { body += c.toString(); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, length: res.headers['content-length'], body }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.deepEqual({ status: head.status, body: head.body }, { status: 200, body: '' });
    assert.equal(Number(head.length), Buffer.byteLength(html));
    assert.equal((await fetch(`${f.url}/_tollgate/health`)).status, 200);
  } finally {
    await f?.close();
  }
});
