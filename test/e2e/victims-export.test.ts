import { readFileSync } from 'node:fs';
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
  startBrowserNode,
  UI_TIMEOUT,
} from '../helpers/browser.ts';

// The victims pages beyond registration, on a phone 360 px wide: a caseworker edits a registered
// person, works a case (team, a task with a due date, a note), downloads the HTCDS export (the
// header is the standard's; a file for a recipient leaves out persons without consent) and imports
// files: one refused with its row and column shown, and the export itself, which changes nothing.
// Last, an edit of a person merged away is refused plainly, pointing to the survivor.
const ADMIN_PASSWORD = 'an administrator password for e2e';
const CASEWORKER_PASSWORD = 'a caseworker password for e2e export';

let node: BrowserNode;
beforeAll(async () => {
  node = await startBrowserNode(ADMIN_PASSWORD);
});
afterAll(async () => node?.close());

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await logInChangingPassword(page, node.base, username, password);
}

/** Registers a person through the API as the signed-in caseworker; returns its id. */
async function registerThroughApi(page: Page, externalId: string): Promise<string> {
  const { status, body } = await apiRequest<{ person: { id: string } }>(
    page,
    'POST',
    '/api/victims/persons',
    {
      externalId,
      registeredOn: '2025-02-14',
      identity: { firstName: 'Dara', secondName: 'Sok', birthdate: '2001-04-12' },
      profile: { gender: 'Masculine', citizenship: ['KH'] },
      victim: { typeOfExploitation: ['ForcedCriminality'] },
    },
  );
  return status === 201 ? body.person.id : `${status} ${JSON.stringify(body)}`;
}

/** Merges `mergedId` into `survivorId` through the API (proposed and self-confirmed with a note). */
async function mergeThroughApi(page: Page, survivorId: string, mergedId: string): Promise<string> {
  const proposed = await apiRequest<{ merge: { id: string } }>(page, 'POST', '/api/victims/merges', {
    survivorId,
    mergedId,
    reason: 'Registered twice at the shelter',
  });
  const confirmed = await apiRequest(page, 'POST', `/api/victims/merges/${proposed.body.merge.id}/confirm`, {
    note: 'The only caseworker on duty; same birth date and phone',
  });
  return `${proposed.status} ${confirmed.status}`;
}

function yesterday(): string {
  return new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
}

