import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import {
  agencyOf,
  auditActions,
  countRows,
  fullPerson,
  loginInOtherAgency,
  refusal,
  tamper,
} from '../../test/helpers/victims.ts';
import { findPersons } from './repo.ts';

let t: TestApp;
let caseworker: TestClient;
let investigator: TestClient;
let analyst: TestClient;
let researcher: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.loginAs(['caseworker']);
  investigator = await t.loginAs(['investigator']);
  analyst = await t.loginAs(['analyst']);
  researcher = await t.loginAs(['researcher']);
});
afterAll(async () => t?.close());

let serial = 0;
async function register(client: TestClient, body: object = fullPerson(`ext-${++serial}`)) {
  const res = await client.request('POST', '/api/victims/persons', body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json.person;
}

/** A table row as PostgreSQL returns it: column name to value. */
type Row = Record<string, unknown>;

async function rawRows(id: string) {
  const person = await sql<Row>`select * from persons where id = ${id}`.execute(t.deps.db);
  const victim = await sql<Row>`select * from victim_contexts where person_id = ${id}`.execute(t.deps.db);
  return { person: person.rows[0], victim: victim.rows[0] };
}

describe('registering and reading a person', () => {
  it('round-trips every field for a caseworker, and derives the age from the birth date', async () => {
    const body = fullPerson('round-trip');
    const created = await register(caseworker, body);
    expect(created.view).toBe('identity');
    expect(created.identity).toEqual({ ...body.identity, homePhone: '+842438251234' });
    expect(created.profile).toEqual({ ...body.profile, ageAtRegistration: 21 });
    expect(created.victim).toEqual(body.victim);
    expect(created.perpetrator).toBeNull();
    expect(created.integrity).toEqual({ status: 'ok', tamperedFields: [] });
    expect(created.pseudonym).toMatch(/^P-[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    const res = await caseworker.request('GET', `/api/victims/persons/${created.id}`);
    expect(res.status).toBe(200);
    expect((await res.json()).person).toEqual(created);
  });

  it('keeps no identity plaintext at rest: identity columns hold sealed values, search columns keyed tokens', async () => {
    const body = fullPerson('at-rest');
    const { id } = await register(caseworker, body);
    const { person, victim } = await rawRows(id);
    // Sealed values and keyed tokens are random-looking text that may hold any short string by
    // chance ("dao" inside a token): their shape is checked below; every other column must hold
    // no plaintext.
    const opaque = (column: string) =>
      column.endsWith('_enc') ||
      column.endsWith('_key') ||
      column.endsWith('_keys') ||
      column.startsWith('name_');
    const visible = (row: object | undefined) =>
      Object.fromEntries(Object.entries(row ?? {}).filter(([column]) => !opaque(column)));
    const stored = JSON.stringify({ person: visible(person), victim: visible(victim) });
    const secrets = [
      'Nguy',
      'Đào',
      'dao',
      '2003-06-30',
      '0123',
      'example.org',
      '912345678',
      'Hàng Bạc',
      'Hà Nội',
      'Hoàn Kiếm',
      '21.0341',
      'moneylender',
    ];
    for (const s of secrets) expect(stored.toLowerCase(), s).not.toContain(s.toLowerCase());
    for (const [column, value] of Object.entries(person ?? {})) {
      if (column.endsWith('_enc')) expect(String(value), column).toMatch(/^jf1\.[a-z0-9]+\.[A-Za-z0-9_-]+$/);
    }
    expect(String(person?.name_tokens)).toMatch(/^[a-z2-7]{7}( [a-z2-7]{7})+$/);
    expect(person?.gender).toBe('Feminine');
  });

  it('shows investigators and analysts a pseudonym, the same one, and nothing decrypted', async () => {
    const { id, pseudonym } = await register(caseworker);
    for (const client of [investigator, analyst]) {
      const res = await client.request('GET', `/api/victims/persons/${id}`);
      const { person } = await res.json();
      expect(res.status).toBe(200);
      expect(person.view).toBe('pseudonym');
      expect(person.pseudonym).toBe(pseudonym);
      expect(person).not.toHaveProperty('identity');
      expect(person).not.toHaveProperty('integrity');
      expect(person.victim).not.toHaveProperty('detailsOfVulnerabilities');
      expect(person.victim.typeOfExploitation).toEqual(['ForcedCriminality', 'ForcedLabour']);
      expect(JSON.stringify(person)).not.toMatch(/Nguy|2003-06-30|moneylender/);
    }
  });

  it('lets an investigator register a person whose identity they then see only as a pseudonym', async () => {
    const created = await register(investigator);
    expect(created.view).toBe('pseudonym');
    expect(JSON.stringify(created)).not.toContain('Nguy');
    const back = await (await caseworker.request('GET', `/api/victims/persons/${created.id}`)).json();
    expect(back.person.identity.firstName).toBe('Nguyễn');
  });

  it('shows investigators the identity of a person recorded only as a perpetrator', async () => {
    const perpetrator = await register(caseworker, {
      identity: { firstName: 'Recruiter', secondName: 'Wang' },
      perpetrator: { roleInProcess: ['RecruiterOrIntermediary'], roleDetails: 'Runs the Telegram channel' },
    });
    const seen = (await (await investigator.request('GET', `/api/victims/persons/${perpetrator.id}`)).json())
      .person;
    expect(seen.view).toBe('identity');
    expect(seen.identity.secondName).toBe('Wang');
    expect(seen.perpetrator).toEqual({
      roleInProcess: ['RecruiterOrIntermediary'],
      organisationId: null,
      roleDetails: 'Runs the Telegram channel',
    });
    // Once also recorded as a victim (forced criminality), the person is protected again.
    const patched = await caseworker.request('PATCH', `/api/victims/persons/${perpetrator.id}`, {
      victim: { typeOfExploitation: ['ForcedCriminality'] },
    });
    expect(patched.status).toBe(200);
    const again = (await (await investigator.request('GET', `/api/victims/persons/${perpetrator.id}`)).json())
      .person;
    expect(again.view).toBe('pseudonym');
  });

  it('gives researchers no person route at all', async () => {
    const { id } = await register(caseworker);
    expect((await refusal(await researcher.request('GET', `/api/victims/persons/${id}`), 403)).code).toBe(
      'forbidden',
    );
    expect((await refusal(await researcher.request('GET', '/api/victims/persons'), 403)).code).toBe(
      'forbidden',
    );
    expect((await refusal(await researcher.request('POST', '/api/victims/persons', {}), 403)).code).toBe(
      'forbidden',
    );
  });

  it('hides persons of another agency as not found', async () => {
    const { id } = await register(caseworker);
    const outsider = await loginInOtherAgency(t, ['caseworker']);
    expect((await refusal(await outsider.request('GET', `/api/victims/persons/${id}`), 404)).code).toBe(
      'not_found',
    );
    const list = await (await outsider.request('GET', '/api/victims/persons')).json();
    expect(list.persons.map((p: { id: string }) => p.id)).not.toContain(id);
    const patch = await outsider.request('PATCH', `/api/victims/persons/${id}`, {
      profile: { ethnicity: 'X' },
    });
    expect((await refusal(patch, 404)).code).toBe('not_found');
    // the repository's batch read too: given ids of two agencies, it returns the asking agency's only
    const theirs = await register(outsider);
    const mine = await findPersons(t.deps.db, await agencyOf(t, 'persons', id), [theirs.id, id, id]);
    expect(mine.map((r) => r.person.id)).toEqual([id]);
    const other = await findPersons(t.deps.db, await agencyOf(t, 'persons', theirs.id), [id, theirs.id]);
    expect(other.map((r) => r.person.id)).toEqual([theirs.id]);
  });
});

describe('organisation lookups (vic_LocationOfRecruitment, vic_LocationOfExploitation, per_Organisation)', () => {
  async function organisation(client: TestClient, name: string): Promise<string> {
    const res = await client.request('POST', '/api/victims/organisations', { name, country: 'KH' });
    expect(res.status).toBe(201);
    return (await res.json()).organisation.id;
  }

  it('records where a person was recruited and exploited, and a perpetrator’s organisation', async () => {
    const recruited = await organisation(caseworker, 'Job agency, Phnom Penh');
    const exploited = await organisation(caseworker, 'Compound, Sihanoukville');
    const body = fullPerson('org-refs');
    const created = await register(caseworker, {
      ...body,
      victim: { ...body.victim, locationOfRecruitmentId: recruited, locationOfExploitationId: exploited },
      perpetrator: { roleInProcess: ['RecruiterOrIntermediary'], organisationId: recruited },
    });
    expect(created.victim).toMatchObject({
      locationOfRecruitmentId: recruited,
      locationOfExploitationId: exploited,
    });
    expect(created.perpetrator).toMatchObject({ organisationId: recruited });
    const cleared = await caseworker.request('PATCH', `/api/victims/persons/${created.id}`, {
      victim: { locationOfExploitationId: null },
    });
    expect((await cleared.json()).person.victim).toMatchObject({
      locationOfRecruitmentId: recruited,
      locationOfExploitationId: null,
    });
  });

  it('refuses an organisation of another agency or none, naming the field, and writes nothing', async () => {
    const outsider = await loginInOtherAgency(t, ['caseworker']);
    const theirs = await organisation(outsider, 'Their shelter');
    const before = { persons: await countRows(t, 'persons'), audit: await countRows(t, 'audit_entries') };
    const res = await caseworker.request('POST', '/api/victims/persons', {
      victim: {
        locationOfRecruitmentId: theirs,
        locationOfExploitationId: '00000000-0000-4000-8000-000000000000',
      },
      perpetrator: { organisationId: theirs },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('bad_request');
    expect(error.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([
      ['victim.locationOfRecruitmentId', 'unknown_organisation'],
      ['victim.locationOfExploitationId', 'unknown_organisation'],
      ['perpetrator.organisationId', 'unknown_organisation'],
    ]);
    expect({ persons: await countRows(t, 'persons'), audit: await countRows(t, 'audit_entries') }).toEqual(
      before,
    );

    const { id } = await register(caseworker);
    const stored = await rawRows(id);
    const patch = await caseworker.request('PATCH', `/api/victims/persons/${id}`, {
      victim: { locationOfExploitationId: theirs },
    });
    expect(await refusal(patch, 400)).toEqual({
      code: 'bad_request',
      paths: ['victim.locationOfExploitationId'],
    });
    expect(await rawRows(id)).toEqual(stored);
  });
});

describe('tampering', () => {
  it('reports a modified identity value as tampered, never as garbage, and audits the detection', async () => {
    const { id } = await register(caseworker);
    await tamper(t, 'persons', 'first_name_enc', 'id', id);
    const res = await caseworker.request('GET', `/api/victims/persons/${id}`);
    const { person } = await res.json();
    expect(res.status).toBe(200);
    expect(person.identity.firstName).toBeNull();
    expect(person.identity.secondName).toBe('Đào');
    expect(person.integrity).toEqual({ status: 'tampered', tamperedFields: ['identity.firstName'] });
    const actions = (await auditActions(t, id)).map((a) => a.action);
    expect(actions).toContain('person.tamper_detected');
  });

  it('reports values moved between columns or rows, and tampered narratives', async () => {
    const a = await register(caseworker);
    const b = await register(caseworker);
    await sql`update persons set second_name_enc = first_name_enc where id = ${a.id}`.execute(t.deps.db);
    await sql`update persons set birthdate_enc = (select birthdate_enc from persons where id = ${b.id}) where id = ${a.id}`.execute(
      t.deps.db,
    );
    await tamper(t, 'victim_contexts', 'details_of_vulnerabilities_enc', 'person_id', a.id);
    const { person } = await (await caseworker.request('GET', `/api/victims/persons/${a.id}`)).json();
    expect(person.integrity.tamperedFields).toEqual([
      'identity.secondName',
      'identity.birthdate',
      'victim.detailsOfVulnerabilities',
    ]);
    expect(person.identity.birthdate).toBeNull();
    expect(person.victim.detailsOfVulnerabilities).toBeNull();
    const list = await (await caseworker.request('GET', '/api/victims/persons?limit=100')).json();
    const line = list.persons.find((p: { id: string }) => p.id === a.id);
    expect(line.integrity.status).toBe('tampered');
  });

  it('refuses an update that needs a tampered value (409 naming it) until the value is re-entered', async () => {
    const { id } = await register(caseworker);
    await tamper(t, 'persons', 'first_name_enc', 'id', id);
    const refused = await caseworker.request('PATCH', `/api/victims/persons/${id}`, {
      identity: { secondName: 'Dao' },
    });
    expect(await refusal(refused, 409)).toEqual({ code: 'tampered', paths: ['identity.firstName'] });
    const fixed = await caseworker.request('PATCH', `/api/victims/persons/${id}`, {
      identity: { firstName: 'Nguyen', secondName: 'Dao' },
    });
    expect(fixed.status).toBe(200);
    expect((await fixed.json()).person.integrity).toEqual({ status: 'ok', tamperedFields: [] });
  });
});

describe('audit', () => {
  it('writes an entry for every write and every read, with the reader', async () => {
    const created = await register(caseworker);
    await caseworker.request('PATCH', `/api/victims/persons/${created.id}`, {
      profile: { ethnicity: 'Tày' },
    });
    await caseworker.request('GET', `/api/victims/persons/${created.id}`);
    await investigator.request('GET', `/api/victims/persons/${created.id}`);
    await analyst.request('GET', '/api/victims/persons?limit=100');
    const entries = await auditActions(t, created.id);
    expect(entries).toEqual([
      { action: 'person.create', actor_id: caseworker.userId },
      { action: 'person.update', actor_id: caseworker.userId },
      { action: 'person.read', actor_id: caseworker.userId },
      { action: 'person.read', actor_id: investigator.userId },
      { action: 'person.list', actor_id: analyst.userId },
    ]);
  });
});

describe('updating', () => {
  it('changes only what is given, clears with null, and recomputes the age', async () => {
    const { id } = await register(caseworker);
    const res = await caseworker.request('PATCH', `/api/victims/persons/${id}`, {
      identity: { middleName: null, birthdate: '2001-01-01' },
      victim: { methodsOfControl: null },
    });
    const { person } = await res.json();
    expect(res.status).toBe(200);
    expect(person.identity.middleName).toBeNull();
    expect(person.identity.firstName).toBe('Nguyễn');
    expect(person.profile.ageAtRegistration).toBe(24);
    expect(person.victim.methodsOfControl).toEqual([]);
    expect(person.victim.recruitmentHandle).toBe('@bestjobs_kh');
  });

  it('keeps an estimated age when there is no birth date', async () => {
    const created = await register(caseworker, { profile: { ageAtRegistration: 16, ageIsEstimate: true } });
    expect(created.profile).toMatchObject({ ageAtRegistration: 16, ageIsEstimate: true });
    const res = await caseworker.request('PATCH', `/api/victims/persons/${created.id}`, {
      victim: { ageWhenTrafficked: 17 },
    });
    expect(await refusal(res, 400)).toEqual({ code: 'bad_request', paths: ['victim.ageWhenTrafficked'] });
  });
});

describe('fuzzy name search', () => {
  it('finds a name spelt differently through the distinct-name index, for caseworkers only', async () => {
    const target = await register(caseworker, {
      identity: { firstName: 'Sokha', secondName: 'Chanthavong' },
    });
    await register(caseworker, { identity: { firstName: 'Mariam', secondName: 'Abdullah' } });
    const res = await caseworker.request(
      'GET',
      `/api/victims/persons?name=${encodeURIComponent('Chantavong Sokha')}`,
    );
    const { persons } = await res.json();
    expect(res.status).toBe(200);
    expect(persons[0]?.id).toBe(target.id);
    expect(persons.map((p: { name: string }) => p.name)).not.toContain('Mariam Abdullah');
    // The lookup reads the int token sets' GIN index (sequential scans off, as on a large table),
    // and the trigram index over persons.name_tokens is gone (migration 0014).
    const plan = await t.deps.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      return sql<Record<string, string>>`explain select name_key from victims_person_names
        where name_ints && '{1,2}'::int4[]`.execute(tx);
    });
    expect(plan.rows.map((r) => Object.values(r).join(' ')).join('\n')).toContain(
      'victims_person_names_ints',
    );
    const trigram = await sql<{ found: string | null }>`
      select to_regclass('persons_name_tokens')::text as found`.execute(t.deps.db);
    expect(trigram.rows[0]?.found).toBeNull();
    const probe = await investigator.request('GET', '/api/victims/persons?name=Sokha');
    expect((await refusal(probe, 403)).code).toBe('forbidden');
  });

  it('leaves merged-away persons out of a name search, and lists the survivor', async () => {
    const survivor = await register(caseworker, {
      identity: { firstName: 'Vannak', secondName: 'Pheakdey' },
    });
    const merged = await register(caseworker, { identity: { firstName: 'Vanak', secondName: 'Pheakdey' } });
    const search = async () => {
      const res = await caseworker.request(
        'GET',
        `/api/victims/persons?name=${encodeURIComponent('Vannak Pheakdey')}`,
      );
      expect(res.status).toBe(200);
      return ((await res.json()).persons as { id: string }[]).map((p) => p.id);
    };
    expect(await search()).toEqual(expect.arrayContaining([survivor.id, merged.id]));
    const proposed = await caseworker.request('POST', '/api/victims/merges', {
      survivorId: survivor.id,
      mergedId: merged.id,
      reason: 'Same passport photo',
    });
    expect(proposed.status).toBe(201);
    const { merge } = await proposed.json();
    const confirmed = await caseworker.request('POST', `/api/victims/merges/${merge.id}/confirm`, {
      note: 'Only caseworker at the office',
    });
    expect(confirmed.status).toBe(200);
    const after = await search();
    expect(after).toContain(survivor.id);
    expect(after).not.toContain(merged.id);
  });

  it('pages the newest-first list with a cursor, without repeats', async () => {
    for (let i = 0; i < 3; i++) await register(caseworker);
    const first = await (await caseworker.request('GET', '/api/victims/persons?limit=2')).json();
    const second = await (
      await caseworker.request('GET', `/api/victims/persons?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(first.persons).toHaveLength(2);
    const ids = [...first.persons, ...second.persons].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('bad input', () => {
  async function refusedAndNothingWritten(body: unknown, paths: string[]) {
    const before = { persons: await countRows(t, 'persons'), audit: await countRows(t, 'audit_entries') };
    const res = await caseworker.request('POST', '/api/victims/persons', body);
    const { paths: named } = await refusal(res, 400);
    for (const p of paths) expect(named, JSON.stringify(named)).toContain(p);
    expect({ persons: await countRows(t, 'persons'), audit: await countRows(t, 'audit_entries') }).toEqual(
      before,
    );
  }

  it('stores hostile strings literally', async () => {
    const hostile = [
      "Robert'); DROP TABLE persons;--",
      '<script>alert(1)</script>',
      '\u202Eevil\u202C 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍💻',
      'สมชาย ใจดี',
      '{{7*7}} %s %n',
    ];
    for (const name of hostile) {
      // A name may not hold text-direction controls (refused below); other text keeps them.
      const firstName = name.replace(/[\u202A-\u202E]/g, '');
      const created = await register(caseworker, {
        identity: { firstName },
        profile: { ethnicity: name },
      });
      expect(created.identity.firstName).toBe(firstName);
      expect(created.profile.ethnicity).toBe(name);
    }
    expect(await countRows(t, 'persons')).toBeGreaterThan(0);
  });

  it('refuses NUL, lone surrogates and unknown fields, naming them', async () => {
    await refusedAndNothingWritten({ identity: { firstName: 'a\u0000b' } }, ['identity.firstName']);
    await refusedAndNothingWritten({ identity: { secondName: 'a\ud800' } }, ['identity.secondName']);
    await refusedAndNothingWritten({ identity: { nickname: 'x' } }, ['identity.nickname']);
  });

  it('refuses a name with text-direction controls, which would display it as another', async () => {
    await refusedAndNothingWritten({ identity: { firstName: 'Mya\u202Eevil' } }, ['identity.firstName']);
    await refusedAndNothingWritten({ identity: { secondName: '\u2067Aung\u2069' } }, ['identity.secondName']);
  });

  it('refuses values not in the catalogue’s picklists, naming the field', async () => {
    await refusedAndNothingWritten({ profile: { gender: 'Female' } }, ['profile.gender']);
    await refusedAndNothingWritten({ victim: { typeOfExploitation: ['ForcedLabour', 'Scamming'] } }, [
      'victim.typeOfExploitation.1',
    ]);
    await refusedAndNothingWritten({ victim: { forcedCriminalityTypes: ['PigButchering'] } }, [
      'victim.forcedCriminalityTypes.0',
    ]);
    await refusedAndNothingWritten({ victim: { methodsOfControl: ['DebtBondage', 'DebtBondage'] } }, [
      'victim.methodsOfControl',
    ]);
    await refusedAndNothingWritten({ profile: { citizenship: ['vn'] } }, ['profile.citizenship.0']);
    await refusedAndNothingWritten({ identity: { mobilePhone: '0912 345 678 999 999 9' } }, [
      'identity.mobilePhone',
    ]);
    await refusedAndNothingWritten({ victim: { recruitmentAdUrl: 'javascript:alert(1)' } }, [
      'victim.recruitmentAdUrl',
    ]);
  });

  it('refuses impossible dates, naming the field', async () => {
    await refusedAndNothingWritten({ identity: { birthdate: '2001-02-30' } }, ['identity.birthdate']);
    await refusedAndNothingWritten({ identity: { birthdate: '1850-01-01' } }, ['identity.birthdate']);
    await refusedAndNothingWritten({ registeredOn: '2024-01-01', identity: { birthdate: '2024-01-02' } }, [
      'identity.birthdate',
    ]);
    await refusedAndNothingWritten({ registeredOn: '2999-01-01' }, ['registeredOn']);
    await refusedAndNothingWritten(
      {
        registeredOn: '2024-01-01',
        identity: { birthdate: '2000-01-01' },
        victim: { ageWhenTrafficked: 30 },
      },
      ['victim.ageWhenTrafficked'],
    );
    await refusedAndNothingWritten({ victim: { forcedCriminalityTypes: ['RomanceInvestmentScam'] } }, [
      'victim.forcedCriminalityTypes',
    ]);
  });

  it('refuses an impossible update and changes nothing', async () => {
    const { id } = await register(caseworker);
    const before = await rawRows(id);
    const res = await caseworker.request('PATCH', `/api/victims/persons/${id}`, {
      registeredOn: '2003-01-01',
    });
    expect(await refusal(res, 400)).toEqual({ code: 'bad_request', paths: ['identity.birthdate'] });
    expect(await rawRows(id)).toEqual(before);
    expect((await auditActions(t, id)).map((a) => a.action)).toEqual(['person.create']);
  });

  it('refuses a second person with the same external id in the agency (409)', async () => {
    await register(caseworker, { externalId: 'dup-1' });
    const res = await caseworker.request('POST', '/api/victims/persons', { externalId: 'dup-1' });
    expect(await refusal(res, 409)).toEqual({ code: 'conflict', paths: ['externalId'] });
  });
});
