import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiRequest,
  type BrowserNode,
  createUser,
  fitsPhone,
  logIn,
  logInChangingPassword,
  logOut,
  PHONE,
  startBrowserNode,
} from '../helpers/browser.ts';
import { fullPerson } from '../helpers/victims.ts';

// Every page of the shell, and each of its tabs, fits a phone 360 px wide in the languages whose
// words run longest on screen: Burmese and Khmer (scripts without spaces, where a label that
// cannot wrap runs off the page) and Filipino (long Latin words). Found so: the referrals page's
// "open the person's page" hint, a button whose label never wraps.
const ADMIN_PASSWORD = 'an administrator password for e2e';
const PASSWORD = 'a password for every role';
const LANGUAGES = ['my', 'km', 'fil'];
/** "Vietnamese" and "Vietnam" in each of LANGUAGES (CLDR; Burmese and Khmer use one word for both). */
const LANGUAGE_VI: Record<string, string> = { my: 'ဗီယက်နမ်', km: 'វៀតណាម', fil: 'Vietnamese' };
const COUNTRY_VN: Record<string, string> = { my: 'ဗီယက်နမ်', km: 'វៀតណាម', fil: 'Vietnam' };

let node: BrowserNode;
beforeAll(async () => {
  node = await startBrowserNode(ADMIN_PASSWORD);
});
afterAll(async () => node?.close());

/** Waits for the page's requests to end, then checks it and each of its tabs. */
async function checkPage(page: Page, path: string): Promise<void> {
  await page.goto(node.base + path);
  await page.waitForLoadState('networkidle');
  await fitsPhone(page);
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click();
    await page.waitForLoadState('networkidle');
    await fitsPhone(page);
  }
}

/**
 * On the alert's page each red flag's reason has most of the list's width and its weight stays
 * inside the list. Found so: one word a line (~80 px) and "Weight 0.3" 14 px past the card.
 */
async function checkReasons(page: Page, alertId: string): Promise<void> {
  await page.goto(`${node.base}/screening/alerts/${alertId}`);
  const list = page.getByTestId('reasons');
  await list.waitFor();
  const bounds = await list.boundingBox();
  expect(bounds).not.toBeNull();
  const items = await list.locator('li').all();
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    // Category, reason, weight: the reason is the first paragraph, the weight the last.
    const reason = await item.locator(':scope > p').first().boundingBox();
    const weight = await item.locator(':scope > p').last().boundingBox();
    if (!bounds || !reason || !weight) throw new Error('a red flag is not laid out');
    expect(reason.width).toBeGreaterThan(bounds.width * 0.6);
    expect(weight.x + weight.width).toBeLessThanOrEqual(bounds.x + bounds.width + 0.5);
  }
}

describe('every page on a phone', () => {
  it('fits 360 px in Burmese, Khmer and Filipino', async () => {
    const page = await node.browser.newPage({ viewport: PHONE });
    await logIn(page, node.base, 'admin', ADMIN_PASSWORD);
    const roles = ['administrator', 'investigator', 'analyst', 'caseworker', 'referral_focal_point'];
    expect(
      await createUser(page, {
        username: 'every_role',
        displayName: 'Every role',
        roles,
        password: PASSWORD,
      }),
    ).toBe(201);
    await logOut(page);
    await logInChangingPassword(page, node.base, 'every_role', PASSWORD);
    const person = await apiRequest<{ person: { id: string } }>(
      page,
      'POST',
      '/api/victims/persons',
      fullPerson('p-1'),
    );
    expect(person.status).toBe(201);
    const id = person.body.person.id;
    const opened = await apiRequest<{ case: { id: string } }>(page, 'POST', '/api/victims/cases', {
      persons: [{ personId: id, role: 'victim' }],
    });
    expect(opened.status).toBe(201);
    // An alert on a Vietnamese post: the alert queue names its language in the interface language.
    const screened = await apiRequest<{ alertId: string | null }>(page, 'POST', '/api/screen', {
      text: 'Tuyển nhân viên CSKH làm việc tại Campuchia, lương 1500$, bao ăn ở, bao vé máy bay, liên hệ Telegram @tuyendung99',
    });
    const alertId = screened.body.alertId;
    if (!alertId) throw new Error('the post raised no alert');
    const paths = [
      '/',
      '/screening',
      '/screening/alerts',
      `/screening/alerts/${alertId}`,
      '/victims',
      '/victims/cases',
      `/victims/persons/${id}`,
      `/victims/persons/${id}/edit`,
      `/victims/persons/${id}/assess`,
      `/victims/cases/${opened.body.case.id}`,
      '/referrals',
      `/referrals/new?personId=${id}`,
      '/audit',
      '/admin',
      '/account',
    ];
    for (const lang of LANGUAGES) {
      await page.getByTestId('language-select').selectOption(lang);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
      for (const path of paths) await checkPage(page, path);
      await checkReasons(page, alertId);
      await page.goto(`${node.base}/screening/alerts`);
      const table = page.getByTestId('alerts-table');
      await expect.poll(() => table.innerText()).toContain(LANGUAGE_VI[lang]);
      // The person's citizenship in the register, in the interface language.
      await page.goto(`${node.base}/victims`);
      await expect.poll(() => page.locator('main').innerText()).toContain(COUNTRY_VN[lang]);
    }
  }, 300_000);
});
