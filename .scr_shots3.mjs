import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:18123';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
const m = (f1) => ({ n: 48, positives: 24, precision: 0.91, recall: 0.88, f1, rocAuc: 0.95, prAuc: null, threshold: 0.4633 });
let retrained = false;
await page.route('**/api/screening/models', (route) => route.fulfill({ json: {
  active: retrained ? { id: 'm2', name: 'node-reviews-2026-11-22', createdAt: new Date().toISOString(), examples: 130, metrics: { outOfFold: m(0.9), byLang: { vi: m(0.92), th: m(0.85) } } } : null,
  defaultModel: { name: 'jaring-default-sms' }, reviewed: { confirmed: 12, dismissed: 9 } } }));
let calls = 0;
await page.route('**/api/screening/models/retrain', (route) => {
  calls += 1;
  if (calls === 1) return route.fulfill({ status: 400, json: { error: { code: 'bad_request', message: 'Too few reviews to train: need at least 10 confirmed and 10 dismissed (have 12 and 9).' } } });
  retrained = true;
  return route.fulfill({ status: 201, json: { model: { id: 'm2', name: 'node-reviews-2026-11-22', createdAt: new Date().toISOString(), examples: 130, metrics: { outOfFold: m(0.9), byLang: { vi: m(0.92), th: m(0.85) } } } } });
});
await page.goto(base);
const form = page.getByTestId('login-form');
await form.getByLabel('Username').fill('ana');
await form.getByLabel('Password', { exact: true }).fill('analyst password 12');
await form.getByRole('button', { name: 'Sign in' }).click();
await page.getByTestId('nav-screening').waitFor();
await page.getByTestId('language-select').selectOption('en');
await page.goto(`${base}/screening/model`);
await page.getByTestId('default-model').waitFor();
await page.getByTestId('retrain').click();
await page.getByRole('alert').waitFor();
await page.screenshot({ path: '/tmp/scr_shots/12-model-error.png' });
await page.getByTestId('retrain').click();
await page.getByTestId('retrain-result').waitFor();
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/scr_shots/13-model-retrained.png', fullPage: true });
await browser.close();
