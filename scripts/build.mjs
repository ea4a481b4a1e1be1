// `npm run build` (run by `npm ci` and `npm install` through `prepare`): builds dist/, one step per part.
// A step is a name and a function building its own directory under dist/ (and nothing outside it);
// another part of Tollgate that needs building joins by adding its step to the list.
// `node scripts/build.mjs NAME...` runs only the steps named.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { buildServer } from './build-server.mjs';

/** @type {ReadonlyArray<{ name: string, run: () => Promise<string> }>} Each step resolves with a line saying what it built. */
// The console comes first: the server bundle checks that every package file it points at (console/dist among them) exists.
const steps = [
  { name: 'console', run: () => buildConsole() },
  { name: 'server', run: () => buildServer() },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !steps.some((step) => step.name === name));
if (unknown.length > 0) {
  console.error(`build: no step ${unknown.join(', ')} (steps: ${steps.map((step) => step.name).join(', ')})`);
  process.exit(2);
}
for (const step of steps) {
  if (wanted.length > 0 && !wanted.includes(step.name)) continue;
  const started = performance.now();
  const said = await step.run();
  console.log(`build ${step.name}: ${said} (${Math.round(performance.now() - started)} ms)`);
}

/** The console (console/, React and Cloudscape) with Vite into console/dist, which `tollgate serve` serves at /console. */
async function buildConsole() {
  const vite = new URL('../node_modules/vite/bin/vite.js', import.meta.url);
  const root = new URL('../console', import.meta.url);
  const result = spawnSync(process.execPath, [vite.pathname, 'build', root.pathname], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`vite build console failed (exit ${result.status ?? result.signal})`);
  return 'console/dist';
}
