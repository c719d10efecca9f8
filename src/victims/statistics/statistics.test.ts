import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { call, openCaseWith } from '../../../test/helpers/cases.ts';
import { pinsSmallDifference } from '../../../test/helpers/disclosure.ts';
import { loginInOtherAgency, refusal } from '../../../test/helpers/victims.ts';

// GET /api/victims/statistics over a small fixture: the counts, suppression of 1–4 with its
// complement and rounding to 5, whole-month ranges, who may read it, that no identity leaves, bad
// queries, and one audit entry a request.

let t: TestApp;
let caseworker: TestClient;
let researcher: TestClient;
const personIds: string[] = [];
const names: string[] = [];

type Spec = {
  registeredOn: string;
  gender?: string;
  age?: number;
  citizenship: string[];
  exploitation: string[];
  forced?: string[];
};

async function register(spec: Spec, client = caseworker): Promise<string> {
  const firstName = `Zq${randomUUID().slice(0, 8)}`;
  names.push(firstName);
  const body = await call(client, 'POST', '/api/victims/persons', 201, {
    externalId: `stat-${names.length}`,
    registeredOn: spec.registeredOn,
    identity: { firstName, identityNumber: `ID-${firstName}` },
    profile: {
      gender: spec.gender ?? null,
      ageAtRegistration: spec.age ?? null,
      citizenship: spec.citizenship,
    },
    victim: {
      traffickingStatus: 'PossibleVictimOfTrafficking',
      typeOfExploitation: spec.exploitation,
      forcedCriminalityTypes: spec.forced ?? [],
    },
  });
  personIds.push(body.person.id);
  return body.person.id;
}

type Decision = 'victim' | 'presumed_victim' | 'needs_more_information';

async function assess(personId: string, decision: Decision, nonPunishment: boolean, at: string) {
  const user = await t.deps.db
    .selectFrom('users')
    .select(['id', 'agency_id'])
    .where('id', '=', caseworker.userId)
    .executeTakeFirstOrThrow();
  await t.deps.db
    .insertInto('identification_assessments')
    .values({
      id: randomUUID(),
      person_id: personId,
      agency_id: user.agency_id,
      subject_age: 'adult',
      answers: '[]',
      result: '{}',
      set_versions: '[]',
      national_set: null,
      non_punishment: nonPunishment,
      decision,
      deciding_agency_id: user.agency_id,
      narrative_enc: 'not-read-by-statistics',
      assessed_at: at,
      recorded_by: user.id,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.loginAs(['caseworker']);
  researcher = await t.loginAs(['researcher']);
  // 14 victims: 13 registered in 2025, one in 2024.
  // gender Feminine 8, Masculine 5, none 1; ages 18–25 ×9, 26–35 ×4, none 1;
  // citizenship VN 12, KH 2; exploitation ForcedCriminality+ForcedLabour 10, SexualExploitation 4;
  // forced criminality RomanceInvestmentScam 6, MoneyLaunderingOrMoneyMule 4.
  for (let i = 0; i < 14; i++) {
    const forced = i < 10;
    await register({
      registeredOn: i === 13 ? '2024-12-31' : '2025-03-01',
      gender: i < 8 ? 'Feminine' : i < 13 ? 'Masculine' : undefined,
      age: i < 9 ? 20 : i < 13 ? 30 : undefined,
      citizenship: i < 12 ? ['VN'] : ['KH'],
      exploitation: forced ? ['ForcedCriminality', 'ForcedLabour'] : ['SexualExploitation'],
      forced: forced ? [i < 6 ? 'RomanceInvestmentScam' : 'MoneyLaunderingOrMoneyMule'] : [],
    });
  }
  // Latest decisions: victim ×6 (one decided after needing more information), presumed_victim ×2.
  for (let i = 0; i < 8; i++) {
    const id = personIds[i] ?? '';
    if (i === 0) await assess(id, 'needs_more_information', false, '2025-03-02T10:00:00Z');
    await assess(id, i < 6 ? 'victim' : 'presumed_victim', i < 6, '2025-03-03T10:00:00Z');
  }
  await openCaseWith(caseworker, [personIds[0] ?? '']);
  // Not counted: a perpetrator only, and a victim of another agency.
  await call(caseworker, 'POST', '/api/victims/persons', 201, { perpetrator: { roleInProcess: [] } });
  const other = await loginInOtherAgency(t, ['caseworker']);
  await call(other, 'POST', '/api/victims/persons', 201, {
    victim: { typeOfExploitation: ['ForcedLabour'] },
  });
});
afterAll(async () => t?.close());

const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };

