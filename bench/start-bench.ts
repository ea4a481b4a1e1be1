/**
 * `npm run bench:start`: how fast the `tollgate` command starts, as a user meets it. Three workloads,
 * each run `--runs` times (10) in a fresh process, started as `npm start` starts it (node with
 * `--max-semi-space-size=32`, then bin/tollgate.cjs):
 *
 * - `serve, existing data directory`: from exec of `tollgate serve --port 0` on a data directory made
 *   by an earlier start, until the answer to one signed sts:GetCallerIdentity by the root user;
 * - `serve, new data directory`: the same on an empty directory (the database, the master key and the
 *   default account are created; the root key is read from the `root-credentials` file it writes);
 * - `--version`: from exec until the process has exited.
 *
 * For scale, it also times bare Node.js (`node -e ''`, exec to exit) in the same turns: on a busy or
 * slow machine every figure grows, and their ratio to bare Node.js says what Tollgate adds.
 *
 * Prints each workload's median, minimum and maximum, the median time until `listening on` for the
 * serve workloads, and the median's ratio to the target (below 1 is met); `--json` prints one object
 * per workload instead. On Linux it adds, for the serve workloads, the median CPU time the server's
 * threads had used when the answer came (the schedstat of each of its tasks in /proc): on a machine
 * shared with other work, wall time includes waiting for a core, and this figure does not.
 *
 * `--root DIR` measures another checkout of Tollgate (its bin/tollgate.cjs), e.g. an older commit
 * unpacked with `git archive` beside a link to node_modules. Given more than once, the checkouts take
 * turns run by run, so that a before-and-after comparison sees the same machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { signRequest } from '../src/sigv4/index.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, root: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const roots = (values.root ?? [fileURLToPath(new URL('..', import.meta.url))]).map((root) => resolve(root));
/** The command line of `npm start` (package.json) in checkout `root`, less `serve`. */
const commandOf = (root: string) => [process.execPath, '--max-semi-space-size=32', join(root, 'bin', 'tollgate.cjs')];

interface Credentials { readonly accessKeyId: string; readonly secretAccessKey: string }

/** The default account's root key, from the `root-credentials` file a first start writes. */
function rootCredentials(dataDir: string): Credentials {
  const text = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
  const value = (name: string) => new RegExp(`^${name} = (\\S+)$`, 'm').exec(text)?.[1] ?? '';
  return { accessKeyId: value('aws_access_key_id'), secretAccessKey: value('aws_secret_access_key') };
}

/** Resolves with the URL of `listening on URL` once the child prints it on standard output. */
function listening(child: ChildProcess): Promise<string> {
  let seen = '';
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /listening on (http:\/\/\S+)\n/.exec(seen);
      if (!m) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume(); // the request log that follows is read and dropped
      resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`tollgate serve exited with ${code}: ${seen}${errors}`)));
  });
}

/** Sends a signed sts:GetCallerIdentity to `url`; resolves once its whole answer is in. */
function getCallerIdentity(url: string, credentials: Credentials): Promise<void> {
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const { host, hostname, port } = new URL(url);
  const { request: signed } = signRequest({
    method: 'POST', path: '/', body, credentials, region: 'us-east-1', service: 'sts', time: Date.now(),
    headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: 'POST', path: '/', headers: { ...signed.headers, 'content-length': Buffer.byteLength(body) }, agent: false }, (res) => {
      let answer = '';
      res.on('data', (chunk: Buffer) => { answer += chunk.toString(); });
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`GetCallerIdentity answered ${res.statusCode}: ${answer}`))));
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** Stops a server child and waits until it has exited. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Milliseconds of CPU the threads of process `pid` have run (Linux), or undefined. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return undefined;
  }
}

interface ServeRun { readonly listen: number; readonly answer: number; readonly cpu: number | undefined }

