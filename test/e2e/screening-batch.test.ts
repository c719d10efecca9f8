import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserNode, signInAsNewUser, startBrowserNode, UI_TIMEOUT } from '../helpers/browser.ts';

// A file screened on the server as an analyst meets it: pick it, watch the progress bar, download
// the results (reasons in the interface language), review the alerts it raised.
const ADMIN_PASSWORD = 'an administrator password for batch e2e';
const ANALYST_PASSWORD = 'an analyst password for batch e2e';
const SCAM =
  'Tuyển CTV đánh máy tại Campuchia, việc nhẹ lương cao 1500$/tháng, bao vé máy bay, không cần kinh nghiệm. Liên hệ Telegram @tuyendung_kk88';
const ORDINARY = 'Hiring an accountant in Bangkok, salary negotiable. Send your CV to hr@example.co.th';
const LINES = Array.from({ length: 300 }, (_, i) =>
  i === 150 ? '{"id": broken' : JSON.stringify({ id: `post-${i}`, text: i % 3 === 0 ? SCAM : ORDINARY }),
);

let node: BrowserNode;
beforeAll(async () => {
  node = await startBrowserNode(ADMIN_PASSWORD);
});
afterAll(async () => node?.close());

describe('batch screening in the web UI', () => {
  it('uploads a file, shows the progress to the end and offers the results', async () => {
    const page = await node.browser.newPage();
    await signInAsNewUser(page, node.base, ADMIN_PASSWORD, {
      username: 'batch_analyst',
      displayName: 'Batch Analyst',
      roles: ['analyst'],
      password: ANALYST_PASSWORD,
    });
    await page.getByTestId('nav-screening').click();
    await page
      .getByTestId('batch-file')
      .setInputFiles({ name: 'export.jsonl', mimeType: '', buffer: Buffer.from(LINES.join('\n')) });
    await expect.poll(() => page.getByTestId('batch-file-name').innerText()).toContain('export.jsonl');
    await page.getByTestId('batch-start').click();

    const progress = page.getByTestId('batch-progress');
    await progress.waitFor({ timeout: UI_TIMEOUT });
    await expect
      .poll(() => progress.getByTestId('batch-status').getAttribute('data-status'), { timeout: 60_000 })
      .toBe('done');
    const bar = progress.getByRole('progressbar', { name: 'Screening progress' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    // Bytes in the interface language's units (once "0 byte of 48.3 kB").
    expect(await progress.getByTestId('batch-progress-text').innerText()).toBe(
      '300 lines screened (41 kB of 41 kB)',
    );
    expect(await progress.getByTestId('batch-counts').innerText()).toMatch(/Errors: 1$/);
    expect(await progress.getByTestId('batch-refused').innerText()).toBe(
      '1 line was refused: the results file gives the reason.',
    );
    expect(await progress.getByTestId('batch-alerts').innerText()).toMatch(/Alerts opened: \d+/);

    const href = await progress.getByTestId('batch-download').getAttribute('href');
    expect(href).toMatch(/^\/api\/screen\/batch\/[0-9a-f-]{36}\/results\?lang=en$/);
    const downloaded = await page.evaluate(async (url) => (await fetch(url)).text(), href ?? '');
    const results = downloaded
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results).toHaveLength(300);
    expect(results[150]).toEqual({ id: '151', error: 'line 151: not valid JSON' });
    expect(results[0]).toMatchObject({ id: 'post-0', level: 'high' });

    const list = page.getByTestId('batch-list');
    await expect.poll(() => list.innerText()).toContain('export.jsonl');

    // The alerts link shows this batch's alerts only, each labelled, the label translated.
    const batchId = await progress.getAttribute('data-batch-id');
    await progress.getByTestId('batch-alerts').click();
    await expect.poll(() => page.url()).toContain(`/screening/alerts?batch=${batchId}`);
    const filter = page.getByTestId('alert-batch-filter');
    expect(await filter.innerText()).toBe('Only alerts from one uploaded file');
    const table = page.getByTestId('alerts-table');
    await table.waitFor({ timeout: UI_TIMEOUT });
    const rows = table.locator('tbody tr');
    const labels = table.getByTestId('alert-batch');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await labels.count()).toBe(await rows.count());
    expect(await labels.first().getAttribute('data-batch-id')).toBe(batchId);
    expect(await labels.first().innerText()).toBe('From a file');
    await page.getByTestId('language-select').selectOption('th');
    await expect.poll(() => labels.first().innerText()).toBe('จากไฟล์');

    // In Thai, the download gives Thai reasons.
    await page.getByTestId('screening-tab-check').click();
    const thaiHref = await page
      .getByTestId('batch-list')
      .locator(`a[href*="${batchId}"]`)
      .getAttribute('href');
    expect(thaiHref).toMatch(/\?lang=th$/);
    const thai = await page.evaluate(async (url) => (await fetch(url)).text(), thaiHref ?? '');
    const first = JSON.parse(thai.split('\n')[0] ?? '');
    expect(first.indicators.map((i: { reason: string }) => i.reason).join(' ')).toMatch(/[\u0E00-\u0E7F]/);
    // A reload starts in the chosen language: its strings load before the first render.
    await page.reload();
    const nav = page.getByTestId('nav-screening');
    await nav.waitFor();
    expect(await nav.innerText()).toMatch(/[\u0E00-\u0E7F]/);
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    await page.getByTestId('language-select').selectOption('en');

    // A spreadsheet's CSV sent as JSON Lines: every line is refused, and the page says what to check.
    await page
      .getByTestId('batch-file')
      .setInputFiles({ name: 'posts.csv', mimeType: '', buffer: Buffer.from('id,text\n1,hello\n2,world\n') });
    await expect.poll(() => page.getByTestId('batch-file-name').innerText()).toContain('posts.csv');
    await page.getByTestId('batch-start').click();
    const csv = page.locator(`[data-testid="batch-progress"]:not([data-batch-id="${batchId}"])`);
    await expect
      .poll(() => csv.getByTestId('batch-status').getAttribute('data-status'), { timeout: 60_000 })
      .toBe('done');
    expect(await csv.getByTestId('batch-refused').innerText()).toBe(
      'Every line was refused. Is the file JSON Lines, one object with "text" per line? For one post per line, choose Plain text (one post per line).',
    );
  });
});
