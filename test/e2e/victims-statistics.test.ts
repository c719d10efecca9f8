import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserNode, signInAsNewUser, startBrowserNode, UI_TIMEOUT } from '../helpers/browser.ts';

// A researcher's statistics: only whole months can be asked for (src/victims/statistics README,
// "Differencing"), and the multi-valued tables say their rows can add up to more than the total.
const PASSWORD = 'an administrator password for statistics';
const RESEARCHER_PASSWORD = 'a first password for the researcher';

let node: BrowserNode;
beforeAll(async () => {
  node = await startBrowserNode(PASSWORD);
});
afterAll(async () => node?.close());

describe('victim statistics', () => {
  it('asks for whole months only, and says which tables count a person more than once', async () => {
    const page = await node.browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await signInAsNewUser(page, node.base, PASSWORD, {
      username: 'e2e_stats_researcher',
      displayName: 'Statistics researcher',
      roles: ['researcher'],
      password: RESEARCHER_PASSWORD,
    });
    await page.goto(`${node.base}/victims/statistics`);
    await page.getByTestId('statistics-citizenship').waitFor();
    for (const table of ['citizenship', 'exploitation', 'forced-criminality']) {
      expect(await page.getByTestId(`statistics-${table}-multi-valued`).innerText()).toContain(
        'add up to more than the total',
      );
    }
    expect(await page.getByTestId('statistics-gender-multi-valued').count()).toBe(0);
    // The forced-criminality table says whom it counts: its total is not all victims'.
    expect(await page.getByTestId('statistics-forced-criminality-note').innerText()).toContain(
      'Only victims whose types of exploitation include forced criminality',
    );

    // A year picked starts in January and ends in December; the month is picked by name.
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/victims/statistics?')) asked.push(new URL(r.url()).search);
    });
    await page.getByTestId('statistics-from-year').click();
    await page.getByRole('option', { name: '2025', exact: true }).click();
    await page.getByTestId('statistics-to-year').click();
    await page.getByRole('option', { name: '2025', exact: true }).click();
    await page.getByTestId('statistics-to-month').click();
    await page.getByRole('option', { name: 'February', exact: true }).click();
    await expect.poll(() => asked.at(-1), { timeout: UI_TIMEOUT }).toBe('?from=2025-01-01&to=2025-02-28');
    expect(asked).toContain('?from=2025-01-01&to=2025-12-31');
    expect(await page.getByRole('alert').count()).toBe(0);

    // An end before the start is not asked for; the page says why.
    await page.getByTestId('statistics-to-year').click();
    await page.getByRole('option', { name: '2024', exact: true }).click();
    await page.getByTestId('statistics-reversed').waitFor();
    expect(await page.getByTestId('statistics-reversed').innerText()).toBe(
      'The end month is before the start month.',
    );
    expect(asked.filter((q) => q.includes('2024'))).toEqual([]);
    await page.close();
  });
});
