import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import th from '../../web/src/i18n/locales/th.json' with { type: 'json' };
import { type BrowserNode, startBrowserNode, UI_TIMEOUT } from '../helpers/browser.ts';

// The whole node as a person meets it: log in, switch language, create a user, see the audit entry.
const PASSWORD = 'an administrator password for e2e';
const HOSTILE_NAME = '<img src=x onerror=alert(1)> Somchai ใจดี';

let node: BrowserNode;
let base = '';
beforeAll(async () => {
  node = await startBrowserNode(PASSWORD);
  base = node.base;
});
afterAll(async () => node?.close());

async function logIn(page: Page): Promise<void> {
  await page.goto(base);
  const form = page.getByTestId('login-form');
  await form.getByLabel('Username').fill('admin');
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('nav-admin').isVisible(), { timeout: UI_TIMEOUT }).toBe(true);
}

describe('the web UI', () => {
  it('logs in, switches language, creates a user and shows the audit entry', async () => {
    const page = await node.browser.newPage();
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
    // A refused form says why in Thai, each field by its label, once: not the server's English.
    await page.goto(`${base}/account`);
    const passwordForm = page.getByTestId('change-password-form');
    const passwords = passwordForm.locator('input[type="password"]');
    await passwords.nth(0).fill(PASSWORD);
    await passwords.nth(1).fill('too short');
    await passwords.nth(2).fill('too short');
    await passwordForm.locator('button[type="submit"]').click();
    const refusal = passwordForm.getByRole('alert');
    await expect.poll(() => refusal.innerText(), { timeout: UI_TIMEOUT }).toContain('ต้องมีอย่างน้อย 12 ตัวอักษร');
    expect(await refusal.innerText()).toContain('รหัสผ่านใหม่');
    expect(await refusal.innerText()).not.toMatch(/Invalid request|newPassword|Too small/);
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
    // Named in the interface language, with the code under it.
    const row = table.locator('tr', { hasText: userId }).first();
    expect(await row.locator('td').nth(3).innerText()).toMatch(/^User account created\s+user\.create$/);
    expect(await row.locator('td').nth(4).innerText()).toBe('User account');
    // Filtered to that record: only its entries, and the filter is in the URL.
    await page.getByTestId('audit-filter-record-id').fill(userId);
    await expect.poll(() => page.url(), { timeout: UI_TIMEOUT }).toContain(`recordId=${userId}`);
    const recordIds = () => table.locator('tbody tr td:nth-child(6)').allInnerTexts();
    await expect.poll(async () => [...new Set(await recordIds())], { timeout: UI_TIMEOUT }).toEqual([userId]);
    // Then by action, picked by its name: only user creations.
    await page.getByTestId('audit-filter-record-id').fill('');
    await page.getByTestId('audit-filter-action').click();
    await page.getByRole('option', { name: 'User account created', exact: true }).click();
    await expect.poll(() => page.url(), { timeout: UI_TIMEOUT }).toContain('action=user.create');
    const actions = () => table.locator('tbody tr td:nth-child(4) code').allInnerTexts();
    await expect
      .poll(async () => [...new Set(await actions())], { timeout: UI_TIMEOUT })
      .toEqual(['user.create']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.url(), { timeout: UI_TIMEOUT }).not.toContain('action=');
    // A click on a record id narrows to that record, and the typed field shows it; "Clear" empties it.
    await table.locator('tr', { hasText: userId }).first().getByRole('button', { name: userId }).click();
    await expect.poll(() => page.url(), { timeout: UI_TIMEOUT }).toContain(`recordId=${userId}`);
    await expect.poll(() => page.getByTestId('audit-filter-record-id').inputValue()).toBe(userId);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.getByTestId('audit-filter-record-id').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Create checkpoint now' }).click();
    await expect
      .poll(() => page.getByTestId('checkpoint-tree-size').innerText(), { timeout: 10_000 })
      .toMatch(/\d+/);
    await page.close();
  });

  it('names a refused field of an administration form by its label, in Thai', async () => {
    const page = await node.browser.newPage();
    await logIn(page);
    await page.getByTestId('language-select').selectOption('th');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('th');
    await page.getByTestId('nav-admin').click();
    await page.getByRole('tab', { name: th.admin.tabs.users }).click();
    await page.getByTestId('create-user').click();
    const form = page.getByTestId('create-user-form');
    const label = th.admin.users;
    await form.getByLabel(label.username).fill('no spaces allowed');
    await form.getByLabel(label.displayName).fill('Somchai');
    await form.getByRole('combobox', { name: label.agency }).click();
    await page.getByRole('option', { name: 'E2E node administration' }).click();
    await form.getByRole('combobox', { name: label.roles }).click();
    await page.getByRole('option', { name: th.roles.caseworker }).click();
    await form.getByLabel(label.initialPassword).fill('a first password for them');
    const create = form.getByRole('button', { name: th.common.create, exact: true });
    await create.click();
    // The schema's rule, under the form's own label: not "Username" or the API's English.
    const refusal = form.getByRole('alert');
    const said = `${label.username}: ${th.validation.problems.username}`;
    await expect.poll(() => refusal.innerText(), { timeout: UI_TIMEOUT }).toContain(said);
    expect(await refusal.innerText()).not.toMatch(/username|Invalid request|must be/i);
    // A username taken (they ignore case) is the server's own check, said the same way.
    await form.getByLabel(label.username).fill('ADMIN');
    await create.click();
    const taken = `${label.username}: ${th.validation.problems.taken}`;
    await expect.poll(() => refusal.innerText(), { timeout: UI_TIMEOUT }).toContain(taken);
    expect(await refusal.innerText()).not.toMatch(/username|already/i);
    await page.close();
  });
});
