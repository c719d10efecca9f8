import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { tempDir } from '../../../test/helpers/temp.ts';

// Identification over HTTP against a real database: the form's sets, a scored and audited
// assessment, who reads the narrative, refused input that writes nothing, and evidence that stays.

let t: TestApp;
let investigator: TestClient;
let caseworker: TestClient;
let otherInvestigator: TestClient;
let agencyId: string;
let personId: string;

const RATIONALE = 'Rescued from a compound in a special economic zone; described quotas and beatings.';

/** A forced-criminality case: recruited online, passport taken, made to run scams. */
const scamCase = (overrides: Record<string, unknown> = {}) => ({
  subjectAge: 'adult',
  sets: [
    {
      setId: 'forced-criminality-online-scams',
      answers: [
        {
          indicatorId: 'fc_recruited_job_offer',
          answer: 'yes',
          note: 'Facebook ad for a customer-service job',
        },
        { indicatorId: 'fc_documents_taken', answer: 'yes' },
        { indicatorId: 'fc_forced_online_fraud', answer: 'yes' },
        { indicatorId: 'fc_violence', answer: 'unknown' },
      ],
    },
    {
      setId: 'ilo-forced-labour-11',
      answers: [{ indicatorId: 'fl_restriction_of_movement', answer: 'yes' }],
    },
  ],
  decision: 'presumed_victim',
  rationale: RATIONALE,
  ...overrides,
});

async function newPerson(agency: string): Promise<string> {
  const row = await t.deps.db
    .insertInto('persons')
    .values({ agency_id: agency })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function counts() {
  const n = async (table: 'identification_assessments' | 'audit_entries') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { assessments: await n('identification_assessments'), audit: await n('audit_entries') };
}

const auditActions = async (recordId: string) =>
  (
    await t.deps.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_id', '=', recordId)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

beforeAll(async () => {
  t = await createTestApp();
  investigator = await t.loginAs(['investigator']);
  caseworker = await t.loginAs(['caseworker']);
  otherInvestigator = await t.loginAs(['investigator']);
  agencyId = (await t.deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
  personId = await newPerson(agencyId);
});
afterAll(async () => t?.close());

describe('GET /api/victims/identification/sets', () => {
  it('gives the form its enabled sets with labels, explanations, sources and rules', async () => {
    const res = await caseworker.request('GET', '/api/victims/identification/sets');
    expect(res.status).toBe(200);
    const body = await res.json();
    const ids = body.sets.map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'ilo-forced-labour-11',
        'delphi-adults-labour',
        'forced-criminality-online-scams',
      ]),
    );
    expect(ids).not.toContain('delphi-adults-sexual');
    const delphi = body.sets.find((s: { id: string }) => s.id === 'delphi-adults-labour');
    const indicator = delphi.indicators.find((x: { id: string }) => x.id === 'cd_debt_bondage');
    expect(indicator).toMatchObject({ dimension: 'coercion_at_destination', strength: 'strong' });
    expect(Object.keys(indicator.labels).sort()).toEqual([
      'en',
      'fil',
      'id',
      'km',
      'lo',
      'ms',
      'my',
      'th',
      'vi',
      'zh',
    ]);
    expect(indicator.explanation.en).toEqual(expect.any(String));
    expect(indicator.cites[0].source).toBe('ilo-ec-delphi-2009');
    expect(delphi.dimensions[0].rule.anyOf).toContainEqual({ strong: 1, mediumOrWeak: 1 });
    expect(body.nonPunishment).toMatchObject({ article: 'Article 14(7)' });
    expect(body.national).toBeNull();
  });

  it('is refused to researchers', async () => {
    const researcher = await t.loginAs(['researcher']);
    expect((await researcher.request('GET', '/api/victims/identification/sets')).status).toBe(403);
    expect(
      (
        await researcher.request(
          'POST',
          `/api/victims/persons/${personId}/identification-assessments`,
          scamCase(),
        )
      ).status,
    ).toBe(403);
  });
});

