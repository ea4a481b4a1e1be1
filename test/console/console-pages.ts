/**
 * Browser-test steps shared by the console's test files: signing in through the sign-in page, visiting
 * a console address with its axe-core check and screenshot, and reading what the page shows.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { screenshot, seriousViolations } from './browser.ts';

/** The page's session storage (the console's signed-in session), read in the page. */
export function storedSession(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('tollgate.console.session'));
}

/** The test account. */
export const ACCOUNT = '111122223333';

/** Every page checked with axe-core, and the screenshots taken (for the report). */
export const checkedPages: string[] = [];
export const screenshots: string[] = [];

/** A fresh browser context (its own session storage: another person at another browser). */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  return { context, page };
}

/** Fills and submits the sign-in page (already shown). */
export async function submitSignIn(page: Page, userName: string, password: string, account = ACCOUNT): Promise<void> {
  await page.getByLabel('Account ID or account alias').fill(account);
  await page.getByLabel('IAM username').fill(userName);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `url/console<path>` and signs in there as an IAM user; resolves once the page's h1 shows. */
export async function signInAt(page: Page, url: string, path: string, userName: string, password: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${url}/console${path}`);
  await submitSignIn(page, userName, password);
  await h1(page, heading).waitFor();
}

/** The page's main heading. */
export function h1(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name });
}

/** Asserts that the page as it is has no serious or critical axe-core violation; remembers `name`. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe-core on ${name}`);
  checkedPages.push(name);
}

/** Goes to a console address, waits for its heading, checks accessibility, and takes a screenshot if named. */
export async function visit(page: Page, url: string, path: string, heading: string | RegExp, shot?: string): Promise<void> {
  await page.goto(`${url}/console${path}`);
  await h1(page, heading).waitFor();
  await settle(page);
  await assertAccessible(page, path);
  if (shot) screenshots.push(await screenshot(page, shot));
}

/** Waits until the page's tables and spinners stop showing that they load (checked on each animation frame). */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(50);
  await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document
    .querySelector('[class*="awsui_loading"], [class*="awsui_spinner"], [class*="awsui_status-loading"]') === null, undefined, { timeout: 10_000 });
}

/** The text of the first error alert's message. */
export async function errorMessage(page: Page): Promise<string> {
  const message = page.getByTestId('error-message').first();
  await message.waitFor();
  return (await message.textContent()) ?? '';
}

/** Chooses `option` in the Cloudscape select or multiselect labelled `label`. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  const filter = page.locator('input[role="combobox"][aria-expanded="true"]').filter({ visible: true });
  if (await filter.count() > 0) await filter.first().fill(option);
  await page.getByRole('option', { name: option, exact: false }).first().click();
  await page.keyboard.press('Escape');
}
