// The `server` build step: the `tollgate` command (src/cli/main.ts and all it imports) bundled by
// esbuild into one CommonJS file, dist/server/cli.cjs, so the installed command starts without
// compiling TypeScript, then run once to make its V8 code cache (dist/server/cli.cjs.cache).
// - One CommonJS file: bin/bundle-loader.cjs compiles it as a vm.Script with the code cache, which
//   Node 20 offers for scripts and not for ES modules, and a CommonJS file needs no module loader.
//   The CLI's dynamic imports stay lazy (esbuild runs an imported module's body at its first import),
//   so `--help` or `diagnose` runs no more of the program than from the sources.
// - The ES-module packages named in BUNDLED (kysely, lru-cache) are bundled. Every other package stays
//   in node_modules, loaded as from the sources (better-sqlite3 is native; pino finds its worker files
//   by path).
// - Whitespace and syntax are minified (a fifth less to read and parse at each start); names are kept,
//   so stack traces stay readable, and cli.cjs.map maps them back to the sources.
// - `new URL('<relative path>', import.meta.url)`, the way the code finds data/ and package.json, is
//   re-pointed from where the bundle lies, and import.meta.url is the bundle's own URL.
//   `createRequire(import.meta.url)` is kept as it is: it finds packages, in the node_modules of the
//   package that dist/ lies in too. Any other use of import.meta fails the build, since a bundle moves
//   the code away from the files it would name.
// - The code cache: `tollgate warm-up` (src/cli/warm-up-command.ts) runs through a first start, a
//   start on an existing data directory, a call of each protocol, a denial and `why`, with the flags
//   of bin/tollgate.cjs's first line; bin/bundle-loader.cjs writes the cache of all it compiled when
//   that run exits. A failed warm-up fails the build: the bundle could not serve.
// - dist/server/inputs.json lists each source file bundled, with its mtime and size as it was read,
//   and the package.json of each package bundled (npm rewrites it when it installs another version):
//   bin/tollgate.cjs runs the bundle only while every one of them is unchanged. It is written last, so
//   a build stopped half-way is no build.
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** The name of the record of what a build read, in its output directory (bin/tollgate.cjs reads it). */
export const INPUTS_FILE = 'inputs.json';
/** The bundle's name in its output directory. */
export const BUNDLE_FILE = 'cli.cjs';
/** The Node.js flags of the `tollgate` command (bin/tollgate.cjs's first line), which the code cache is made under. */
const COMMAND_FLAGS = ['--max-semi-space-size=32'];

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds the command from `root`/src into `outdir` (dist/server by default), with its code cache
 * unless `codeCache` is false (tests of other things); resolves with a line saying what it wrote.
 * @param {{ root?: string, outdir?: string, codeCache?: boolean }} [options]
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
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: externalPackages(root),
    minifyWhitespace: true,
    minifySyntax: true,
    define: { 'import.meta.url': 'import_meta_url' },
    banner: { js: 'const import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
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
  // The files of earlier builds that this one no longer writes.
  const written = new Set(Object.keys(result.metafile.outputs).map((path) => resolve(root, path)));
  const bundle = join(outdir, BUNDLE_FILE);
  if (options.codeCache !== false) for (const cacheFile of [`${bundle}.cache`, `${bundle}.cache.json`]) written.add(cacheFile);
  written.add(join(outdir, INPUTS_FILE));
  for (const name of readdirSync(outdir)) if (!written.has(join(outdir, name))) rmSync(join(outdir, name), { recursive: true, force: true });
  if (options.codeCache !== false) writeCodeCache(bundle);
  writeFileSync(join(outdir, INPUTS_FILE), `${JSON.stringify(inputs)}\n`);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  const packages = Object.keys(inputs).filter((path) => path.includes('node_modules/')).length;
  return `${relative(root, outdir)}: ${written.size} files, ${(bytes / 1e6).toFixed(2)} MB, from ${Object.keys(inputs).length - packages} source files and ${packages} packages`;
}

/** Runs `tollgate warm-up` from `bundle` with the command's flags, writing the bundle's code cache. */
function writeCodeCache(bundle) {
  const loader = fileURLToPath(new URL('../bin/bundle-loader.cjs', import.meta.url));
  const result = spawnSync(process.execPath, [...COMMAND_FLAGS, loader, bundle], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the warm-up run of ${bundle} failed (exit ${result.status ?? result.signal}): ${result.stderr}`);
}

/**
 * Loads each source file itself, recording its mtime and size (taken from the descriptor it reads, so
 * they describe the text bundled): a TypeScript file with its package-file URLs re-pointed from
 * `outdir`; a JSON file (the service models) as `JSON.parse` of its text, which V8 turns into objects
 * several times faster than it runs the same data written as one large object literal.
 * @param {string} root @param {string} outdir @param {Record<string, [number, number]>} inputs
 * @returns {esbuild.Plugin}
 */
function sourcesPlugin(root, outdir, inputs) {
  /** @param {string} path @returns {string} */
  const readRecorded = (path) => {
    const fd = openSync(path, 'r');
    try {
      const { mtimeMs, size } = fstatSync(fd);
      inputs[relative(root, path).split(sep).join('/')] = [mtimeMs, size];
      return readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  };
  return {
    name: 'tollgate-sources',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const repointed = repointPackageFiles(readRecorded(args.path), args.path, outdir);
        if (typeof repointed !== 'string') return { errors: [{ text: repointed.error }] };
        return { contents: repointed, loader: 'ts' };
      });
      build.onLoad({ filter: /\.json$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = readRecorded(args.path);
        try {
          JSON.parse(text);
        } catch (error) {
          return { errors: [{ text: `${args.path}: ${error instanceof Error ? error.message : String(error)}` }] };
        }
        return { contents: `export default JSON.parse(${JSON.stringify(text)});\n`, loader: 'js' };
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
