// Checks that the end-to-end tests stand alone: runs each test file's tests in reverse order, and each
// test on its own (`--test-name-pattern`), and lists the tests that fail only then, i.e. that depend
// on state another test left behind.
//
//   npm run test:isolation -- [--jobs N] [--no-alone] [--no-reversed] [path filter ...]
//
// Without a filter it checks every `*.test.ts` under test/. Slow by nature (one process per test):
// it is a tool to run when tests are added or restructured, not part of `npm test`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const reporter = join(here, 'test-units.mjs');
const reverse = join(here, 'reverse-order.mjs');

const args = process.argv.slice(2);
let jobs = 1;
let alone = true;
let reversed = true;
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--jobs') jobs = Number(args[++i]);
  else if (args[i] === '--no-alone') alone = false;
  else if (args[i] === '--no-reversed') reversed = false;
  else filters.push(args[i]);
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return findTests(path);
    return entry.endsWith('.test.ts') ? [path] : [];
  });
}

const files = findTests(join(root, 'test'))
  .filter((f) => filters.length === 0 || filters.some((filter) => relative(root, f).includes(filter)))
  .sort();

/** Runs `file` with the test-units reporter; answers the units reported and the output of a failure. */
function run(file, extra) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...extra.pre, '--import', 'tsx', '--test', '--test-reporter', reporter, ...extra.post, file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => {
      const units = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      resolve({ code, units, stderr: err });
    });
  });
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs `tasks` (functions answering promises) `jobs` at a time. */
async function pool(tasks) {
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

const problems = [];
for (const file of files) {
  const name = relative(root, file);
  const normal = await run(file, { pre: [], post: [] });
  const failing = normal.units.filter((u) => !u.ok).map((u) => u.name);
  if (normal.units.length === 0 || normal.code !== 0) {
    problems.push(`${name}: fails in its own order (${failing.join('; ') || normal.stderr.trim().split('\n').slice(-3).join(' ')})`);
    process.stdout.write(`✖ ${name}: fails as it is; not checked further\n`);
    continue;
  }
  const found = [];
  if (reversed) {
    const back = await run(file, { pre: ['--import', reverse], post: [] });
    for (const unit of back.units) if (!unit.ok) found.push(`fails in reverse order: ${unit.name}`);
    if (back.units.length !== normal.units.length) found.push(`reverse order ran ${back.units.length} of ${normal.units.length} tests`);
  }
  if (alone) {
    const results = await pool(normal.units.filter((u) => !u.skipped).map((unit) => async () => {
      const single = await run(file, { pre: [], post: ['--test-name-pattern', `^${escape(unit.name)}$`] });
      const ran = single.units.filter((u) => !u.skipped);
      if (single.code !== 0 || ran.length === 0) return `fails alone: ${unit.name}${ran.length === 0 ? ' (did not run)' : ''}`;
      return undefined;
    }));
    found.push(...results.filter(Boolean));
  }
  process.stdout.write(`${found.length === 0 ? '✔' : '✖'} ${name} (${normal.units.length} tests)\n`);
  for (const line of found) process.stdout.write(`    ${line}\n`);
  problems.push(...found.map((line) => `${name}: ${line}`));
}
process.stdout.write(problems.length === 0 ? `\nevery test of ${files.length} files stands alone\n` : `\n${problems.length} problems:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
process.exit(problems.length === 0 ? 0 : 1);