describe('recording and reading an assessment', () => {
  let assessmentId: string;

  it('scores, explains, raises the non-punishment flag and audits in the same transaction', async () => {
    const before = await counts();
    const res = await investigator.request(
      'POST',
      `/api/victims/persons/${personId}/identification-assessments`,
      scamCase(),
    );
    expect(res.status).toBe(201);
    const { assessment } = await res.json();
    assessmentId = assessment.id;
    expect(assessment).toMatchObject({
      personId,
      decision: 'presumed_victim',
      htcdsTraffickingStatus: 'PossibleVictimOfTrafficking',
      decidingAgencyId: agencyId,
      nonPunishment: true,
      narrative: 'shown',
      rationale: RATIONALE,
      setVersions: [
        { id: 'forced-criminality-online-scams', version: '1.0.0' },
        { id: 'ilo-forced-labour-11', version: '1.0.0' },
      ],
    });
    expect(assessment.outcomesMet).toContainEqual({
      setId: 'forced-criminality-online-scams',
      outcomeId: 'presumed_victim_forced_criminality',
    });
    expect(assessment.result.nonPunishment.reference.article).toBe('Article 14(7)');
    const purpose = assessment.result.sets[0].dimensions.find((d: { id: string }) => d.id === 'fc_purpose');
    expect(purpose).toMatchObject({
      positive: true,
      present: [{ id: 'fc_forced_online_fraud', strength: null }],
    });
    expect(assessment.answers[0].answers[0]).toEqual({
      indicatorId: 'fc_recruited_job_offer',
      answer: 'yes',
      note: 'Facebook ad for a customer-service job',
    });
    // The assessment's entry, and the person's (the decision is their HTCDS trafficking status).
    expect(await counts()).toEqual({ assessments: before.assessments + 1, audit: before.audit + 2 });
    expect(await auditActions(assessmentId)).toEqual(['identification.assess']);

    // The narrative is sealed at rest, bound to its row.
    const row = await t.deps.db
      .selectFrom('identification_assessments')
      .select(['narrative_enc', 'answers'])
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(row.narrative_enc).toMatch(/^jf1\./);
    expect(row.narrative_enc).not.toContain('compound');
    expect(JSON.stringify(row.answers)).not.toContain('Facebook');
  });

  it('makes the latest decision the person’s HTCDS trafficking status, audited', async () => {
    const subject = await newPerson(agencyId);
    const status = async () =>
      (await t.deps.db
        .selectFrom('victim_contexts')
        .select(['trafficking_status', 'trafficking_status_decision_making_org'])
        .where('person_id', '=', subject)
        .executeTakeFirst()) ?? null;
    const assess = async (body: Record<string, unknown>) => {
      const res = await investigator.request(
        'POST',
        `/api/victims/persons/${subject}/identification-assessments`,
        scamCase(body),
      );
      expect(res.status).toBe(201);
    };
    await assess({ decision: 'needs_more_information' });
    expect(await status()).toBeNull();
    await assess({ decision: 'presumed_victim', assessedAt: '2026-01-10T08:00:00Z' });
    // The test agency is a central government organisation (its bootstrap).
    expect(await status()).toEqual({
      trafficking_status: 'PossibleVictimOfTrafficking',
      trafficking_status_decision_making_org: 'NonPoliceGovernmentalOrganization',
    });
    expect(await auditActions(subject)).toEqual(['person.update']);
    // An earlier assessment recorded late does not undo a later decision.
    await assess({ decision: 'not_victim', assessedAt: '2025-12-01T08:00:00Z' });
    expect((await status())?.trafficking_status).toBe('PossibleVictimOfTrafficking');
    await assess({ decision: 'victim' });
    expect((await status())?.trafficking_status).toBe('ActualVictimOfTrafficking');
    const read = await caseworker.request('GET', `/api/victims/persons/${subject}`);
    expect((await read.json()).person.victim.traffickingStatus).toBe('ActualVictimOfTrafficking');
  });

  it('lists the person’s assessments and audits the read', async () => {
    const res = await caseworker.request(
      'GET',
      `/api/victims/persons/${personId}/identification-assessments`,
    );
    expect(res.status).toBe(200);
    const { assessments } = await res.json();
    expect(assessments.map((a: { id: string }) => a.id)).toContain(assessmentId);
    expect(assessments[0]).not.toHaveProperty('rationale');
    expect(await auditActions(personId)).toContain('identification.list');
  });

  it('shows the narrative to caseworkers and the author, withholds it from other investigators', async () => {
    const read = async (client: TestClient) =>
      (await (await client.request('GET', `/api/victims/identification-assessments/${assessmentId}`)).json())
        .assessment;
    expect(await read(caseworker)).toMatchObject({ narrative: 'shown', rationale: RATIONALE });
    expect(await read(investigator)).toMatchObject({ narrative: 'shown' });
    const withheld = await read(otherInvestigator);
    expect(withheld).toMatchObject({ narrative: 'withheld', rationale: null, nonPunishment: true });
    expect(withheld.answers[0].answers[0].note).toBeNull();
    expect((await auditActions(assessmentId)).filter((a) => a === 'identification.read')).toHaveLength(3);
  });

  it('reports a narrative moved from another row as tampered, never as text', async () => {
    const other = await (
      await investigator.request(
        'POST',
        `/api/victims/persons/${personId}/identification-assessments`,
        scamCase(),
      )
    ).json();
    const source = await t.deps.db
      .selectFrom('identification_assessments')
      .select('narrative_enc')
      .where('id', '=', other.assessment.id)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('identification_assessments')
      .set({ narrative_enc: source.narrative_enc })
      .where('id', '=', assessmentId)
      .execute();
    const res = await caseworker.request('GET', `/api/victims/identification-assessments/${assessmentId}`);
    expect((await res.json()).assessment).toMatchObject({ narrative: 'tampered', rationale: null });
  });

  it('keeps assessments as evidence: the database refuses to change or delete one', async () => {
    await expect(
      t.deps.db
        .updateTable('identification_assessments')
        .set({ decision: 'not_victim' })
        .where('id', '=', assessmentId)
        .execute(),
    ).rejects.toThrow(/never changed or deleted/);
    await expect(
      t.deps.db.deleteFrom('identification_assessments').where('id', '=', assessmentId).execute(),
    ).rejects.toThrow(/never changed or deleted/);
  });

  it('answers 404 for a person or assessment of another agency, or none', async () => {
    const agency = await t.deps.db
      .insertInto('agencies')
      .values({ name: 'Other agency', org_type: 'NGO', country: 'TH' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stranger = await newPerson(agency.id);
    const before = await counts();
    for (const id of [stranger, randomUUID()]) {
      const res = await investigator.request(
        'POST',
        `/api/victims/persons/${id}/identification-assessments`,
        scamCase(),
      );
      expect(res.status).toBe(404);
      expect(
        (await caseworker.request('GET', `/api/victims/persons/${id}/identification-assessments`)).status,
      ).toBe(404);
    }
    expect(
      (await caseworker.request('GET', `/api/victims/identification-assessments/${randomUUID()}`)).status,
    ).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('bad input is refused with a 400 naming the field, and writes nothing', () => {
  // Each with the code the web says it by (field-problems.ts), the service's own checks included.
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an unknown set', { sets: [{ setId: 'no-such-set', answers: [] }] }, 'sets.0.setId', 'unknown_set'],
    [
      'an unknown indicator',
      { sets: [{ setId: 'ilo-forced-labour-11', answers: [{ indicatorId: 'fl_nope', answer: 'yes' }] }] },
      'sets.0.answers.0.indicatorId',
      'unknown_indicator',
    ],
    [
      'an indicator answered twice',
      {
        sets: [
          {
            setId: 'ilo-forced-labour-11',
            answers: [
              { indicatorId: 'fl_isolation', answer: 'yes' },
              { indicatorId: 'fl_isolation', answer: 'no' },
            ],
          },
        ],
      },
      'sets.0.answers.1.indicatorId',
      'answered_twice',
    ],
    [
      'an answer that is not yes, no or unknown',
      {
        sets: [
          { setId: 'ilo-forced-labour-11', answers: [{ indicatorId: 'fl_isolation', answer: 'maybe' }] },
        ],
      },
      'sets.0.answers.0.answer',
      'invalid_value',
    ],
    [
      'a set for adults used for a child',
      { subjectAge: 'child', sets: [{ setId: 'delphi-adults-labour', answers: [] }] },
      'sets.0.setId',
      'set_for_adults',
    ],
    [
      'a disabled set',
      { sets: [{ setId: 'delphi-adults-sexual', answers: [] }] },
      'sets.0.setId',
      'set_disabled',
    ],
    ['an unknown decision', { decision: 'guilty' }, 'decision', 'invalid_value'],
    ['no rationale', { rationale: '' }, 'rationale', 'too_small'],
    ['an assessment in the future', { assessedAt: '2999-01-01T00:00:00Z' }, 'assessedAt', 'in_future'],
    ['an unknown deciding agency', { decidingAgencyId: randomUUID() }, 'decidingAgencyId', 'unknown_agency'],
    ['an unknown field', { verdict: 'victim' }, 'verdict', 'unknown_field'],
    ['no sets', { sets: [] }, 'sets', 'too_small'],
  ];

  it.each(cases)('%s', async (_name, overrides, field, code) => {
    const before = await counts();
    const res = await investigator.request(
      'POST',
      `/api/victims/persons/${personId}/identification-assessments`,
      scamCase(overrides),
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toContainEqual([
      field,
      code,
    ]);
    expect(error.message).toContain(field);
    expect(await counts()).toEqual(before);
  });
});

describe('a node with a national indicator file', () => {
  let national: TestApp;

  beforeAll(async () => {
    const file = join(tempDir('national'), 'th.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'th-test',
        country: 'TH',
        version: 3,
        updated: '2025-11-22',
        rules: {
          'th-one-strong': {
            anyOf: [{ strong: 1 }],
            text: { en: 'One strong indicator suffices (national rule).' },
            origin: 'national',
            cites: [{ source: 'ilo-ec-delphi-2009' }],
          },
        },
        patches: [
          { set: 'delphi-adults-labour', dimensionRules: { coercion_at_destination: 'th-one-strong' } },
        ],
        disable: ['ilo-forced-labour-11'],
      }),
    );
    national = await createTestApp({ JARING_IDENTIFICATION_SET: file });
  });
  afterAll(async () => national?.close());

  it('serves its own sets and scores with its own thresholds, recording the version', async () => {
    const officer = await national.loginAs(['caseworker']);
    const agency = (await national.deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
    const person = (
      await national.deps.db
        .insertInto('persons')
        .values({ agency_id: agency })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const sets = await (await officer.request('GET', '/api/victims/identification/sets')).json();
    expect(sets.national).toEqual({ id: 'th-test', version: 3, country: 'TH' });
    expect(sets.sets.map((s: { id: string }) => s.id)).not.toContain('ilo-forced-labour-11');

    const res = await officer.request('POST', `/api/victims/persons/${person}/identification-assessments`, {
      subjectAge: 'adult',
      sets: [{ setId: 'delphi-adults-labour', answers: [{ indicatorId: 'cd_debt_bondage', answer: 'yes' }] }],
      decision: 'needs_more_information',
      rationale: 'Debt bondage at destination; recruitment not yet known.',
    });
    expect(res.status).toBe(201);
    const { assessment } = await res.json();
    expect(assessment.setVersions).toEqual([{ id: 'delphi-adults-labour', version: '1.0.1+th-test.3' }]);
    expect(assessment.nationalSet).toBe('th-test@3');
    expect(assessment.htcdsTraffickingStatus).toBeNull();
    const coercion = assessment.result.sets[0].dimensions.find(
      (d: { id: string }) => d.id === 'coercion_at_destination',
    );
    expect(coercion).toMatchObject({ positive: true, matched: { strong: 1 }, rule: { id: 'th-one-strong' } });

    const disabled = await officer.request(
      'POST',
      `/api/victims/persons/${person}/identification-assessments`,
      {
        subjectAge: 'adult',
        sets: [{ setId: 'ilo-forced-labour-11', answers: [] }],
        decision: 'not_victim',
        rationale: 'x',
      },
    );
    expect(disabled.status).toBe(400);
  });
});
