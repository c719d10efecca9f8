import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiRequest,
  type BrowserNode,
  createUser,
  logIn,
  logInChangingPassword,
  logOut,
  startBrowserNode,
  UI_TIMEOUT,
} from '../helpers/browser.ts';

// Issue 5's regional referral as two countries' officers meet it, each in their own browser context
// on their own node (two `jaring serve` processes, two databases, signed messages between them):
// Thailand's administrator invites, Cambodia's compares fingerprints and accepts; a Thai caseworker
// registers, assesses and records consent, then refers the person to Cambodia; Cambodia's focal
// point opens the shared assessment (not interviewing again), accepts and records a repatriation
// step; Thailand sees the acceptance, the step and who opened the record. A second referral names an
// agency Cambodia renamed meanwhile: Cambodia's node refuses it, and Thailand sees it not delivered.
const ADMIN_PASSWORD = 'an administrator password for e2e';
const TH_PASSWORD = 'a Thai caseworker password for e2e';
const KH_PASSWORD = 'a Cambodian focal point password for e2e';

let th: BrowserNode;
let kh: BrowserNode;
beforeAll(async () => {
  [th, kh] = await Promise.all([
    startBrowserNode(ADMIN_PASSWORD, { JARING_NODE_COUNTRY: 'TH', JARING_NODE_NAME: 'Jaring Thailand' }),
    startBrowserNode(ADMIN_PASSWORD, { JARING_NODE_COUNTRY: 'KH', JARING_NODE_NAME: 'Jaring Cambodia' }),
  ]);
});
afterAll(async () => {
  await Promise.all([th?.close(), kh?.close()]);
});

async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  return page;
}

async function openFederation(page: Page): Promise<void> {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-federation').click();
  await page.getByTestId('federation-node-fingerprint').waitFor();
}

/** The status of the peer of that country in the peers table, reloading until it is listed. */
async function peerStatus(page: Page, country: string): Promise<string | null> {
  const row = page.locator(`[data-testid="peer-row"][data-country="${country}"]`);
  if ((await row.count()) === 0) {
    await page.reload();
    await page.getByTestId('federation-tab').waitFor();
  }
  return (await row.count()) === 0 ? null : row.getAttribute('data-status');
}

/** Picks an option of a Mantine select, typing part of it first where the select is searchable. */
async function choose(scope: Page | Locator, page: Page, label: string, typed: string, option: string) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (await box.isEditable()) await box.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Picks the receiving agency from the list the peer's node gave (searchable). */
async function chooseAgency(page: Page, typed: string, name: string) {
  const box = page.getByTestId('refer-agency');
  await box.click();
  await box.fill(typed);
  await page.getByRole('option', { name, exact: true }).click();
}

async function answer(page: Page, indicatorId: string) {
  const item = page.locator(`[data-indicator-id="${indicatorId}"]`);
  await item.getByText('Yes', { exact: true }).click();
  await expect.poll(() => item.getAttribute('data-answer')).toBe('yes');
}

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

/** The referral page's text once `ready` holds, reloading between looks (the other node acts). */
async function referralText(page: Page, ready: (text: string) => boolean): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        await page.reload();
        const view = page.getByTestId('referral-page');
        await view.waitFor();
        text = await view.innerText();
        return ready(text);
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  return text;
}

