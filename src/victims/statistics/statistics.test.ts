import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { call, openCaseWith } from '../../../test/helpers/cases.ts';
import { loginInOtherAgency, refusal } from '../../../test/helpers/victims.ts';

// GET /api/victims/statistics over a small fixture: the counts, suppression of 1–4 with its
// complement, who may read it, that no identity leaves, bad queries, and one audit entry a request.

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

async function register(spec: Spec): Promise<string> {
  const firstName = `Zq${randomUUID().slice(0, 8)}`;
  names.push(firstName);
  const body = await call(caseworker, 'POST', '/api/victims/persons', 201, {
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
  it("counts the agency's victims by each breakdown, withholding 1–4 and a complement", async () => {
    const s = await statistics(researcher);
    expect(s.k).toBe(5);
    expect(s.persons.total).toEqual(shown(14));
    // Masculine (5) is withheld with the single person of no gender: 14 − 8 leaves 6 for the two.
    expect(s.persons.gender).toEqual({
      total: shown(14),
      cells: [
        { key: 'Feminine', count: shown(8) },
        { key: 'Masculine', count: hidden },
        { key: null, count: hidden },
      ],
    });
    expect(s.persons.ageGroup.cells).toEqual([
      { key: '0-11', count: shown(0) },
      { key: '12-17', count: shown(0) },
      { key: '18-25', count: shown(9) },
      { key: '26-35', count: hidden },
      { key: '36-50', count: shown(0) },
      { key: '51+', count: shown(0) },
      { key: null, count: hidden },
    ]);
    // KH (2) alone is withheld, so VN, the only other cell, is withheld too.
    expect(s.persons.citizenship).toEqual({
      total: shown(14),
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
      total: hidden,
      cells: [
        { key: 'RomanceInvestmentScam', count: hidden },
        { key: 'MoneyLaunderingOrMoneyMule', count: hidden },
      ],
    });
    expect(s.persons.traffickingStatus.cells).toEqual([
      { key: 'PossibleVictimOfTrafficking', count: shown(14) },
    ]);
    expect(s.persons.registrationYear.cells).toEqual([
      { key: '2024', count: hidden },
      { key: '2025', count: hidden },
    ]);
    expect(s.assessments.decision).toEqual({
      total: shown(8),
      cells: [
        { key: 'victim', count: hidden },
        { key: 'presumed_victim', count: hidden },
      ],
    });
    expect(s.assessments.nonPunishment).toEqual(shown(6));
    expect(s.cases.status).toEqual({ total: hidden, cells: [{ key: 'open', count: hidden }] });
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
      const rest = table.total.value - counts.reduce((sum, c) => sum + (c.value ?? 0), 0);
      expect(withheld === 0 || (withheld >= 2 && rest >= 5)).toBe(true);
    }
  });

  it('narrows to the registration dates asked', async () => {
    const s = await statistics(researcher, '?from=2025-01-01&to=2025-12-31');
    expect(s.from).toBe('2025-01-01');
    expect(s.persons.total).toEqual(shown(13));
    expect(s.persons.registrationYear.cells).toEqual([{ key: '2025', count: shown(13) }]);
    const none = await statistics(researcher, '?to=2020-01-01');
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
    const reversed = await refusal(
      await researcher.request('GET', '/api/victims/statistics?from=2025-02-01&to=2025-01-31'),
      400,
    );
    expect(reversed.paths).toEqual(['to']);
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
