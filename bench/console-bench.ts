/**
 * `npm run bench:console`: how fast the console loads in a real browser (Debian's Chromium, headless)
 * from `tollgate serve` in its own process on localhost, and how big the build is.
 *
 * - first load, cold cache: a fresh browser context opens /console; the browser's navigation timing
 *   (responseStart, DOMContentLoaded, load) and the moment the sign-in form is on screen;
 * - first load of a deep link when signed in (/console/iam/users): until the users table shows the
 *   account's users, which includes the IAM chunk and the signed ListUsers call;
 * - the same with a warm cache (a reload in the same context);
 * each the median of `--runs` (5), in milliseconds. Then the size of each file of console/dist, raw
 * and gzipped (the server sends gzip). Prints a table, or JSON with `--json`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { AttachUserPolicyCommand, CreateLoginProfileCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { chromium, type Page } from 'playwright-core';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const bin = fileURLToPath(new URL('../bin/tollgate.cjs', import.meta.url));
const dist = fileURLToPath(new URL('../console/dist/', import.meta.url));

function listening(child: ChildProcess): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /^listening on (\S+)$/m.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`tollgate serve exited with ${code}`)));
  });
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

/** The page's navigation timing, relative to the start of navigation. */
function navigationTiming(page: Page): Promise<{ responseStart: number; domContentLoaded: number; load: number }> {
  return page.evaluate(() => {
    const perf = (globalThis as unknown as { performance: { getEntriesByType(type: string): { responseStart: number; domContentLoadedEventEnd: number; loadEventEnd: number }[] } }).performance;
    const nav = perf.getEntriesByType('navigation')[0]!;
    return { responseStart: nav.responseStart, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
}

const sinceNavigation = (page: Page) => page.evaluate(() => (globalThis as unknown as { performance: { now(): number } }).performance.now());

const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-console-bench-'));
const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'ignore'] });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
try {
  const url = await listening(server);
  const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  const iam = new IAMClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! } });
  await iam.send(new CreateUserCommand({ UserName: 'Administrator' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'Administrator', Password: 'Admin-Pass-1!' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'Administrator', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));

  const cold = { responseStart: [] as number[], domContentLoaded: [] as number[], load: [] as number[], signInShown: [] as number[], usersShown: [] as number[], usersShownWarm: [] as number[] };
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/console`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const shown = await sinceNavigation(page);
    const timing = await navigationTiming(page);
    await page.getByLabel('Account ID or account alias').fill('111122223333');
    await page.getByLabel('IAM username').fill('Administrator');
    await page.getByLabel('Password').fill('Admin-Pass-1!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Console home' }).waitFor();
    await page.goto(`${url}/console/iam/users`);
    await page.getByRole('link', { name: 'Administrator' }).waitFor();
    const users = await sinceNavigation(page);
    await page.reload();
    await page.getByRole('link', { name: 'Administrator' }).waitFor();
    const warm = await sinceNavigation(page);
    await context.close();
    if (i === 0) continue; // the first run warms the server's file cache and the browser process
    cold.responseStart.push(timing.responseStart);
    cold.domContentLoaded.push(timing.domContentLoaded);
    cold.load.push(timing.load);
    cold.signInShown.push(shown);
    cold.usersShown.push(users);
    cold.usersShownWarm.push(warm);
  }
  const results = {
    'first load /console: responseStart': median(cold.responseStart),
    'first load /console: DOMContentLoaded': median(cold.domContentLoaded),
    'first load /console: load event': median(cold.load),
    'first load /console: sign-in form shown': median(cold.signInShown),
    'deep link /console/iam/users, signed in, cold cache: users shown': median(cold.usersShown),
    'deep link /console/iam/users, signed in, warm cache: users shown': median(cold.usersShownWarm),
  };
  const files = readdirSync(join(dist, 'assets')).map((name) => {
    const bytes = readFileSync(join(dist, 'assets', name));
    return { name, bytes: statSync(join(dist, 'assets', name)).size, gzip: gzipSync(bytes, { level: 9 }).length };
  }).sort((a, b) => b.bytes - a.bytes);
  const total = files.reduce((sum, f) => ({ bytes: sum.bytes + f.bytes, gzip: sum.gzip + f.gzip }), { bytes: 0, gzip: 0 });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ runs, ms: results, files, total })}\n`);
  } else {
    process.stdout.write(`console load on ${url}, median of ${runs} runs (ms since navigation start)\n`);
    for (const [name, ms] of Object.entries(results)) process.stdout.write(`  ${name.padEnd(68)} ${String(ms).padStart(8)}\n`);
    process.stdout.write('\nconsole/dist/assets (bytes, gzip -9)\n');
    for (const f of files) process.stdout.write(`  ${f.name.padEnd(56)} ${String(f.bytes).padStart(9)} ${String(f.gzip).padStart(9)}\n`);
    process.stdout.write(`  ${'total'.padEnd(56)} ${String(total.bytes).padStart(9)} ${String(total.gzip).padStart(9)}\n`);
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