describe('a referral across two nodes in two browser contexts', () => {
  it('peers TH and KH in the admin UI, then refers, accepts and reports a step back', async () => {
    const thContext = await th.browser.newContext();
    const khContext = await th.browser.newContext();
    const a = await openPage(thContext);
    const b = await openPage(khContext);
    const dialogs: string[] = [];
    for (const page of [a, b])
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });

    // 1. Peering. Thailand's administrator creates an invitation; it travels like a password.
    await logIn(a, th.base, 'admin', ADMIN_PASSWORD);
    await openFederation(a);
    const thFingerprint = await a.getByTestId('federation-node-fingerprint').innerText();
    expect(thFingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    expect(await a.getByTestId('federation-node-url').innerText()).toBe(th.base);
    await a.getByTestId('invitation-create').click();
    await a.getByTestId('invitation-note').fill('For Cambodia, handed over by phone call 2026-11-22');
    await a.getByTestId('invitation-create-submit').click();
    const invitation = (await a.getByTestId('invitation-text').innerText()).trim();
    expect(invitation).toMatch(/^jaring-invitation:/);
    expect(await a.getByTestId('invitation-created').innerText()).toContain('like a password');
    await a.getByTestId('invitation-done').click();

    // Cambodia's administrator pastes it; a damaged copy is refused with the server's reason.
    await logIn(b, kh.base, 'admin', ADMIN_PASSWORD);
    await openFederation(b);
    const khFingerprint = await b.getByTestId('federation-node-fingerprint').innerText();
    expect(khFingerprint).not.toBe(thFingerprint);
    await b.getByTestId('invitation-accept').click();
    await b.getByTestId('invitation-input').fill(invitation.slice(0, -6));
    await b.getByTestId('invitation-preview-submit').click();
    const refused = b.getByRole('alert').filter({ hasText: 'This invitation cannot be used' });
    expect(await refused.innerText()).toContain('damaged');
    await b.getByTestId('invitation-input').fill(invitation);
    await b.getByTestId('invitation-preview-submit').click();
    // The two fingerprints side by side: the inviting node's is the one Thailand reads out.
    const preview = b.getByTestId('invitation-preview');
    await preview.waitFor();
    expect(await b.getByTestId('preview-peer-fingerprint').innerText()).toBe(thFingerprint);
    expect(await b.getByTestId('preview-own-fingerprint').innerText()).toBe(khFingerprint);
    expect(await b.getByTestId('preview-peer').innerText()).toContain(th.base);
    expect(await b.getByTestId('preview-peer').innerText()).toContain('Thailand (TH)');
    expect(await b.getByTestId('invitation-accept-submit').isDisabled()).toBe(true);
    await b.getByTestId('fingerprint-confirm').check();
    await b.getByTestId('invitation-accept-submit').click();
    await preview.waitFor({ state: 'detached' });
    await expect.poll(() => peerStatus(b, 'TH'), { timeout: 20_000 }).toBe('active');
    await expect.poll(() => peerStatus(a, 'KH'), { timeout: 20_000 }).toBe('active');
    const khRow = a.locator('[data-testid="peer-row"][data-country="KH"]');
    expect(await khRow.getByTestId('peer-fingerprint').innerText()).toBe(khFingerprint);
    // A test message goes through the outbox and is delivered: nothing waits, nothing is dead.
    await khRow.getByTestId('peer-ping').click();
    await khRow.getByTestId('peer-ping-queued').waitFor();
    const health = a.getByTestId('outbox-health');
    await expect
      .poll(
        async () => {
          await a.reload();
          await health.waitFor();
          return [await health.getAttribute('data-pending'), await health.getAttribute('data-dead')];
        },
        { timeout: 20_000, interval: 500 },
      )
      .toEqual(['0', '0']);
    expect(await a.getByTestId('outbox-dead-alert').count()).toBe(0);

    // 2. The officers.
    expect(
      await createUser(a, {
        username: 'th_caseworker',
        displayName: 'Somchai Caseworker',
        roles: ['caseworker', 'referral_focal_point'],
        password: TH_PASSWORD,
      }),
    ).toBe(201);
    expect(
      await createUser(b, {
        username: 'kh_focal',
        displayName: 'Sokha Focal Point',
        roles: ['referral_focal_point'],
        password: KH_PASSWORD,
      }),
    ).toBe(201);
    await logOut(a);
    await logOut(b);

    // 3. In Thailand: register the person, assess, record consent to refer to Cambodia.
    await logInChangingPassword(a, th.base, 'th_caseworker', TH_PASSWORD);
    await a.getByTestId('nav-victims').click();
    await a.getByTestId('victims-tab-register').click();
    const wizard = a.getByTestId('register-wizard');
    await wizard.getByLabel('Given name').fill('Srey');
    await wizard.getByLabel('Family name').fill('Pov');
    await wizard.getByLabel('Date of birth').fill('2000-02-03');
    await choose(wizard, a, 'Citizenship', 'Camb', 'Cambodia (KH)');
    await a.getByTestId('register-next').click();
    await expect.poll(() => wizard.getAttribute('data-step')).toBe('exploitation');
    await a.getByTestId('exploitation-types').getByText('Forced criminality', { exact: true }).click();
    await a.getByTestId('register-next').click();
    await expect.poll(() => wizard.getAttribute('data-step')).toBe('vulnerability');
    await a.getByTestId('register-next').click();
    await a.getByTestId('register-review').waitFor();
    await a.getByTestId('register-submit').click();
    await a.getByTestId('person-page').waitFor();

    await a.getByTestId('assess-person').click();
    await a.locator('[data-testid="indicator-set"][data-set-id="forced-criminality-online-scams"]').waitFor();
    await answer(a, 'fc_recruited_job_offer');
    await answer(a, 'fc_confined');
    await answer(a, 'fc_forced_online_fraud');
    const decision = a.getByTestId('decision-form');
    await decision.getByLabel('Presumed victim').check();
    await decision.getByLabel('Rationale').fill('Recruited by a fake job ad, confined, forced to run scams.');
    await a.getByTestId('assessment-submit').click();
    await a.getByTestId('non-punishment-flag').waitFor();

    await a.getByTestId('consent-add').click();
    const consent = a.getByTestId('consent-form');
    await choose(consent, a, 'Purpose', 'Refe', 'Referral');
    await consent.getByLabel('Identity').check();
    await consent.getByLabel('Assessment').check();
    await choose(consent, a, 'Recipient country', 'Camb', 'Cambodia (KH)');
    await choose(consent, a, 'The person is', 'Adu', 'Adult');
    await consent.getByLabel('Witness', { exact: true }).fill('Malee Witness');
    await consent.getByLabel('Valid until').fill(inAYear());
    await a.getByTestId('consent-submit').click();
    await consent.waitFor({ state: 'detached' });

    // 4. Open a case, refer the person to Cambodia from it, and send.
    await a.getByTestId('open-case').click();
    const casePage = a.getByTestId('case-page');
    await casePage.waitFor({ timeout: UI_TIMEOUT });
    const caseId = (await casePage.getAttribute('data-case-id')) ?? '';
    await casePage.getByTestId('refer-person').click();
    const form = a.getByTestId('refer-form');
    await form.waitFor();
    await a.getByTestId('refer-peer').click();
    await a.getByRole('option', { name: 'Cambodia — Jaring Cambodia', exact: true }).click();
    // The receiving node files it only under an agency of its own: Cambodia's node lists them.
    await chooseAgency(a, 'Jaring Camb', 'Jaring Cambodia administration');
    await a.getByTestId('refer-create').click();
    const thView = a.getByTestId('referral-page');
    await thView.waitFor();
    const referralId = (await thView.getAttribute('data-referral-id')) ?? '';
    expect(referralId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await a.getByTestId('referral-categories').innerText()).toMatch(
      /Identity.*Assessment|Assessment.*Identity/,
    );
    await a.getByTestId('referral-send').click();
    const thStatus = a.getByTestId(`referral-status-${referralId}`);
    await expect.poll(() => thStatus.innerText(), { timeout: 20_000 }).toMatch(/^(Sent|Received)$/);
    // The sent referral is the case's outgoing HTCDS referral.
    await a.goto(`${th.base}/victims/cases/${caseId}`);
    const referred = a.getByTestId('case-referral').getByTestId('referral-referredOrganisation');
    await expect
      .poll(async () => ((await referred.count()) > 0 ? referred.innerText() : ''), { timeout: UI_TIMEOUT })
      .toContain('Jaring Cambodia administration');
    expect(await a.getByTestId('case-referral').innerText()).toContain('Migration or change of location');
    await a.goto(`${th.base}/referrals/${referralId}`);

    // 5. In Cambodia: the incoming list shows it; open, read the assessment, accept, record a step.
    await logInChangingPassword(b, kh.base, 'kh_focal', KH_PASSWORD);
    await b.getByTestId('nav-referrals').click();
    await b.getByTestId('referrals-tab-incoming').click();
    const row = b.getByTestId(`referral-row-${referralId}`);
    await expect
      .poll(
        async () => {
          if ((await row.count()) === 0) {
            await b.reload();
            await b.getByTestId('referrals-tab-incoming').waitFor();
          }
          return row.count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(1);
    expect(await row.innerText()).toContain('(Thailand)');
    await row.getByRole('link').click();
    const khView = b.getByTestId('referral-page');
    await khView.waitFor();
    expect(await b.getByTestId(`referral-status-${referralId}`).innerText()).toBe('Received');
    await b.getByTestId('referral-open-shared').click();
    const assessedBy = (await b.getByTestId('assessed-by').innerText()).trim();
    expect(assessedBy).toMatch(/^Assessed by .+ on .+; do not re-interview unless needed\.$/);
    expect(await b.getByTestId('shared-identity').innerText()).toContain('Srey Pov');
    expect(await b.getByTestId('referral-note').getAttribute('maxlength')).toBe('2000');
    await b.getByTestId('referral-note').fill('Accepted; family tracing starts in Kampot.');
    await b.getByTestId('referral-accept').click();
    await expect.poll(() => b.getByTestId(`referral-status-${referralId}`).innerText()).toBe('Accepted');
    await b.getByTestId('referral-record-step').click();
    await b.getByTestId('referral-event-step').waitFor();
    expect(await b.getByTestId('referral-event-step').innerText()).toContain(
      'Nationality verification: Done',
    );

    // 6. Back in Thailand: accepted, the step, and who opened the shared record.
    const seen = await referralText(
      a,
      (text) => text.includes('Nationality verification: Done') && text.includes('Sokha Focal Point ('),
    );
    expect(await a.getByTestId('referral-event-accepted').innerText()).toContain(
      'Accepted; family tracing starts in Kampot.',
    );
    expect(await a.getByTestId('referral-event-step').innerText()).toContain(
      'Nationality verification: Done',
    );
    expect(await a.getByTestId('referral-receipts').innerText()).toContain('Sokha Focal Point');
    expect(await thStatus.innerText()).toBe('In progress');
    expect(seen).toContain('Received by the receiving country');

    // 7. A referral Cambodia's node refuses: its agency is renamed after Thailand chose it. Thailand
    // sees on the referral that it was not delivered and why, not an overdue one.
    await a.goto(`${th.base}/victims/cases/${caseId}`);
    await a.getByTestId('case-page').getByTestId('refer-person').click();
    await form.waitFor();
    await a.getByTestId('refer-peer').click();
    await a.getByRole('option', { name: 'Cambodia — Jaring Cambodia', exact: true }).click();
    await chooseAgency(a, 'admin', 'Jaring Cambodia administration');
    await a.getByTestId('refer-create').click();
    await a.getByTestId('referral-send').waitFor();
    const lostId = (await a.getByTestId('referral-page').getAttribute('data-referral-id')) ?? '';
    await logOut(b);
    await logIn(b, kh.base, 'admin', ADMIN_PASSWORD);
    const { body } = await apiRequest<{ agencies: { id: string; name: string }[] }>(
      b,
      'GET',
      '/api/agencies',
    );
    const renamed = await apiRequest(b, 'PATCH', `/api/agencies/${body.agencies[0]?.id}`, {
      name: 'Cambodia Department of Anti-Human Trafficking',
    });
    expect(renamed.status).toBe(200);
    await a.getByTestId('referral-send').click();
    const lost = await referralText(a, (text) => text.includes('Not delivered to Cambodia'));
    expect(lost).toContain('has no agency named "Jaring Cambodia administration"');
    expect(await a.getByTestId('referral-undelivered').getAttribute('data-reason')).toBe('unknown_agency');
    expect(await a.getByTestId(`referral-status-${lostId}`).innerText()).toBe('Not delivered');
    expect(await a.getByTestId(`referral-overdue-${lostId}`).count()).toBe(0);
    expect(await a.getByTestId('referral-event-undelivered').count()).toBe(1);
    // The timeline names who recorded it, and leaves the peer's English error to the box above.
    const event = await a.getByTestId('referral-event-undelivered').innerText();
    expect(event).toContain('this node');
    expect(event).not.toContain('unknown_agency');
    // Referring again starts from the same country, its agencies as they are now.
    await a.getByTestId('referral-refer-again').click();
    await form.waitFor();
    await chooseAgency(a, 'Anti', 'Cambodia Department of Anti-Human Trafficking');
    expect(dialogs).toEqual([]);
    await Promise.all([thContext.close(), khContext.close()]);
  }, 150_000);
});
