// The repository stands alone: no tracked source, test, script, README or docs file cites material a clone
// does not have (the team's shared specs and design document). Facts are cited by AWS documentation page,
// by a docs/aws-behaviour/ note, or by the test that pins them; the architecture is docs/architecture.md.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Spelled in pieces so that this file does not match itself.
const SPEC = ['IAM', 'EKS'].map((s) => `${s}-SPEC`);
const DESIGN = ['DESIGN', 'md'].join('.');
const SHARED = ['..', 'shared'].join('/');

/** What points outside the repository. `src/services/shared/` and `../shared/tags.ts` are our own folders. */
const OUTSIDE: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'a shared-spec citation', pattern: new RegExp(`\\b(?:${SPEC.join('|')})\\b`) },
  { name: 'a path into the shared folder', pattern: /\.\.\/shared\/(?:spec(?:\/|\b(?![-\w.]))|DESIGN\b)|\/work\/shared\b/ },
  { name: 'the shared design document', pattern: new RegExp(`\\b${DESIGN.replace('.', '\\.')}\\b`) },
];

/** Text files worth reading: sources, tests, scripts, docs, configuration. */
const TEXT = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|md|json|ya?ml|html|css|sh|txt)$|(?:^|\/)(?:run|Dockerfile)$/;

/** The tracked files (git ls-files), or, without git, the files under the repository minus what is ignored. */
function trackedFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  if (git.status === 0 && git.stdout.length > 0) return git.stdout.split('\0').filter(Boolean);
  const skip = new Set(['node_modules', 'dist', '.git', '.tollgate', 'coverage', 'test-artifacts', '.prof']);
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir)).flatMap((entry) => {
      if (skip.has(entry)) return [];
      const path = dir ? `${dir}/${entry}` : entry;
      return statSync(join(root, path)).isDirectory() ? walk(path) : [path];
    });
  return walk('');
}

/** Each line of `text` that points outside the repository, as `line: what`. */
export function outsideReferences(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { name, pattern } of OUTSIDE) if (pattern.test(line)) found.push(`${i + 1}: ${name}: ${line.trim().slice(0, 160)}`);
  });
  return found;
}

describe('the repository stands alone', () => {
  it('recognises each kind of outside reference, and leaves our own shared folders alone', () => {
    assert.equal(outsideReferences(`// as ${SPEC[0]} §5.6 says`).length, 1);
    assert.equal(outsideReferences(`/** ${SPEC[1]} §2.8 */`).length, 1);
    assert.equal(outsideReferences(`see [design](${SHARED}/${DESIGN})`).length, 2);
    assert.equal(outsideReferences(`facts in ${SHARED}/spec/IAM.md`).length, 1);
    assert.equal(outsideReferences(`facts in /work${SHARED.slice(2)}/notes`).length, 1);
    assert.equal(outsideReferences(`(${DESIGN}, "Store")`).length, 1);
    for (const own of [
      "import { resourceTagKeys } from '../../shared/iam-resource-tags.ts';",
      "import { paginate } from '../shared/pagination.ts';",
      "import { x } from '../shared/spec-helpers.ts';",
      'src/services/shared/service-linked-roles.ts',
      'see docs/aws-behaviour/sigv4.md and docs/architecture.md',
    ]) assert.deepEqual(outsideReferences(own), [], own);
  });

  it('no tracked source, test, script, README or docs file cites the shared specs or design document', () => {
    const files = trackedFiles().filter((f) => TEXT.test(f) && !f.startsWith('node_modules/'));
    assert.ok(files.length > 200, `only ${files.length} files found to check`);
    assert.ok(files.includes('README.md') && files.some((f) => f.startsWith('docs/')), 'README.md and docs/ are checked');
    const problems = files.flatMap((file) => {
      const path = join(root, file);
      if (statSync(path).size > 4_000_000) return [];
      return outsideReferences(readFileSync(path, 'utf8')).map((p) => `${file}:${p}`);
    });
    assert.deepEqual(problems, [], 'cite an AWS documentation page, a docs/aws-behaviour/ note or the test that pins the fact');
  });

  it('the README links the architecture in the repository', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.match(readme, /\]\(docs\/architecture\.md\)/);
  });
});
