import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { csvOf, htcdsRow } from '../../../test/helpers/htcds-rows.ts';
import { refusal } from '../../../test/helpers/victims.ts';

// The API a browser uses: upload a file, download the agency's file, as each role sees it.

let t: TestApp;
let caseworker: TestClient;
let investigator: TestClient;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp({ JARING_HTCDS_MAX_BYTES: String(64 * 1024) });
  caseworker = await t.loginAs(['caseworker']);
  investigator = await t.loginAs(['investigator']);
});
afterAll(async () => t?.close());

const upload = (client: TestClient, body: string | Uint8Array, type = 'text/csv', query = '') =>
  t.app.request(`/api/victims/htcds/import${query}`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': type },
    body,
  });

async function persons(): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from persons`.execute(t.deps.db);
  return Number(r.rows[0]?.n);
}

/** Rows owned by the test caseworker (the owner must be a user of the agency). */
async function file(n: number) {
  const owner = await t.deps.db
    .selectFrom('users')
    .select('username')
    .where('id', '=', caseworker.userId)
    .executeTakeFirstOrThrow();
  return csvOf(Array.from({ length: n }, (_, i) => htcdsRow(i, { owner: owner.username })));
}

describe('refusals', () => {
  it('answers 400 naming each row and column, and writes nothing', async () => {
    const bad = (await file(3)).replace('TH-P-000001', '').replace('2025-03-02', '2025-13-02');
    const { code, paths } = await refusal(await upload(caseworker, bad), 400);
    expect(code).toBe('bad_request');
    expect(paths).toEqual(['3.jar_PersonExternalId', '4.jar_CaseOpenedOn']);
    expect(await persons()).toBe(0);
  });

  it('refuses malformed, oversized, form-encoded and unknown uploads', async () => {
    const malformed = await refusal(await upload(caseworker, 'jar_PersonExternalId\n"open\n'), 400);
    expect(malformed).toEqual({ code: 'invalid_file', paths: ['(file)'] });
    const big = await refusal(await upload(caseworker, 'x'.repeat(70 * 1024)), 413);
    expect(big.code).toBe('body_too_large');
    expect((await upload(caseworker, 'a=b', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await upload(caseworker, 'x', 'application/pdf')).status).toBe(415);
    const fakeXlsx = await refusal(await upload(caseworker, 'jar_PersonExternalId\nP1\n', XLSX), 400);
    expect(fakeXlsx.code).toBe('invalid_file');
    expect(await persons()).toBe(0);
  });
});

describe('import and export over HTTP', () => {
  it('imports a CSV and gives it back byte for byte to a caseworker; investigators get pseudonyms', async () => {
    const csv = await file(5);
    const res = await upload(caseworker, csv);
    const report = await res.json();
    expect(res.status, JSON.stringify(report)).toBe(200);
    expect(report).toMatchObject({
      rows: 5,
      written: true,
      problems: [],
      counts: { persons: { created: 5 } },
    });

    const again = await (await upload(caseworker, csv)).json();
    expect(again.counts.persons).toEqual({ created: 0, updated: 0, unchanged: 5 });

    const download = await caseworker.request('GET', '/api/victims/htcds/export?format=csv');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename="htcds-.*\.csv"/);
    expect(download.headers.get('x-htcds-view')).toBe('identity');
    expect(await download.text()).toBe(csv);

    const theirs = await investigator.request('GET', '/api/victims/htcds/export?format=csv');
    const text = await theirs.text();
    expect(theirs.headers.get('x-htcds-view')).toBe('mixed'); // row 4 is a recruiter: investigators see perpetrators
    expect(text).not.toContain('Somchai');
    expect(text).not.toContain('person0@example.org');
    expect(text).not.toContain('TH-P-000000');
    expect(text).toMatch(/P-[A-Z2-7]{5}-[A-Z2-7]{5}/);
    expect(text).not.toContain('Lost work after the floods'); // narratives are caseworkers'
    // Cases are the caseworkers' and their teams': off every team, the investigator's file has none.
    expect(text).not.toMatch(/TH-C-\d{6}/);
    expect(text.trimEnd().split('\r\n')).toHaveLength(6);
    const [caseRow] = await t.deps.db
      .selectFrom('cases')
      .select('id')
      .where('external_id', '=', 'TH-C-000001')
      .execute();
    const joined = await caseworker.request('POST', `/api/victims/cases/${caseRow?.id}/team`, {
      userId: investigator.userId,
    });
    expect(joined.status).toBe(201);
    const onTeam = await (await investigator.request('GET', '/api/victims/htcds/export?format=csv')).text();
    expect([...new Set(onTeam.match(/TH-C-\d{6}/g))]).toEqual(['TH-C-000001']);

    const xlsx = await caseworker.request('GET', '/api/victims/htcds/export?format=xlsx');
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    const viaXlsx = await (await upload(caseworker, bytes, XLSX)).json();
    expect(viaXlsx.counts.persons).toEqual({ created: 0, updated: 0, unchanged: 5 });

    const audit = await t.deps.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_id'])
      .where('action', 'in', ['person.export', 'htcds.export', 'htcds.import'])
      .execute();
    expect(
      audit.filter((a) => a.action === 'person.export' && a.actor_id === caseworker.userId),
    ).toHaveLength(10);
    expect(audit.filter((a) => a.action === 'htcds.export')).toHaveLength(4);
  });

  it('puts in a file for a recipient outside the node only the persons whose consent allows it', async () => {
    const query = '?format=csv&recipientCountry=VN&purpose=information_sharing';
    const none = await caseworker.request('GET', `/api/victims/htcds/export${query}`);
    expect(none.headers.get('x-htcds-persons')).toBe('0');
    expect(Number(none.headers.get('x-htcds-withheld'))).toBe(5);

    const adult = await t.deps.db
      .selectFrom('persons')
      .select('id')
      .where('external_id', '=', 'TH-P-000001')
      .executeTakeFirstOrThrow();
    const day = 86_400_000;
    const consent = await caseworker.request('POST', `/api/victims/persons/${adult.id}/consents`, {
      purpose: 'information_sharing',
      categories: ['identity', 'assessment', 'case_history'],
      recipient: { country: 'VN' },
      subjectAge: 'adult',
      givenBy: { kind: 'subject' },
      method: { kind: 'verbal', witness: { name: 'Khun Malee', role: 'interpreter' } },
      htcds: { con_Consent: true },
      givenAt: new Date(Date.now() - day).toISOString(),
      expiresAt: new Date(Date.now() + 365 * day).toISOString(),
    });
    expect(consent.status, await consent.text()).toBe(201);
    const one = await caseworker.request('GET', `/api/victims/htcds/export${query}`);
    expect(one.headers.get('x-htcds-persons')).toBe('1');
    expect(await one.text()).toContain('TH-P-000001');

    const half = await refusal(
      await caseworker.request('GET', '/api/victims/htcds/export?recipientCountry=VN'),
      400,
    );
    expect(half.paths).toEqual(['purpose']);
  });
});