describe('victims: person edit, case team/tasks/notes, HTCDS export and import in the web UI', () => {
  it('edits a person, works a case, downloads the HTCDS CSV and reports import problems', async () => {
    const admin = await node.browser.newPage();
    admin.setDefaultTimeout(UI_TIMEOUT);
    await logIn(admin, node.base, 'admin', ADMIN_PASSWORD);
    for (const [username, roles] of [
      ['e2e_export_cw', ['caseworker']],
      ['e2e_export_inv', ['investigator']],
    ] as const) {
      const status = await createUser(admin, {
        username,
        displayName: username === 'e2e_export_cw' ? 'Export Caseworker' : 'Export Investigator',
        roles: [...roles],
        password: CASEWORKER_PASSWORD,
      });
      expect(status).toBe(201);
    }
    await admin.close();

    const phone = await node.browser.newContext({ viewport: PHONE, hasTouch: true, acceptDownloads: true });
    const page = await phone.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await signIn(page, 'e2e_export_cw', CASEWORKER_PASSWORD);
    const personId = await registerThroughApi(page, 'E2E-EXPORT-1');
    expect(personId).toMatch(/^[0-9a-f-]{36}$/);

    // 1. Edit the person with the registration's fields; the change is saved.
    await page.goto(`${node.base}/victims/persons/${personId}`);
    await page.getByTestId('person-edit-open').click();
    const edit = page.getByTestId('person-edit');
    await edit.waitFor();
    expect(await edit.getByLabel('Family name').inputValue()).toBe('Sok');
    expect(await edit.getByLabel('Your reference').isDisabled()).toBe(true);
    await edit.getByLabel('Family name').fill('Sokha');
    await edit.getByLabel('Ethnic group').fill('Khmer');
    await fitsPhone(page);
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-page').waitFor();
    await expect.poll(() => page.getByTestId('person-name').innerText()).toBe('Dara Sokha');
    await page.reload();
    await expect.poll(() => page.getByTestId('person-name').innerText()).toBe('Dara Sokha');
    expect(await page.getByTestId('person-facts').innerText()).toContain('Khmer');

    // 2. A case: a team member, a task past its due date (overdue, then done), and a note.
    await page.getByTestId('open-case').click();
    const casePage = page.getByTestId('case-page');
    await casePage.waitFor();
    expect(await page.getByTestId('case-owner').innerText()).toContain('Export Caseworker');
    await page.getByTestId('team-add-select').click();
    await page.getByRole('option', { name: 'Export Investigator (e2e_export_inv)' }).click();
    await page.getByTestId('team-add').click();
    await expect.poll(() => page.getByTestId('team-members').innerText()).toContain('Export Investigator');

    const taskForm = page.getByTestId('task-form');
    await page.getByTestId('task-title').fill('Call the embassy about a travel document');
    await page.getByTestId('task-assignee').click();
    await page.getByRole('option', { name: 'Export Investigator', exact: true }).click();
    await page.getByTestId('task-due').fill(yesterday());
    await taskForm.getByTestId('task-submit').click();
    const task = page.getByTestId('task').filter({ hasText: 'Call the embassy' });
    await task.waitFor();
    expect(await task.getAttribute('data-overdue')).toBe('true');
    expect(await task.innerText()).toContain('Assigned to Export Investigator');
    await task.getByTestId('task-to-done').click();
    await expect.poll(() => task.getAttribute('data-status')).toBe('done');
    expect(await task.getAttribute('data-overdue')).toBe('false');

    await page.getByTestId('note-body').fill('Met him at the shelter; he asked to call his mother.');
    await page.getByTestId('note-submit').click();
    await expect
      .poll(() => page.getByTestId('note-list').innerText())
      .toContain('he asked to call his mother');
    const timeline = page.getByTestId('case-timeline');
    await expect.poll(() => timeline.locator('[data-type="case_note.create"]').count()).toBe(1);
    await expect.poll(() => timeline.locator('[data-type="case_task.update"]').count()).toBe(1);
    await fitsPhone(page);

    // 3. The HTCDS export: the button downloads a CSV whose header is the standard's.
    await page.getByTestId('victims-tab-htcds').click();
    await page.getByTestId('htcds-export-card').waitFor();
    await fitsPhone(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('htcds-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^htcds-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    const [header = '', ...rows] = csv.split('\r\n').filter((line) => line !== '');
    const columns = header.split(',');
    for (const column of ['prs_FirstName', 'prs_SecondName', 'vic_TypeOfExploitation', 'cas_Status']) {
      expect(columns).toContain(column);
    }
    expect(rows.length).toBe(1);
    expect(rows[0]).toContain('Sokha');
    const result = page.getByTestId('htcds-export-result');
    await expect.poll(() => result.innerText()).toContain('rows: 1, persons: 1, cases: 1');

    // A file for a recipient outside the node asks for the country and purpose first, and leaves
    // out the person: no consent of theirs covers a referral to Cambodia.
    await page.getByTestId('htcds-for-recipient').click();
    expect(await page.getByTestId('htcds-export').isDisabled()).toBe(true);
    await page.getByTestId('htcds-recipient-country').click();
    await page.getByTestId('htcds-recipient-country').fill('Camb');
    await page.getByRole('option', { name: 'Cambodia (KH)', exact: true }).click();
    await page.getByTestId('htcds-purpose').click();
    await page.getByRole('option', { name: 'Referral', exact: true }).click();
    await fitsPhone(page);
    const [shared] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('htcds-export').click(),
    ]);
    const sharedRows = readFileSync(await shared.path(), 'utf8')
      .split('\r\n')
      .filter((line) => line !== '');
    expect(sharedRows).toEqual([header]);
    await expect.poll(() => result.innerText()).toContain('1 person was left out');
    await page.getByTestId('htcds-for-recipient').click();

    // 4. Import: a file with a bad cell writes nothing and names its row and column.
    const bad = columns.map((column) => {
      if (column === 'prs_Birthdate') return '2001-13-40';
      if (column === 'prs_FirstName') return 'Kim';
      if (column === 'jar_PersonExternalId') return 'E2E-IMPORT-1';
      return '';
    });
    await page.getByTestId('htcds-import-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\r\n${bad.join(',')}\r\n`),
    });
    expect(await page.getByTestId('htcds-import-name').innerText()).toBe('bad.csv');
    await page.getByTestId('htcds-import').click();
    const problems = page.getByTestId('htcds-problems');
    await problems.waitFor();
    const problem = problems.locator('tbody tr[data-column="prs_Birthdate"]');
    expect(await problem.getAttribute('data-row')).toBe('2');
    expect(await page.getByTestId('htcds-import-refused').innerText()).toContain('Nothing was imported');
    await fitsPhone(page);

    // The export itself imports back with nothing new.
    await page.getByTestId('htcds-import-file').setInputFiles({
      name: 'export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByTestId('htcds-import').click();
    const imported = page.getByTestId('htcds-import-result');
    await imported.waitFor();
    const persons = page.getByTestId('htcds-import-counts').locator('[data-part="persons"] td');
    expect(await persons.allInnerTexts()).toEqual(['Persons', '0', '0', '1']);
    await page.getByTestId('victims-tab-persons').click();
    await expect.poll(() => page.getByTestId('persons-table').locator('tbody tr').count()).toBe(1);

    // 5. A person merged away takes no edit: the 409 is said plainly, with the way to the survivor.
    const twinId = await registerThroughApi(page, 'E2E-EXPORT-2');
    expect(await mergeThroughApi(page, personId, twinId)).toBe('201 200');
    await page.goto(`${node.base}/victims/persons/${twinId}/edit`);
    await page.getByTestId('person-edit').getByLabel('Ethnic group').fill('Khmer');
    await page.getByTestId('person-save').click();
    const merged = page.getByTestId('person-merged');
    await merged.waitFor();
    expect(await merged.innerText()).toContain('This person was merged into another record');
    await page.getByTestId('person-survivor').click();
    await expect.poll(() => page.getByTestId('person-page').getAttribute('data-person-id')).toBe(personId);
    await phone.close();
  }, 240_000);

  it('keeps the agency directory of organisations: a caseworker adds and edits one, an investigator only reads', async () => {
    const admin = await node.browser.newPage();
    admin.setDefaultTimeout(UI_TIMEOUT);
    await logIn(admin, node.base, 'admin', ADMIN_PASSWORD);
    for (const [username, role] of [
      ['e2e_org_cw', 'caseworker'],
      ['e2e_org_inv', 'investigator'],
    ] as const) {
      const status = await createUser(admin, {
        username,
        displayName: username,
        roles: [role],
        password: CASEWORKER_PASSWORD,
      });
      expect(status).toBe(201);
    }
    await admin.close();

    const phone = await node.browser.newContext({ viewport: PHONE, hasTouch: true });
    const page = await phone.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await signIn(page, 'e2e_org_cw', CASEWORKER_PASSWORD);
    await page.goto(`${node.base}/victims/organisations`);
    const tab = page.getByTestId('organisations-tab');
    await tab.waitFor();
    await page.getByTestId('organisation-new').click();
    const form = page.getByTestId('organisation-form');
    await form.getByLabel('Name').fill('Shelter of Hope');
    await form.getByRole('combobox', { name: 'Type', exact: true }).click();
    await page.getByRole('option', { name: 'NGO', exact: true }).click();
    await form.getByLabel('City or town').fill('Phnom Penh');
    await form.getByLabel('Phone').fill('+855 23 123 456');
    await fitsPhone(page);
    await page.getByTestId('organisation-save').click();
    const table = page.getByTestId('organisations-table');
    await expect.poll(() => table.innerText(), { timeout: UI_TIMEOUT }).toContain('Shelter of Hope');
    expect(await table.innerText()).toContain('NGO');

    await table
      .getByRole('row', { name: /Shelter of Hope/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    await page.getByTestId('organisation-form').getByLabel('Phone').fill('+855 23 999 000');
    await page.getByTestId('organisation-save').click();
    await expect.poll(() => table.innerText(), { timeout: UI_TIMEOUT }).toContain('+855 23 999 000');
    await phone.close();

    const readerContext = await node.browser.newContext({ viewport: PHONE, hasTouch: true });
    const reader = await readerContext.newPage();
    reader.setDefaultTimeout(UI_TIMEOUT);
    await signIn(reader, 'e2e_org_inv', CASEWORKER_PASSWORD);
    await reader.goto(`${node.base}/victims/organisations`);
    await expect
      .poll(() => reader.getByTestId('organisations-table').innerText(), { timeout: UI_TIMEOUT })
      .toContain('Shelter of Hope');
    expect(await reader.getByTestId('organisation-new').count()).toBe(0);
    await readerContext.close();
  });

  it("leads a researcher from the home page to the agency's statistics, and only there", async () => {
    const admin = await node.browser.newPage();
    admin.setDefaultTimeout(UI_TIMEOUT);
    await logIn(admin, node.base, 'admin', ADMIN_PASSWORD);
    const status = await createUser(admin, {
      username: 'e2e_researcher',
      displayName: 'E2E Researcher',
      roles: ['researcher'],
      password: CASEWORKER_PASSWORD,
    });
    expect(status).toBe(201);
    await admin.close();

    const page = await node.browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await signIn(page, 'e2e_researcher', CASEWORKER_PASSWORD);
    await page.getByRole('link', { name: 'Victims' }).first().click();
    await page.getByTestId('statistics-tab').waitFor();
    expect(new URL(page.url()).pathname).toBe('/victims/statistics');
    expect(await page.getByTestId('victims-tab-persons').count()).toBe(0);
    // The persons registered above: men of Cambodia, named through the labels and region names.
    await expect.poll(() => page.getByTestId('statistics-gender').innerText()).toContain('Male');
    const citizenship = await page.getByTestId('statistics-citizenship').innerText();
    expect(citizenship).toContain('Cambodia');
    expect(citizenship).toMatch(/fewer than 5|\d/);
    expect(await page.getByTestId('statistics-total').innerText()).toMatch(
      /^Victims registered: (fewer than 5|\d+)$/,
    );
    await page.close();
  });
});