/** One start of `serve` on `dataDir`: milliseconds until `listening on`, until the first answer, and of CPU by then. */
async function serveOnce(command: readonly string[], dataDir: string, known: Credentials | undefined): Promise<ServeRun> {
  const started = performance.now();
  const child = spawn(command[0]!, [...command.slice(1), 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await listening(child);
    const listen = performance.now() - started;
    await getCallerIdentity(url, known ?? rootCredentials(dataDir));
    const answer = performance.now() - started;
    return { listen, answer, cpu: cpuMs(child.pid) };
  } finally {
    await stop(child);
  }
}

/** One run of `command` with `args` (`--version`): milliseconds until the process has exited. */
function exitOnce(command: readonly string[], args: readonly string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(command[0]!, [...command.slice(1), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout!.resume();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${[...command, ...args].join(' ')} exited with ${code}`))));
  });
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Result { readonly root: string; readonly name: string; readonly target_ms: number; readonly median_ms: number; readonly min_ms: number; readonly max_ms: number; readonly listen_median_ms?: number; readonly cpu_median_ms?: number; readonly ratio: number }

function result(root: string, name: string, target: number, times: readonly number[], serveRuns?: readonly ServeRun[]): Result {
  const m = median(times);
  const cpu = serveRuns?.map((r) => r.cpu).filter((ms) => ms !== undefined) ?? [];
  return {
    root, name, target_ms: target, median_ms: round(m), min_ms: round(Math.min(...times)), max_ms: round(Math.max(...times)),
    ...(serveRuns ? { listen_median_ms: round(median(serveRuns.map((r) => r.listen))) } : {}),
    ...(cpu.length > 0 ? { cpu_median_ms: round(median(cpu)) } : {}),
    ratio: Math.round((m / target) * 100) / 100,
  };
}
const round = (ms: number) => Math.round(ms * 10) / 10;

const scratch = mkdtempSync(join(tmpdir(), 'tollgate-start-bench-'));
const results: Result[] = [];
let bare: number | undefined;
try {
  const checkouts = roots.map((root, i) => ({ root, command: commandOf(root), existing: join(scratch, `existing-${i}`), existingRuns: [] as ServeRun[], freshRuns: [] as ServeRun[], versions: [] as number[] }));
  // A start not measured makes each existing data directory, and warms the file cache.
  for (const c of checkouts) await serveOnce(c.command, c.existing, undefined);
  for (let i = 0; i < runs; i++) {
    for (const c of checkouts) c.existingRuns.push(await serveOnce(c.command, c.existing, rootCredentials(c.existing)));
  }
  for (let i = 0; i < runs; i++) {
    for (const [n, c] of checkouts.entries()) {
      const dir = join(scratch, `new-${n}-${i}`);
      c.freshRuns.push(await serveOnce(c.command, dir, undefined));
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const bareNode: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const c of checkouts) c.versions.push(await exitOnce(c.command, ['--version']));
    bareNode.push(await exitOnce([process.execPath, '--max-semi-space-size=32'], ['-e', '']));
  }
  bare = round(median(bareNode));
  for (const c of checkouts) {
    results.push(result(c.root, 'serve, existing data directory: first answer', 300, c.existingRuns.map((r) => r.answer), c.existingRuns));
    results.push(result(c.root, 'serve, new data directory: first answer', 500, c.freshRuns.map((r) => r.answer), c.freshRuns));
    results.push(result(c.root, '--version', 150, c.versions));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (values.json) {
  for (const r of results) console.log(JSON.stringify({ ...r, bare_node_ms: bare }));
} else {
  console.log(`tollgate start-up, median of ${runs} runs, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; bare node (exec to exit): ${bare?.toFixed(0)} ms`);
  for (const [i, r] of results.entries()) {
    if (i === 0 || results[i - 1]!.root !== r.root) {
      console.log(join(r.root, 'bin', 'tollgate.cjs'));
      console.log(`  ${'workload'.padEnd(46)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'listening'.padStart(10)} ${'cpu'.padStart(7)} ${'target'.padStart(7)} ${'ratio'.padStart(6)}`);
    }
    const ms = (x: number | undefined) => (x === undefined ? '' : `${x.toFixed(0)} ms`);
    console.log(`  ${r.name.padEnd(46)} ${ms(r.median_ms).padStart(8)} ${ms(r.min_ms).padStart(8)} ${ms(r.max_ms).padStart(8)} ${ms(r.listen_median_ms).padStart(10)} ${ms(r.cpu_median_ms).padStart(7)} ${ms(r.target_ms).padStart(7)} ${r.ratio.toFixed(2).padStart(6)}`);
  }
}
