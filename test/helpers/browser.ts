import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { freePort } from '../../src/platform/db/embedded.ts';
import { repoPath } from '../../src/platform/paths.ts';
import { type CliProcess, startCli, waitForOutput } from './cli.ts';

// A real `jaring serve` in a child process on a fresh data folder, and Debian's Chromium driven by
// playwright-core. `npm test` builds the web UI first.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type BrowserNode = { base: string; browser: Browser; close(): Promise<void> };

export async function startBrowserNode(
  adminPassword: string,
  env: Record<string, string> = {},
): Promise<BrowserNode> {
  if (!existsSync(repoPath('dist', 'web', 'index.html')))
    throw new Error('dist/web is missing: run `npm run build:web`');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const dataDir = mkdtempSync(join(tmpdir(), 'jaring-e2e-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const server: CliProcess = startCli(['serve'], {
    JARING_DATA_DIR: dataDir,
    PORT: String(port),
    JARING_ADMIN_PASSWORD: adminPassword,
    JARING_NODE_NAME: 'E2E node',
    ...env,
  });
  await waitForOutput(server, 'is serving on');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form and waits for the signed-in shell. */
export async function logIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(base);
  const form = page.getByTestId('login-form');
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor({ timeout: UI_TIMEOUT });
}

/**
 * Logs out and waits for the login form: the next `page.goto` must not race the logout request
 * (the page would load while the session still stands and stay signed in).
 */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByTestId('login-form').waitFor({ timeout: UI_TIMEOUT });
}

/** As the signed-in administrator, creates a user of the first agency; returns the HTTP status. */
export async function createUser(
  page: Page,
  user: { username: string; displayName: string; roles: string[]; password: string },
): Promise<number> {
  return page.evaluate(async (user) => {
    const me = await (await fetch('/api/auth/me')).json();
    const agencies = (await (await fetch('/api/agencies')).json()).agencies;
    const res = await fetch('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ ...user, agencyId: agencies[0].id }),
    });
    return res.status;
  }, user);
}

/**
 * Signs in as a user created by an administrator: a new account must first replace its initial
 * password, which this does (the new one is `${password} 2`) before waiting for the form to go.
 */
export async function logInChangingPassword(
  page: Page,
  base: string,
  username: string,
  password: string,
): Promise<void> {
  await logIn(page, base, username, password);
  const change = page.getByLabel('Current password');
  if (!(await change.isVisible())) return;
  await change.fill(password);
  await page.getByLabel('New password', { exact: true }).fill(`${password} 2`);
  await page.getByLabel('Confirm new password').fill(`${password} 2`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await change.waitFor({ state: 'detached' });
}

/**
 * As the administrator, creates a user of the first agency, then signs in as that user on the same
 * page (replacing the initial password, as `logInChangingPassword` does).
 */
export async function signInAsNewUser(
  page: Page,
  base: string,
  adminPassword: string,
  user: { username: string; displayName: string; roles: string[]; password: string },
): Promise<void> {
  await logIn(page, base, 'admin', adminPassword);
  expect(await createUser(page, user)).toBe(201);
  await logOut(page);
  await logInChangingPassword(page, base, user.username, user.password);
}

/** The phone the field flows are tested on. */
export const PHONE = { width: 360, height: 740 };

/**
 * How long a UI step may take to appear (Playwright waits and polls). 15 s timed out twice in one
 * evening on a CI machine loaded by other work (the cases tab's filter, the assessment form), while
 * the same tests passed alone in ~11 s; the waits are for a condition, so a longer bound only
 * matters when the machine is slow.
 */
export const UI_TIMEOUT = 30_000;

/** The page fits the phone: nothing wider than the viewport (no sideways scrolling). */
export async function fitsPhone(page: Page): Promise<void> {
  const measure = `(() => {
    const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${PHONE.width + 1});
    return JSON.stringify({
      scrollWidth: document.documentElement.scrollWidth,
      wide: wide.slice(0, 5).map((e) => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40)),
    });
  })()`;
  const overflow: { scrollWidth: number; wide: string[] } = JSON.parse(await page.evaluate<string>(measure));
  expect(overflow.scrollWidth, overflow.wide.join('\n')).toBeLessThanOrEqual(PHONE.width);
}

/**
 * A request of the API from the page, as its signed-in user (with the session's CSRF token for a
 * write): the status and the JSON body.
 */
export async function apiRequest<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const headers: Record<string, string> = {};
      if (method !== 'GET') {
        const me = await (await fetch('/api/auth/me')).json();
        headers['content-type'] = 'application/json';
        headers['x-csrf-token'] = me.csrfToken;
      }
      const res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body },
  );
}

/**
 * When the running test fails, prints what happened on the page while it ran: its writes with their
 * answers, any other answer of 400 and over, failed requests, uncaught errors and console errors. A wait that times out says only
 * what it waited for; this says why it never came. Call it inside the test.
 */
export function reportPageTrouble(page: Page, label: string): void {
  const trouble: string[] = [];
  const note = (line: string) => trouble.push(`${new Date().toISOString()} ${label}: ${line}`);
  page.on('response', (res) => {
    if (res.status() >= 400 || res.request().method() !== 'GET')
      note(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
  });
  page.on('requestfailed', (req) => note(`failed ${req.method()} ${req.url()}: ${req.failure()?.errorText}`));
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') note(`console: ${msg.text()}`);
  });
  onTestFailed(() => {
    console.error(trouble.length ? trouble.join('\n') : `${label}: no failed request or page error`);
  });
}
