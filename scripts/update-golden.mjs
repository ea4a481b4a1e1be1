// `npm run test:update-golden`: rewrites the golden files (src/protocol/golden/) from the current
// encoders, by running every test that checks one (every test file calling `assertGolden`) with
// TOLLGATE_UPDATE_GOLDEN=1 (see test/support/golden.ts). Golden files no test checks any more are
// deleted. Review the result with `git diff src/protocol/golden/`.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const goldenDirectory = join(root, 'src', 'protocol', 'golden');

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules') return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return findTests(path);
    return entry.endsWith('.test.ts') && readFileSync(path, 'utf8').includes('assertGolden(') ? [path] : [];
  });
}

/** The golden files' contents now, by name. */
function snapshot() {
  if (!existsSync(goldenDirectory)) return new Map();
  return new Map(readdirSync(goldenDirectory).map((name) => [name, readFileSync(join(goldenDirectory, name), 'utf8')]));
}

const before = snapshot();
const files = ['src', 'test'].flatMap((dir) => findTests(join(root, dir))).sort();
const scratch = mkdtempSync(join(tmpdir(), 'tollgate-golden-'));
const seenFile = join(scratch, 'seen');
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter', 'dot', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TOLLGATE_UPDATE_GOLDEN: '1', TOLLGATE_GOLDEN_SEEN: seenFile },
});
const seen = new Set(existsSync(seenFile) ? readFileSync(seenFile, 'utf8').split('\n').filter(Boolean) : []);
rmSync(scratch, { recursive: true, force: true });
if (result.status !== 0) {
  process.stderr.write('update-golden: a test failed while updating; fix it and run again (no golden file was deleted)\n');
  process.exit(result.status ?? 1);
}
const say = (what, name) => process.stdout.write(`update-golden: ${what} ${relative(root, join(goldenDirectory, name))}\n`);
for (const [name, text] of snapshot()) {
  if (/\.(xml|json)$/.test(name) && !seen.has(name)) {
    unlinkSync(join(goldenDirectory, name));
    say('deleted', `${name} (no test checks it)`);
  } else if (!before.has(name)) {
    say('created', name);
  } else if (before.get(name) !== text) {
    say('rewrote', name);
  }
}
process.stdout.write(`update-golden: ${seen.size} golden files checked by ${files.length} test files; review with \`git diff src/protocol/golden/\`\n`);
