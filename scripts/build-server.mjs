// The `server` build step: the `tollgate` command (src/cli/main.ts and all it imports) bundled by
// esbuild into dist/server/, so the installed command starts without compiling TypeScript.
// - The ES-module packages named in BUNDLED (kysely, lru-cache) are bundled: Node's ES module loader
//   resolves, reads and links each file of a package on its own, and kysely's 280 files cost more
//   than all of Tollgate's code. Every other package stays in node_modules, loaded as from the
//   sources (better-sqlite3 is native; pino finds its worker files by path; CommonJS packages such
//   as yaml or commander require Node's built-ins, which an ES-module bundle cannot).
// - Each command's module is its own chunk (esbuild splits at the CLI's dynamic imports), so
//   `--help` or `diagnose` loads no more than it did from the sources.
// - `new URL('<relative path>', import.meta.url)`, the way the code finds data/ and package.json, is
//   re-pointed from where the bundle lies. `createRequire(import.meta.url)` is kept as it is: it
//   finds packages, in the node_modules of the package that dist/ lies in too. Any other use of
//   import.meta fails the build, since a bundle moves the code away from the files it would name.
// - dist/server/inputs.json lists each source file bundled, with its mtime and size as it was read,
//   and the package.json of each package bundled (npm rewrites it when it installs another version):
//   bin/tollgate.mjs runs the bundle only while every one of them is unchanged.
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** The name of the record of what a build read, in its output directory (bin/tollgate.mjs reads it). */
export const INPUTS_FILE = 'inputs.json';

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds the command from `root`/src into `outdir` (dist/server by default); resolves with a line
 * saying what it wrote.
 * @param {{ root?: string, outdir?: string }} [options]
 * @returns {Promise<string>}
 */
export async function buildServer(options = {}) {
  const root = resolve(options.root ?? PACKAGE_ROOT);
  const outdir = resolve(options.outdir ?? join(root, 'dist', 'server'));
  // Gone while building: a build stopped half-way is no build, and the command runs the sources.
  rmSync(join(outdir, INPUTS_FILE), { force: true });
  /** @type {Record<string, [number, number]>} */
  const inputs = {};
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(root),
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [sourcesPlugin(root, outdir, inputs)],
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const bundled = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (bundled === null) continue;
    const manifest = `${bundled[1]}/package.json`;
    const { mtimeMs, size } = statSync(join(root, manifest));
    inputs[manifest] = [mtimeMs, size];
  }
  // The chunks of earlier builds that this one no longer names.
  const written = new Set(Object.keys(result.metafile.outputs).map((path) => resolve(root, path)));
  written.add(join(outdir, INPUTS_FILE));
  for (const name of readdirSync(outdir)) if (!written.has(join(outdir, name))) rmSync(join(outdir, name), { recursive: true, force: true });
  writeFileSync(join(outdir, INPUTS_FILE), `${JSON.stringify(inputs)}\n`);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  const packages = Object.keys(inputs).filter((path) => path.includes('node_modules/')).length;
  return `${relative(root, outdir)}: ${written.size} files, ${(bytes / 1e6).toFixed(2)} MB, from ${Object.keys(inputs).length - packages} source files and ${packages} packages`;
}

/**
 * Loads each TypeScript file itself: records its mtime and size (taken from the descriptor it reads,
 * so they describe the text bundled) and re-points its package-file URLs from `outdir`.
 * @param {string} root @param {string} outdir @param {Record<string, [number, number]>} inputs
 * @returns {esbuild.Plugin}
 */
function sourcesPlugin(root, outdir, inputs) {
  return {
    name: 'tollgate-sources',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const fd = openSync(args.path, 'r');
        let text;
        try {
          const { mtimeMs, size } = fstatSync(fd);
          inputs[relative(root, args.path).split(sep).join('/')] = [mtimeMs, size];
          text = readFileSync(fd, 'utf8');
        } finally {
          closeSync(fd);
        }
        const repointed = repointPackageFiles(text, args.path, outdir);
        if (typeof repointed !== 'string') return { errors: [{ text: repointed.error }] };
        return { contents: repointed, loader: 'ts' };
      });
    },
  };
}

/** `new URL('<relative path>', import.meta.url)`: a package file, re-pointed from the bundle. */
const PACKAGE_FILE_URL = /new URL\(\s*(['"])([^'"\\]+)\1\s*,\s*import\.meta\.url\s*\)/g;
/** `createRequire(import.meta.url)`: a require of packages, which finds the same ones from the bundle. */
const PACKAGE_REQUIRE = /createRequire\(\s*import\.meta\.url\s*\)/g;

/**
 * `text` of `file` with each package-file URL made relative to `outdir`, or why it cannot be.
 * @param {string} text @param {string} file @param {string} outdir
 * @returns {string | { error: string }}
 */
export function repointPackageFiles(text, file, outdir) {
  let error;
  let repointed = 0;
  const out = text.replace(PACKAGE_FILE_URL, (whole, _quote, path) => {
    const target = resolve(dirname(file), path);
    if (!existsSync(target)) error ??= `${whole}: ${target} does not exist`;
    repointed += 1;
    return `new URL(${JSON.stringify(relative(outdir, target).split(sep).join('/'))}, import.meta.url)`;
  });
  if (error !== undefined) return { error };
  const kept = (text.match(PACKAGE_REQUIRE) ?? []).length;
  if ((text.match(/import\.meta/g) ?? []).length > repointed + kept) {
    return { error: `import.meta is used other than as new URL('<relative path>', import.meta.url) or createRequire(import.meta.url); the bundle in ${outdir} could not keep its meaning` };
  }
  return out;
}

/** The packages bundled into dist/ (the rest stay external). */
const BUNDLED = new Set(['kysely', 'lru-cache']);

/** Every package the manifest names but those of BUNDLED. */
function externalPackages(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !BUNDLED.has(name));
}
