/**
 * Browser-test support: Debian's Chromium driven by playwright-core (headless), axe-core injected into
 * pages, and screenshots under test-artifacts/console/. Chromium absent: the tests are skipped with a
 * loud message, unless TOLLGATE_REQUIRE_INTEROP=1, where that is a failure.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONSOLE_DIST } from '../../src/server/console-assets.ts';

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where screenshots go (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/console/', import.meta.url));

/** Why the browser tests cannot run here, or undefined when they can; throws under TOLLGATE_REQUIRE_INTEROP=1. */
export function browserUnavailable(): string | undefined {
  const missing = !existsSync(CHROMIUM)
    ? `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`
    : !existsSync(`${CONSOLE_DIST}index.html`) ? 'the console is not built (npm run build:console; npm ci runs it)' : undefined;
  if (missing === undefined) return undefined;
  if (process.env['TOLLGATE_REQUIRE_INTEROP'] === '1') throw new Error(`TOLLGATE_REQUIRE_INTEROP=1 and ${missing}`);
  process.stderr.write(`\n*** SKIPPING the console browser tests: ${missing}. ***\n\n`);
  return missing;
}

/** Launches headless Chromium as the project runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, as reported. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** The serious and critical axe-core violations of the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the console's Content-Security-Policy stays in force.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> } };
    return (await page.axe.run(page.document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a full-page screenshot as test-artifacts/console/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