async function statistics(client: TestClient, query = '') {
  return call(client, 'GET', `/api/victims/statistics${query}`, 200);
}

describe('GET /api/victims/statistics', () => {
  it("counts the agency's victims by each breakdown, withholding 1–4 and a complement, rounding the rest to 5", async () => {
    const s = await statistics(researcher);
    expect(s.k).toBe(5);
    expect(s.roundedTo).toBe(5);
    expect(s.persons.total).toEqual(shown(15)); // 14
    // Masculine (5) is withheld with the single person of no gender: 14 − 8 leaves 6 for the two.
    expect(s.persons.gender).toEqual({
      multiValued: false,
      total: shown(15),
      cells: [
        { key: 'Feminine', count: shown(10) }, // 8
        { key: 'Masculine', count: hidden },
        { key: null, count: hidden },
      ],
    });
    expect(s.persons.ageGroup.cells).toEqual([
      { key: '0-11', count: shown(0) },
      { key: '12-17', count: shown(0) },
      { key: '18-25', count: shown(10) }, // 9
      { key: '26-35', count: hidden },
      { key: '36-50', count: shown(0) },
      { key: '51+', count: shown(0) },
      { key: null, count: hidden },
    ]);
    // KH (2) alone is withheld, so VN, the only other cell, is withheld too.
    expect(s.persons.citizenship).toEqual({
      multiValued: true,
      total: shown(15),
      cells: [
        { key: 'VN', count: hidden },
        { key: 'KH', count: hidden },
      ],
    });
    expect(s.persons.exploitation.cells).toEqual([
      { key: 'ForcedCriminality', count: hidden },
      { key: 'ForcedLabour', count: shown(10) },
      { key: 'SexualExploitation', count: hidden },
    ]);
    // Its total is the withheld ForcedCriminality cell above, so it is withheld here too; 4 takes 6 with it.
    expect(s.persons.forcedCriminality).toEqual({
      multiValued: true,
      total: hidden,
      cells: [
        { key: 'RomanceInvestmentScam', count: hidden },
        { key: 'MoneyLaunderingOrMoneyMule', count: hidden },
      ],
    });
    expect(s.persons.traffickingStatus.cells).toEqual([
      { key: 'PossibleVictimOfTrafficking', count: shown(15) },
    ]);
    expect(s.persons.registrationYear.cells).toEqual([
      { key: '2024', count: hidden },
      { key: '2025', count: hidden },
    ]);
    expect(s.assessments.decision).toEqual({
      multiValued: false,
      total: shown(10), // 8
      cells: [
        { key: 'victim', count: hidden },
        { key: 'presumed_victim', count: hidden },
      ],
    });
    expect(s.assessments.nonPunishment).toEqual(shown(5)); // 6
    expect(s.cases.status).toEqual({
      multiValued: false,
      total: hidden,
      cells: [{ key: 'open', count: hidden }],
    });
  });

  it('no withheld cell can be worked out from its total and the cells shown', async () => {
    const s = await statistics(researcher);
    const partitions = [
      s.persons.gender,
      s.persons.ageGroup,
      s.persons.citizenship,
      s.persons.registrationYear,
    ];
    for (const table of [...partitions, s.assessments.decision, s.cases.status]) {
      // With the total itself withheld there is nothing to subtract from.
      if (table.total.suppressed) continue;
      const counts: { value: number | null; suppressed: boolean }[] = table.cells.map(
        (c: { count: { value: number | null; suppressed: boolean } }) => c.count,
      );
      const withheld = counts.filter((c) => c.suppressed).length;
      // Rounded counts: the most the withheld cells can hold together is the total's most (+2) less
      // the least of each cell shown (−2, and a 5 is at least 5).
      const least = (v: number) => (v === 0 ? 0 : Math.max(5, v - 2));
      const most = table.total.value + 2 - counts.reduce((sum, c) => sum + least(c.value ?? 0), 0);
      expect(withheld === 0 || (withheld >= 2 && most >= 5)).toBe(true);
    }
  });

  it('narrows to the registration dates asked', async () => {
    const s = await statistics(researcher, '?from=2025-01-01&to=2025-12-31');
    expect(s.from).toBe('2025-01-01');
    expect(s.persons.total).toEqual(shown(15)); // 13
    expect(s.persons.registrationYear.cells).toEqual([{ key: '2025', count: shown(15) }]);
    const none = await statistics(researcher, '?to=2019-12-31');
    expect(none.persons.total).toEqual(shown(0));
    expect(none.persons.gender.cells).toEqual([]);
  });

  it('gives no identity, record id or narrative, to any reader', async () => {
    for (const client of [researcher, caseworker]) {
      const text = JSON.stringify(await statistics(client));
      for (const value of [...names, ...personIds, 'stat-1', 'ID-Zq', 'not-read-by-statistics']) {
        expect(text).not.toContain(value);
      }
    }
  });

  it('is read by the victims roles and refused to the others', async () => {
    for (const role of ['investigator', 'analyst', 'referral_focal_point'] as const) {
      await statistics(await t.loginAs([role]));
    }
    for (const role of ['administrator', 'central_authority'] as const) {
      const res = await (await t.loginAs([role])).request('GET', '/api/victims/statistics');
      expect((await refusal(res, 403)).code).toBe('forbidden');
    }
    expect((await refusal(await t.request('GET', '/api/victims/statistics'), 401)).code).toBe(
      'unauthenticated',
    );
  });

  it('refuses a bad range with a 400 naming the field', async () => {
    const reversed = await researcher.request('GET', '/api/victims/statistics?from=2025-02-01&to=2025-01-31');
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error.fields).toMatchObject([
      { path: 'to', code: 'not_before', params: { field: 'from' } },
    ]);
    const notDate = await refusal(
      await researcher.request('GET', '/api/victims/statistics?from=yesterday'),
      400,
    );
    expect(notDate.paths).toEqual(['from']);
    const notDay = await refusal(
      await researcher.request('GET', '/api/victims/statistics?to=2025-02-30'),
      400,
    );
    expect(notDay.paths).toEqual(['to']);
  });

  it('refuses a range not on whole calendar months with a 422 naming the field, and audits nothing', async () => {
    const audited = async () =>
      (
        await t.deps.db
          .selectFrom('audit_entries')
          .select('id')
          .where('action', '=', 'victims_statistics.read')
          .execute()
      ).length;
    const before = await audited();
    const cases: [string, string[]][] = [
      ['?from=2025-03-02', ['from']],
      ['?to=2025-03-30', ['to']],
      ['?from=2025-03-15&to=2025-03-16', ['from', 'to']],
      ['?to=2024-02-28', ['to']], // 2024 is a leap year
    ];
    for (const [query, paths] of cases) {
      const res = await researcher.request('GET', `/api/victims/statistics${query}`);
      expect(await refusal(res, 422)).toEqual({ code: 'range_not_whole_months', paths });
    }
    expect(await audited()).toBe(before);
    // Whole months, one or several, and either end open, are answered.
    for (const query of ['?from=2024-02-01&to=2024-02-29', '?to=2025-02-28', '?from=2025-04-01']) {
      await statistics(researcher, query);
    }
  });

  it("does not let two ranges a month apart single out that month's registrations", async () => {
    // Another agency, so the fixture above is not disturbed: 7 women registered in January 2023,
    // 2 more in February. Unrounded, January (7) and January–February (9) told February's 2.
    const reader = await loginInOtherAgency(t, ['caseworker', 'researcher']);
    for (let i = 0; i < 9; i++) {
      const registeredOn = i < 7 ? '2023-01-10' : '2023-02-15';
      await register(
        { registeredOn, gender: 'Feminine', citizenship: ['TH'], exploitation: ['ForcedLabour'] },
        reader,
      );
    }
    const january = await statistics(reader, '?from=2023-01-01&to=2023-01-31');
    const both = await statistics(reader, '?from=2023-01-01&to=2023-02-28');
    expect([january.persons.total, both.persons.total]).toEqual([shown(5), shown(10)]);
    const pairs = [
      [january.persons.total, both.persons.total],
      [january.persons.gender.cells[0].count, both.persons.gender.cells[0].count],
      [january.persons.exploitation.cells[0].count, both.persons.exploitation.cells[0].count],
    ];
    for (const [a, b] of pairs) expect(pinsSmallDifference(a, b)).toBe(false);
  });

  it('audits each request once, as a read of the agency', async () => {
    const entries = () =>
      t.deps.db
        .selectFrom('audit_entries')
        .select(['actor_id', 'record_type'])
        .where('action', '=', 'victims_statistics.read')
        .where('actor_id', '=', researcher.userId)
        .execute();
    const before = (await entries()).length;
    await statistics(researcher);
    const after = await entries();
    expect(after.length).toBe(before + 1);
    expect(after.every((e) => e.record_type === 'agency')).toBe(true);
  });
});
