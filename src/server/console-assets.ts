/**
 * The built console (`console/dist`, made by `npm run build:console`, which `npm ci` runs) served at
 * `/console`: files by path, and every other address under `/console` (a deep link such as
 * `/console/iam/users/NAME`) answered with `index.html`, whose router shows the page. Hashed files under
 * `/console/assets/` are cached for a year (their names change with their content); `index.html` is
 * revalidated on each load (ETag). Files are read once and kept in memory with their gzip form.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';

/** Where the console is served. */
export const CONSOLE_PATH = '/console';

/** Where the build writes the console. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

/**
 * The console's own documents may load only the console's scripts and styles and talk only to this
 * endpoint (Cloudscape sets element styles inline, hence 'unsafe-inline' for styles alone).
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

interface Asset {
  readonly bytes: Buffer;
  readonly gzip: Buffer | undefined;
  readonly type: string;
  readonly etag: string;
  readonly cacheControl: string;
}

/** The console's files, loaded from `dir` on first use. */
export class ConsoleAssets {
  private assets: Map<string, Asset> | undefined;

  constructor(private readonly dir: string = CONSOLE_DIST) {}

  /** True when `path` is the console's (`/console` or below). */
  static owns(path: string): boolean {
    return path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`);
  }

  /** The answer to a GET or HEAD of a console address. */
  serve(request: HttpRequest): HttpResponse {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, body: 'Method Not Allowed\n' };
    }
    const assets = this.load();
    const index = assets.get('/index.html');
    if (!index) {
      return { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: 'The console is not built: run `npm run build:console` (npm ci runs it).\n' };
    }
    let path: string;
    try {
      path = decodeURIComponent(request.path.slice(CONSOLE_PATH.length)) || '/';
    } catch {
      path = '/';
    }
    const file = assets.get(path);
    // An address that is not a file is a page of the console; a missing hashed asset is a real 404.
    if (!file && path.startsWith('/assets/')) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not Found\n' };
    const asset = file ?? index;
    const headers: Record<string, string> = { 'content-type': asset.type, 'cache-control': asset.cacheControl, etag: asset.etag, vary: 'accept-encoding', ...(asset === index ? SECURITY_HEADERS : {}) };
    if (request.headers['if-none-match'] === asset.etag) return { status: 304, headers, body: '' };
    const gzip = asset.gzip !== undefined && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (gzip) headers['content-encoding'] = 'gzip';
    return { status: 200, headers, body: '', bodyBytes: gzip ? asset.gzip : asset.bytes };
  }

  private load(): Map<string, Asset> {
    if (this.assets) return this.assets;
    const assets = new Map<string, Asset>();
    if (existsSync(this.dir)) {
      for (const file of walk(this.dir)) {
        const bytes = readFileSync(file);
        const name = `/${relative(this.dir, file).split(sep).join('/')}`;
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const compressible = /^(text\/|application\/json|image\/svg)/.test(type) && bytes.length > 1024;
        assets.set(name, {
          bytes,
          gzip: compressible ? gzipSync(bytes, { level: 9 }) : undefined,
          type,
          etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
          cacheControl: name.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
    }
    // Built: keep. Not built yet: look again on the next request (a build may finish while serving).
    if (assets.has('/index.html')) this.assets = assets;
    return assets;
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
