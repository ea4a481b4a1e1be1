// bin/tollgate.cjs runs the build in dist/server/ while it is current, and the TypeScript sources
// (saying so on a terminal) when a source file changed since, or when there is no build: an edit is
// never answered by stale code. Tried on a copy of the package, built, then edited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../scripts/build-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DESCRIPTION = 'A local, AWS-compatible control plane';

/** `tollgate --help` of the package in `pkg`, its standard output and standard error. */
function help(pkg: string): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(pkg, 'bin', 'tollgate.cjs'), '--help'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** `tollgate --help` of the package in `pkg` on a pseudo-terminal (`script`), all it printed. */
function helpOnTerminal(pkg: string): string {
  const command = [process.execPath, join(pkg, 'bin', 'tollgate.cjs'), '--help'].map((word) => `'${word}'`).join(' ');
  const run = spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  return run.stdout;
}

/** Replaces the program's description in `file` by `marked` (a way to tell which code answered). */
function mark(file: string, marked: string): void {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(DESCRIPTION), `${file} holds the description`);
  writeFileSync(file, text.replace(DESCRIPTION, marked));
}

test('the command runs the current build, and the sources once one of them changed or without a build', async () => {
  const pkg = mkdtempSync(join(tmpdir(), 'tollgate-package-'));
  try {
    cpSync(join(root, 'bin'), join(pkg, 'bin'), { recursive: true });
    cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
    cpSync(join(root, 'src'), join(pkg, 'src'), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
    symlinkSync(join(root, 'data'), join(pkg, 'data'));
    symlinkSync(join(root, 'console'), join(pkg, 'console'));
    symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'));
    await buildServer({ root: pkg, codeCache: false });

    // The build answers (its text marked after building: the record of its sources does not cover it).
    mark(join(pkg, 'dist', 'server', 'cli.cjs'), `BUILT ${DESCRIPTION}`);
    const built = help(pkg);
    assert.match(built.stdout, /BUILT A local/);
    assert.equal(built.stderr, '');
    assert.doesNotMatch(helpOnTerminal(pkg), /running the TypeScript sources/);

    // A source edited since: the sources answer, with their edit; a terminal is told why.
    mark(join(pkg, 'src', 'cli', 'main.ts'), `EDITED ${DESCRIPTION}`);
    const edited = help(pkg);
    assert.match(edited.stdout, /EDITED A local/);
    assert.doesNotMatch(edited.stdout, /BUILT/);
    assert.equal(edited.stderr, '', 'only a terminal is told');
    assert.match(helpOnTerminal(pkg), /^tollgate: src\/cli\/main\.ts changed since the last build; running the TypeScript sources \(slower to start; npm run build\)\r?$/m);

    // Rebuilt: the build answers again.
    await buildServer({ root: pkg, codeCache: false });
    assert.match(help(pkg).stdout, /EDITED A local/);
    assert.doesNotMatch(helpOnTerminal(pkg), /running the TypeScript sources/);

    // No build at all (installed without running scripts): the sources.
    rmSync(join(pkg, 'dist'), { recursive: true });
    assert.match(helpOnTerminal(pkg), /^tollgate: no build in dist\/; running the TypeScript sources/m);
    assert.match(help(pkg).stdout, /EDITED A local/);
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
});
