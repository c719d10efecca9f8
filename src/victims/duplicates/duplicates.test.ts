import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { auditActions, fullPerson, loginInOtherAgency, refusal } from '../../../test/helpers/victims.ts';

// Duplicate search over HTTP against a real database: what is found, why, for whom, and the trace.

let t: TestApp;
let caseworker: TestClient;
let investigator: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.loginAs(['caseworker']);
  investigator = await t.loginAs(['investigator']);
});
afterAll(async () => t?.close());

let serial = 0;
async function register(client: TestClient, body: object) {
  const res = await client.request('POST', '/api/victims/persons', {
    externalId: `dup-${++serial}`,
    ...body,
  });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json.person;
}

async function check(client: TestClient, body: object) {
  const res = await client.request('POST', '/api/victims/duplicates/check', body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json.candidates as {
    person: { id: string; name: string };
    evidence: { score: number; level: string; reasons: { signal: string; match?: string }[] };
  }[];
}

const signals = (c: { evidence: { reasons: { signal: string; match?: string }[] } }) =>
  c.evidence.reasons.map((r) => (r.match ? `${r.signal}:${r.match}` : r.signal)).sort();

describe('possible duplicates', () => {
  let dao: { id: string };
  beforeAll(async () => {
    dao = await register(caseworker, fullPerson('dao'));
    // Namesakes and strangers around her.
    await register(caseworker, {
      identity: { firstName: 'Đào', middleName: 'Thị', secondName: 'Trần', birthdate: '1990-01-01' },
    });
    await register(caseworker, {
      identity: { firstName: 'Somchai', secondName: 'Jaidee', birthdate: '2003-06-30' },
    });
    await register(caseworker, { identity: { firstName: 'สมชาย', secondName: 'ใจดี' } });
  });

  it('finds a long full name from the given name alone, and ranks the birth date match first', async () => {
    const candidates = await check(caseworker, { identity: { firstName: 'Dao', birthdate: '2003-06-30' } });
    expect(candidates[0]?.person.id).toBe(dao.id);
    expect(candidates[0]?.person.name).toBe('Nguyễn Thị Đào');
    expect(signals(candidates[0] ?? { evidence: { reasons: [] } })).toEqual(['birthdate:exact', 'name']);
    expect(candidates[0]?.evidence.level).toBe('high');
    // The namesake with another birth date is shown lower, and says why.
    const namesake = candidates.find((c) => c.person.name === 'Đào Thị Trần');
    expect(namesake && signals(namesake)).toEqual(['birthdate:differs', 'name']);
    expect(namesake?.evidence.score).toBeLessThan(candidates[0]?.evidence.score ?? 0);
  });

  it('matches despite dropped diacritics, a typo and swapped order, and by phone or identity number alone', async () => {
    const fuzzy = await check(caseworker, { identity: { firstName: 'Dao', secondName: 'Nguyen Thi' } });
    expect(fuzzy.map((c) => c.person.id)).toContain(dao.id);
    const typo = await check(caseworker, {
      identity: { firstName: 'Nguyen', middleName: 'Thi', secondName: 'Dau' },
    });
    expect(typo[0]?.person.id).toBe(dao.id);
    const byPhone = await check(caseworker, { identity: { mobilePhone: '+84 91 234 5678' } });
    expect(byPhone.map((c) => [c.person.id, signals(c)])).toEqual([[dao.id, ['phone']]]);
    const byNumber = await check(caseworker, { identity: { identityNumber: 'vn0123456789' } });
    expect(byNumber.map((c) => [c.person.id, signals(c)])).toEqual([[dao.id, ['identity_number']]]);
  });

  it('finds a Burmese name typed in Zawgyi under its Unicode form, and the other way round', async () => {
    const unicode = await register(caseworker, { identity: { firstName: 'ခင်မာ', secondName: 'ဒေါ်' } });
    const zawgyi = await check(caseworker, { identity: { firstName: 'ခင္မာ', secondName: 'ေဒၚ' } });
    expect(zawgyi.map((c) => c.person.id)).toContain(unicode.id);
    const typed = await register(caseworker, { identity: { firstName: 'ေအာင္ဆန္း', secondName: 'ဦး' } });
    const back = await check(caseworker, { identity: { firstName: 'အောင်ဆန်း', secondName: 'ဦး' } });
    expect(back.map((c) => c.person.id)).toContain(typed.id);
  });

  it('finds a person under the name they were renamed to, and no longer under the old one', async () => {
    const renamed = await register(caseworker, {
      identity: { firstName: 'Ketsarin', secondName: 'Thongchai' },
    });
    const patched = await caseworker.request('PATCH', `/api/victims/persons/${renamed.id}`, {
      identity: { firstName: 'Mayuree', secondName: 'Srisawat' },
    });
    expect(patched.status).toBe(200);
    const byNew = await check(caseworker, { identity: { firstName: 'Mayuree', secondName: 'Srisawad' } });
    expect(byNew.map((c) => c.person.id)).toContain(renamed.id);
    const byOld = await check(caseworker, { identity: { firstName: 'Ketsarin', secondName: 'Thongchai' } });
    expect(byOld.map((c) => c.person.id)).not.toContain(renamed.id);
  });

  it('compares an estimated age with a birth year, within one year', async () => {
    const estimated = await register(caseworker, {
      registeredOn: '2025-02-14',
      identity: { firstName: 'Sokha', secondName: 'Chan' },
      profile: { ageAtRegistration: 30, ageIsEstimate: true },
    });
    const near = await check(caseworker, {
      identity: { firstName: 'Sokha', secondName: 'Chan', birthdate: '1995-11-02' },
    });
    expect(signals(near.find((c) => c.person.id === estimated.id) ?? { evidence: { reasons: [] } })).toEqual([
      'birthdate:year_within_one',
      'name',
    ]);
    const far = await check(caseworker, {
      identity: { firstName: 'Sokha', secondName: 'Chan', birthdate: '1975-11-02' },
    });
    expect(signals(far.find((c) => c.person.id === estimated.id) ?? { evidence: { reasons: [] } })).toEqual([
      'birthdate:differs',
      'name',
    ]);
  });

  it('finds a registered person’s duplicates, leaving out the person, and audits every candidate shown', async () => {
    const again = await register(caseworker, {
      identity: {
        firstName: 'Nguyen',
        middleName: 'Thi',
        secondName: 'Dao',
        birthdate: '2003-06-30',
        mobilePhone: '+84912345678',
      },
    });
    const res = await caseworker.request('GET', `/api/victims/persons/${again.id}/duplicates?limit=3`);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.person.id).toBe(again.id);
    expect(body.candidates.length).toBeLessThanOrEqual(3);
    expect(body.candidates[0].person.id).toBe(dao.id);
    expect(signals(body.candidates[0])).toEqual(['birthdate:exact', 'name', 'phone']);
    expect(body.candidates.map((c: { person: { id: string } }) => c.person.id)).not.toContain(again.id);
    expect((await auditActions(t, again.id)).map((a) => a.action)).toContain('person.duplicate_search');
    expect((await auditActions(t, dao.id)).map((a) => a.action)).toContain('person.duplicate_candidate');
  });

  it('writes the check to the audit log without the searched values', async () => {
    const before = await t.deps.db
      .selectFrom('audit_entries')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    await check(caseworker, { identity: { firstName: 'Dao', birthdate: '2003-06-30' } });
    const entries = await t.deps.db
      .selectFrom('audit_entries')
      .select(['action', 'record_id'])
      .where('id', '>', before?.id ?? '0')
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'person.duplicate_check',
      ...entries.slice(1).map(() => 'person.duplicate_candidate'),
    ]);
    expect(entries.map((e) => e.record_id)).toContain(dao.id);
  });

  it('keeps other agencies’ persons out', async () => {
    const outsider = await loginInOtherAgency(t, ['caseworker']);
    expect(
      await check(outsider, { identity: { firstName: 'Nguyễn', middleName: 'Thị', secondName: 'Đào' } }),
    ).toEqual([]);
    expect(
      (await refusal(await outsider.request('GET', `/api/victims/persons/${dao.id}/duplicates`), 404)).code,
    ).toBe('not_found');
  });

  it('is for caseworkers only: the answer is an identity read', async () => {
    expect(
      (
        await refusal(
          await investigator.request('POST', '/api/victims/duplicates/check', {
            identity: { firstName: 'Dao' },
          }),
          403,
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (await refusal(await investigator.request('GET', `/api/victims/persons/${dao.id}/duplicates`), 403))
        .code,
    ).toBe('forbidden');
  });

  it('refuses a check with nothing to look for, or with bad fields, naming them', async () => {
    const cases: [object, string[]][] = [
      [{ identity: {} }, ['identity']],
      [{ identity: { firstName: '—' } }, ['identity']],
      [{ identity: { firstName: 'Dao', email: 'x@example.org' } }, ['identity.email']],
      [{ identity: { firstName: 'Dao', birthdate: '2003-02-30' } }, ['identity.birthdate']],
      [{ identity: { mobilePhone: 'call me' } }, ['identity.mobilePhone']],
      [{ identity: { firstName: 'Dao' }, limit: 0 }, ['limit']],
      [{ identity: { firstName: 'Dao' }, extra: true }, ['extra']],
    ];
    for (const [body, paths] of cases) {
      const r = await refusal(await caseworker.request('POST', '/api/victims/duplicates/check', body), 400);
      expect(r.paths, JSON.stringify(body)).toEqual(paths);
    }
  });

  it('documents its routes and shapes in the OpenAPI document', async () => {
    const doc = await (await t.request('GET', '/api/openapi.json')).json();
    for (const path of [
      '/api/victims/duplicates/check',
      '/api/victims/persons/{id}/duplicates',
      '/api/victims/persons/{id}/merged-records',
      '/api/victims/merges',
      '/api/victims/merges/{id}',
      '/api/victims/merges/{id}/confirm',
      '/api/victims/merges/{id}/reject',
      '/api/victims/merges/{id}/unmerge',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    for (const schema of [
      'DuplicateCheck',
      'DuplicateCandidate',
      'DuplicateEvidence',
      'PersonMerge',
      'MergedRecords',
    ]) {
      expect(doc.components.schemas[schema], schema).toBeDefined();
    }
  });
});
