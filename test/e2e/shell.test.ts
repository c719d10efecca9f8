import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/platform/db/embedded.ts';
import { repoPath } from '../../src/platform/paths.ts';
import { type CliProcess, startCli, waitForOutput } from '../helpers/cli.ts';

// The whole node as a person meets it: `jaring serve` in a child process, driven through Debian's
// Chromium by playwright-core. `npm test` builds the web UI first.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'an administrator password for e2e';
const HOSTILE_NAME = '<img src=x onerror=alert(1)> Somchai ใจดี';

let dataDir = '';
let server: CliProcess | undefined;
let browser: Browser | undefined;
let base = '';

beforeAll(async () => {
  if (!existsSync(repoPath('dist', 'web', 'index.html')))
    throw new Error('dist/web is missing: run `npm run build:web`');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  dataDir = mkdtempSync(join(tmpdir(), 'jaring-e2e-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = startCli(['serve'], {
    JARING_DATA_DIR: dataDir,
    PORT: String(port),
    JARING_ADMIN_PASSWORD: PASSWORD,
    JARING_NODE_NAME: 'E2E node',
  });
  await waitForOutput(server, 'is serving on');
  browser = await chromium.launch({
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
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function logIn(page: Page): Promise<void> {
  await page.goto(base);
  const form = page.getByTestId('login-form');
  await form.getByLabel('Username').fill('admin');
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('nav-admin').isVisible(), { timeout: 15_000 }).toBe(true);
}

describe('the web UI', () => {
  it('logs in, switches language, creates a user and shows the audit entry', async () => {
    if (!browser) throw new Error('no browser');
    const page = await browser.newPage();
    const alerts: string[] = [];
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });

    await logIn(page);

    // Switch to Thai and back: the navigation and <html lang> follow.
    const english = await page.getByTestId('nav-admin').innerText();
    await page.getByTestId('language-select').selectOption('th');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('th');
    await expect.poll(() => page.getByTestId('nav-admin').innerText()).not.toBe(english);
    expect(await page.getByTestId('nav-admin').innerText()).toMatch(/[\u0E00-\u0E7F]/);
    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => page.getByTestId('nav-admin').innerText()).toBe(english);

    // Create a caseworker whose display name is hostile markup: it must show as text.
    await page.getByTestId('nav-admin').click();
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByTestId('create-user').click();
    const form = page.getByTestId('create-user-form');
    await form.getByLabel('Username').fill('e2e_caseworker');
    await form.getByLabel('Display name').fill(HOSTILE_NAME);
    await form.getByRole('combobox', { name: 'Agency' }).click();
    await page.getByRole('option', { name: 'E2E node administration' }).click();
    await form.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Caseworker' }).click();
    await form.getByLabel('Initial password').fill('a first password for them');
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    const users = page.getByTestId('users-table');
    await expect.poll(() => users.innerText(), { timeout: 10_000 }).toContain('e2e_caseworker');
    expect(await users.innerText()).toContain(HOSTILE_NAME);
    expect(alerts).toEqual([]);

    // The audit log shows this user's creation once the sequencer has integrated it.
    const userId = await page.evaluate(async () => {
      const res = await fetch('/api/users');
      const body: { users: { id: string; username: string }[] } = await res.json();
      return body.users.find((u) => u.username === 'e2e_caseworker')?.id ?? 'missing';
    });
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await expect
      .poll(
        async () => {
          await page.reload();
          await table.waitFor();
          const rows = table.locator('tr', { hasText: userId });
          return (await rows.count()) > 0 ? rows.first().innerText() : '';
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain('user.create');
    await page.getByRole('button', { name: 'Create checkpoint now' }).click();
    await expect
      .poll(() => page.getByTestId('checkpoint-tree-size').innerText(), { timeout: 10_000 })
      .toMatch(/\d+/);
    await page.close();
  });
});
