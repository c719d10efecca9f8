import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiRequest,
  type BrowserNode,
  createUser,
  fitsPhone,
  logIn,
  logInChangingPassword,
  PHONE,
  reportPageTrouble,
  startBrowserNode,
  UI_TIMEOUT,
} from '../helpers/browser.ts';

// Two registrations of one person, merged by four eyes in the web UI on a phone 360 px wide:
// caseworker A registers the person twice (the second time through the wizard, which warns), sees
// the first as a possible duplicate with its reasons and proposes the merge; caseworker B confirms
// it; the merged-away record's page says where it went and the survivor lists it; B unmerges it.
// Then A merges them again alone (with a note; flagged self-confirmed), edits a case task's
// title and due date, and registers a person with a long unbroken name.
const ADMIN_PASSWORD = 'an administrator password for e2e';
const PASSWORD = 'a caseworker password for e2e merge';

let node: BrowserNode;
beforeAll(async () => {
  node = await startBrowserNode(ADMIN_PASSWORD);
});
afterAll(async () => node?.close());

async function signIn(page: Page, username: string): Promise<void> {
  await logInChangingPassword(page, node.base, username, PASSWORD);
}

async function phonePage(username: string): Promise<Page> {
  const context = await node.browser.newContext({ viewport: PHONE, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  reportPageTrouble(page, username);
  await signIn(page, username);
  return page;
}

const IDENTITY = { firstName: 'Thi Dao', secondName: 'Nguyen', birthdate: '1999-07-03' };

/** A registration through the API as the signed-in caseworker (the first, by default); returns its id. */
async function registerThroughApi(page: Page, identity: object = IDENTITY): Promise<string> {
  const { status, body } = await apiRequest<{ person: { id: string } }>(
    page,
    'POST',
    '/api/victims/persons',
    {
      registeredOn: '2025-02-10',
      identity,
      profile: { gender: 'Feminine', citizenship: ['VN'] },
      victim: { typeOfExploitation: ['ForcedCriminality'] },
    },
  );
  return status === 201 ? body.person.id : `${status} ${JSON.stringify(body)}`;
}

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('victims: duplicate merge by four eyes, and task editing, in the web UI', () => {
  it('proposes, confirms, shows the tombstone, unmerges, self-confirms, and edits a task due date', async () => {
    const admin = await node.browser.newPage();
    admin.setDefaultTimeout(UI_TIMEOUT);
    await logIn(admin, node.base, 'admin', ADMIN_PASSWORD);
    for (const [username, displayName, role] of [
      ['e2e_merge_a', 'Merge Caseworker A', 'caseworker'],
      ['e2e_merge_b', 'Merge Caseworker B', 'caseworker'],
      ['e2e_merge_fp', 'Merge Focal Point', 'referral_focal_point'],
    ] as const) {
      expect(await createUser(admin, { username, displayName, roles: [role], password: PASSWORD })).toBe(201);
    }
    await admin.close();

    // 1. Caseworker A registers the person twice; the wizard warns of the first record.
    const a = await phonePage('e2e_merge_a');
    const firstId = await registerThroughApi(a);
    expect(firstId).toMatch(/^[0-9a-f-]{36}$/);
    await a.goto(`${node.base}/victims/register`);
    const wizard = a.getByTestId('register-wizard');
    await wizard.waitFor();
    await wizard.getByLabel('Given name').fill(IDENTITY.firstName);
    await wizard.getByLabel('Family name').fill(IDENTITY.secondName);
    await wizard.getByLabel('Date of birth').fill(IDENTITY.birthdate);
    await a.getByTestId('duplicate-warning').waitFor();
    for (const step of ['exploitation', 'vulnerability', 'review']) {
      await a.getByTestId('register-next').click();
      await expect.poll(() => wizard.getAttribute('data-step')).toBe(step);
    }
    await a.getByTestId('register-submit').click();
    const personPage = a.getByTestId('person-page');
    await personPage.waitFor();
    const secondId = await personPage.getAttribute('data-person-id');
    expect(secondId).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondId).not.toBe(firstId);
    if (!secondId) throw new Error('no person id');

    // 2. The second record's page lists the first as a possible duplicate, with why.
    const candidate = a.locator(`[data-testid="duplicate-candidate"][data-person-id="${firstId}"]`);
    await candidate.waitFor();
    expect(await candidate.getByTestId('merge-reasons').getAttribute('data-level')).toBe('high');
    const reasons = await candidate.getByTestId('merge-reasons').innerText();
    expect(reasons).toContain('Very likely');
    expect(reasons).toContain('Similar name (100% alike)');
    expect(reasons).toContain('Same date of birth');
    await fitsPhone(a);

    // 3. A proposes merging this (second) record into the first, which survives.
    await candidate.getByTestId('merge-propose').click();
    const form = a.getByTestId('merge-propose-form');
    await form.waitFor();
    await a.getByTestId('merge-keep-other').click();
    expect(await a.getByTestId('merge-propose-submit').isDisabled()).toBe(true);
    await a.getByTestId('merge-reason').fill('Registered twice: same name and date of birth, same shelter.');
    await a.getByTestId('merge-propose-submit').click();
    const notice = a.getByTestId('merge-proposed');
    await notice.waitFor();
    expect(await notice.getAttribute('data-status')).toBe('proposed');

    // The proposer sees it waiting for a second caseworker, and may only confirm it alone.
    await a.getByTestId('victims-tab-merges').click();
    const pendingForA = a.getByTestId('merges-pending').getByTestId('merge-card');
    await pendingForA.waitFor();
    const mergeId = await pendingForA.getAttribute('data-merge-id');
    expect(mergeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await pendingForA.getByTestId('merge-yours').isVisible()).toBe(true);
    expect(await pendingForA.getByTestId('merge-confirm').innerText()).toBe('Confirm alone');
    await fitsPhone(a);

    // 4. Caseworker B confirms it: four eyes, not flagged as self-confirmed.
    const b = await phonePage('e2e_merge_b');
    await b.goto(`${node.base}/victims/merges`);
    const card = b.locator(`[data-testid="merge-card"][data-merge-id="${mergeId}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('proposed');
    expect(await card.innerText()).toContain('Registered twice');
    expect(await card.getByTestId('merge-confirm').innerText()).toBe('Confirm the merge');
    await card.getByTestId('merge-confirm').click();
    await card.getByTestId('merge-step-submit').click();
    const merged = b.getByTestId('merges-history').locator(`[data-merge-id="${mergeId}"]`);
    await expect.poll(() => merged.getAttribute('data-status')).toBe('merged');
    expect(await merged.getAttribute('data-self-confirmed')).toBe('false');
    expect(await merged.innerText()).toContain('Decided by Merge Caseworker B');
    await fitsPhone(b);

    // 5. The merged-away record says where it went; the survivor lists it.
    await b.goto(`${node.base}/victims/persons/${secondId}`);
    const banner = b.getByTestId('merged-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('This record was merged into another');
    // The duplicates query's 409 can show the banner a moment before the merge group arrives and
    // hides the page's actions: wait for the page to settle.
    await expect.poll(() => b.getByTestId('person-edit-open').count()).toBe(0);
    expect(await b.getByTestId('person-duplicates').count()).toBe(0);
    // Nothing new is recorded on it, consent included; its consents stay listed (and withdrawable).
    await b.getByTestId('consent-panel').waitFor();
    expect(await b.getByTestId('consent-add').count()).toBe(0);
    await fitsPhone(b);
    const survivorLink = b.getByTestId('merged-survivor');
    expect(await survivorLink.getAttribute('data-person-id')).toBe(firstId);
    await expect.poll(() => survivorLink.innerText()).toMatch(/^Thi Dao Nguyen \(P-[A-Z0-9-]+\)$/);
    await survivorLink.click();
    await expect.poll(() => b.getByTestId('person-page').getAttribute('data-person-id')).toBe(firstId);
    const records = b.getByTestId('merged-records');
    await records.waitFor();
    expect(await records.locator(`[data-person-id="${secondId}"]`).count()).toBe(1);
    // The API agrees: the tombstone answers 409 `merged` naming the survivor.
    const tombstone = await apiRequest(b, 'GET', `/api/victims/persons/${secondId}/duplicates`);
    expect(tombstone.status).toBe(409);
    expect(JSON.stringify(tombstone.body)).toContain(firstId);
    // A focal point (who cannot read merge groups) is not offered to record a consent there either.
    const fp = await phonePage('e2e_merge_fp');
    await fp.goto(`${node.base}/victims/persons/${secondId}`);
    await fp.getByTestId('consent-merged-away').waitFor();
    expect(await fp.getByTestId('consent-add').count()).toBe(0);
    expect(await fp.getByTestId('consent-survivor').getAttribute('href')).toBe(`/victims/persons/${firstId}`);
    await fp.context().close();

    // 6. B undoes the merge with a reason: the second record is live again.
    await b.getByTestId('victims-tab-merges').click();
    const history = b.getByTestId('merges-history').locator(`[data-merge-id="${mergeId}"]`);
    await history.getByTestId('merge-unmerge').click();
    expect(await history.getByTestId('merge-step-submit').isDisabled()).toBe(true);
    await history.getByTestId('merge-step-text').fill('Different mothers named at the interview.');
    await history.getByTestId('merge-step-submit').click();
    await expect.poll(() => history.getAttribute('data-status')).toBe('unmerged');
    expect(await history.innerText()).toContain('Different mothers named');
    await b.goto(`${node.base}/victims/persons/${secondId}`);
    await b.getByTestId('person-duplicates').waitFor();
    expect(await b.getByTestId('merged-banner').count()).toBe(0);
    await b.getByTestId('consent-add').waitFor();
    await b.context().close();

    // A field office with one caseworker: A merges again and confirms alone, with a note; the
    // server flags it, and the page turns into the tombstone's at once.
    await a.goto(`${node.base}/victims/persons/${secondId}`);
    const again = a.locator(`[data-testid="duplicate-candidate"][data-person-id="${firstId}"]`);
    await again.getByTestId('merge-propose').click();
    await a.getByTestId('merge-keep-other').click();
    await a.getByTestId('merge-reason').fill('Same person: her mother confirmed it by phone.');
    await a.getByTestId('merge-self-confirm').click();
    expect(await a.getByTestId('merge-propose-submit').isDisabled()).toBe(true);
    await a.getByTestId('merge-self-note').fill('The only caseworker at the border post this week.');
    await a.getByTestId('merge-propose-submit').click();
    await a.getByTestId('merged-banner').waitFor();
    await a.getByTestId('victims-tab-merges').click();
    const alone = a.getByTestId('merges-history').getByTestId('merge-card').first();
    await expect.poll(() => alone.getAttribute('data-status')).toBe('merged');
    expect(await alone.getAttribute('data-self-confirmed')).toBe('true');
    expect(await alone.getByTestId('merge-self-confirmed').innerText()).toBe('Self-confirmed');

    // 7. A edits a case task: a new title and a later due date (no longer overdue).
    await a.goto(`${node.base}/victims/persons/${firstId}`);
    await a.getByTestId('open-case').click();
    const casePage = a.getByTestId('case-page');
    await casePage.waitFor();
    const caseId = await casePage.getAttribute('data-case-id');
    await a.getByTestId('task-title').fill('Ask the embassy for a travel document');
    await a.getByTestId('task-due').fill(daysFromToday(-2));
    await a.getByTestId('task-form').getByTestId('task-submit').click();
    const task = a.getByTestId('task').filter({ hasText: 'travel document' });
    await task.waitFor();
    expect(await task.getAttribute('data-overdue')).toBe('true');
    await task.getByTestId('task-edit').click();
    const editForm = a.getByTestId('task-edit-form');
    await editForm.waitFor();
    expect(await a.getByTestId('task-edit-save').isDisabled()).toBe(true);
    const later = daysFromToday(10);
    await a.getByTestId('task-edit-due').fill(later);
    await a.getByTestId('task-edit-title').fill('Ask the embassy for an emergency travel document');
    await fitsPhone(a);
    await a.getByTestId('task-edit-save').click();
    await editForm.waitFor({ state: 'detached' });
    await expect.poll(() => task.getAttribute('data-overdue')).toBe('false');
    expect(await task.innerText()).toContain('emergency travel document');
    const tasks = await apiRequest(a, 'GET', `/api/victims/cases/${caseId}/tasks`);
    expect(tasks.status).toBe(200);
    expect(tasks.body).toMatchObject({
      tasks: [{ title: 'Ask the embassy for an emergency travel document', dueOn: later }],
    });
    await expect
      .poll(() => a.getByTestId('case-timeline').locator('[data-type="case_task.update"]').count())
      .toBe(1);

    // 8. A long unbroken name (198 letters, as typed) stays on the phone's screen: the person's page
    // keeps its controls in view, and the persons table does not grow past its own scroll box.
    const longName = 'Nguyenthidao'.repeat(16).slice(0, 198);
    const longId = await registerThroughApi(a, { firstName: longName });
    expect(longId).toMatch(/^[0-9a-f-]{36}$/);
    await a.goto(`${node.base}/victims/persons/${longId}`);
    await expect.poll(() => a.getByTestId('person-name').innerText()).toBe(longName);
    await a.getByTestId('open-case').waitFor();
    await fitsPhone(a);
    await a.goto(`${node.base}/victims`);
    const table = a.getByTestId('persons-table');
    await table.locator(`[data-person-id="${longId}"]`).waitFor();
    expect(await table.evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(641);
    await a.context().close();
  }, 240_000);
});
