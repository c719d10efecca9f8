import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';

// HTTP tier: the consent routes as the UI's consent panel and other clients use them.

const DAY = 86_400_000;
const HASH = 'a'.repeat(64);

let t: TestApp;
let caseworker: TestClient;
let focalPoint: TestClient;
let investigator: TestClient;
let researcher: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  [caseworker, focalPoint, investigator, researcher] = await Promise.all([
    t.loginAs(['caseworker']),
    t.loginAs(['referral_focal_point']),
    t.loginAs(['investigator']),
    t.loginAs(['researcher']),
  ]);
});
afterAll(async () => t?.close());

async function newPerson(agencyId?: string): Promise<string> {
  const agency =
    agencyId ?? (await t.deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
  const row = await t.deps.db
    .insertInto('persons')
    .values({ agency_id: agency })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function body(over: Record<string, unknown> = {}) {
  return {
    purpose: 'referral',
    categories: ['identity', 'case_history'],
    recipient: { country: 'KH', agency: 'Ministry of Social Affairs' },
    subjectAge: 'adult',
    givenBy: { kind: 'subject' },
    method: { kind: 'signed_form', formSha256: HASH.toUpperCase(), witness: { name: 'Nurse Dara' } },
    interpreter: { language: 'km', name: 'Sokha' },
    htcds: { con_Consent: true },
    givenAt: new Date(Date.now() - DAY).toISOString(),
    expiresAt: new Date(Date.now() + 180 * DAY).toISOString(),
    ...over,
  };
}

const decisionPath = (personId: string, query = 'purpose=referral&category=identity&country=KH') =>
  `/api/victims/persons/${personId}/consent-decision?${query}&agency=${encodeURIComponent('Ministry of Social Affairs')}`;

async function counts() {
  const db = t.deps.db;
  const consents = await db
    .selectFrom('consents')
    .select(db.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const audit = await db
    .selectFrom('audit_entries')
    .select(db.fn.countAll<string>().as('n'))
    .where('action', 'like', 'consent.%')
    .executeTakeFirstOrThrow();
  return { consents: Number(consents.n), audit: Number(audit.n) };
}

describe('consent routes', () => {
  it('records, lists, decides, withdraws, and decides again', async () => {
    const personId = await newPerson();
    const res = await caseworker.request('POST', `/api/victims/persons/${personId}/consents`, body());
    expect(res.status).toBe(201);
    const { consent } = await res.json();
    expect(consent).toMatchObject({
      personId,
      purpose: 'referral',
      categories: ['identity', 'case_history'],
      recipient: { country: 'KH', agency: 'Ministry of Social Affairs' },
      givenBy: { kind: 'subject', name: null, relationship: null },
      method: { kind: 'signed_form', formSha256: HASH, witness: { name: 'Nurse Dara', role: null } },
      interpreter: { language: 'km', name: 'Sokha' },
      htcds: { con_Consent: true },
      recordedBy: caseworker.userId,
      withdrawal: null,
      state: 'active',
      tampered: [],
    });

    const listed = await (
      await focalPoint.request('GET', `/api/victims/persons/${personId}/consents`)
    ).json();
    expect(listed.consents.map((c: { id: string }) => c.id)).toEqual([consent.id]);

    const allowed = await investigator.request('GET', decisionPath(personId));
    expect(allowed.status).toBe(200);
    const { decision } = await allowed.json();
    expect(decision).toMatchObject({
      allowed: true,
      reason: 'consented',
      consentId: consent.id,
      subject: 'adult',
    });
    expect(JSON.stringify(decision)).not.toMatch(/Nurse Dara|Sokha/);

    const health = await (
      await investigator.request('GET', decisionPath(personId, 'purpose=referral&category=health&country=KH'))
    ).json();
    expect(health.decision).toMatchObject({ allowed: false, reason: 'wrong_category' });

    const w = await focalPoint.request('POST', `/api/victims/consents/${consent.id}/withdraw`, {
      statedBy: 'subject',
      method: { kind: 'written', formSha256: HASH },
      note: 'Changed her mind after speaking to family',
    });
    expect(w.status).toBe(200);
    const withdrawn = (await w.json()).consent;
    expect(withdrawn).toMatchObject({
      state: 'withdrawn',
      withdrawal: { statedBy: 'subject', method: 'written' },
    });
    const again = await caseworker.request('POST', `/api/victims/consents/${consent.id}/withdraw`, {
      statedBy: 'subject',
      method: { kind: 'verbal' },
    });
    expect(again.status).toBe(409);

    const refused = (await (await investigator.request('GET', decisionPath(personId))).json()).decision;
    expect(refused).toMatchObject({ allowed: false, reason: 'withdrawn', consentId: consent.id });
    expect(refused.message).toContain(withdrawn.withdrawal.withdrawnAt);
  });

  it('lets only caseworkers and referral focal points see names; researchers nothing', async () => {
    const personId = await newPerson();
    expect((await investigator.request('GET', `/api/victims/persons/${personId}/consents`)).status).toBe(403);
    expect(
      (await investigator.request('POST', `/api/victims/persons/${personId}/consents`, body())).status,
    ).toBe(403);
    expect((await researcher.request('GET', decisionPath(personId))).status).toBe(403);
    expect((await researcher.request('GET', `/api/victims/persons/${personId}/consents`)).status).toBe(403);
    expect(
      (await focalPoint.request('POST', `/api/victims/persons/${personId}/consents`, body())).status,
    ).toBe(201);
  });

  it('answers 404 for an unknown person, a person of another agency, or an unknown consent', async () => {
    const other = await t.deps.db
      .insertInto('agencies')
      .values({ name: 'Elsewhere', org_type: 'NGO', country: 'TH' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await newPerson(other.id);
    for (const id of [randomUUID(), foreign]) {
      expect((await caseworker.request('POST', `/api/victims/persons/${id}/consents`, body())).status).toBe(
        404,
      );
      expect((await caseworker.request('GET', `/api/victims/persons/${id}/consents`)).status).toBe(404);
      expect((await investigator.request('GET', decisionPath(id))).status).toBe(404);
    }
    const res = await caseworker.request('POST', `/api/victims/consents/${randomUUID()}/withdraw`, {
      statedBy: 'subject',
      method: { kind: 'verbal' },
    });
    expect(res.status).toBe(404);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const personId = await newPerson();
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ purpose: 'marketing' }, 'purpose'],
      [{ categories: ['identity', 'finances'] }, 'categories.1'],
      [{ categories: [] }, 'categories'],
      [{ categories: ['health', 'health'] }, 'categories'],
      [{ recipient: { country: 'Cambodia' } }, 'recipient.country'],
      [{ subjectAge: 'teenager' }, 'subjectAge'],
      [{ htcds: { con_Consent: 'Yes' } }, 'htcds.con_Consent'],
      [{ htcds: { con_Consent: true, con_Other: true } }, 'htcds.con_Other'],
      [{ expiresAt: new Date(Date.now() - 2 * DAY).toISOString() }, 'expiresAt'],
      [{ givenAt: new Date(Date.now() + DAY).toISOString() }, 'givenAt'],
      [{ givenAt: '2025-13-01' }, 'givenAt'],
      [{ method: { kind: 'signed_form' } }, 'method.formSha256'],
      [{ method: { kind: 'signed_form', formSha256: 'a'.repeat(63) } }, 'method.formSha256'],
      [{ method: { kind: 'signed_form', formSha256: 'g'.repeat(64) } }, 'method.formSha256'],
      [{ method: { kind: 'verbal' } }, 'method.witness'],
      [{ method: { kind: 'thumbprint' } }, 'method.kind'],
      [{ givenBy: { kind: 'guardian', name: 'Aunt', relationship: 'aunt' } }, 'givenBy.kind'],
      [{ subjectAge: 'child', givenBy: { kind: 'guardian' } }, 'givenBy.name'],
      [{ givenBy: { kind: 'subject', name: 'Self' } }, 'givenBy.name'],
      [{ interpreter: { language: 'Khmer', name: 'Sokha' } }, 'interpreter.language'],
      [{ interpreter: { language: 'km', name: 'So\u0000kha' } }, 'interpreter.name'],
      [{ extra: 1 }, 'extra'],
    ];
    for (const [over, path] of cases) {
      const res = await caseworker.request('POST', `/api/victims/persons/${personId}/consents`, body(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      const { error } = await res.json();
      expect(
        error.fields.map((f: { path: string }) => f.path),
        JSON.stringify(over),
      ).toContain(path);
    }
    const consent = await caseworker.request('POST', `/api/victims/persons/${personId}/consents`, body());
    const { id } = (await consent.json()).consent;
    const badWithdrawals: [Record<string, unknown>, string][] = [
      [{ statedBy: 'neighbour', method: { kind: 'verbal' } }, 'statedBy'],
      [{ statedBy: 'subject', method: { kind: 'written' } }, 'method.formSha256'],
    ];
    for (const [b, path] of badWithdrawals) {
      const res = await caseworker.request('POST', `/api/victims/consents/${id}/withdraw`, b);
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const badQuery = await investigator.request(
      'GET',
      decisionPath(personId, 'purpose=referral&category=dna&country=KH'),
    );
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).error.fields.map((f: { path: string }) => f.path)).toContain('category');

    const after = await counts();
    expect(after).toEqual({ consents: before.consents + 1, audit: before.audit + 1 });
  });

  it('stores hostile text literally', async () => {
    const personId = await newPerson();
    const hostile = "<script>alert(1)</script> Robert'); DROP TABLE consents;-- ကောင်းမွန် 😀";
    const res = await caseworker.request(
      'POST',
      `/api/victims/persons/${personId}/consents`,
      body({
        method: { kind: 'verbal', witness: { name: hostile, role: hostile } },
        recipient: { country: 'MM', agency: hostile },
      }),
    );
    expect(res.status).toBe(201);
    const listed = await (
      await caseworker.request('GET', `/api/victims/persons/${personId}/consents`)
    ).json();
    expect(listed.consents[0].method.witness).toEqual({ name: hostile, role: hostile });
    expect(listed.consents[0].recipient.agency).toBe(hostile);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await t.request('GET', '/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/victims/persons/{id}/consents',
        '/api/victims/consents/{id}/withdraw',
        '/api/victims/persons/{id}/consent-decision',
      ]),
    );
    expect(doc.components.schemas.RecordConsent.properties.method).toBeDefined();
  });
});
