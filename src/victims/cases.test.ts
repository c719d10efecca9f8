import { randomUUID } from 'node:crypto';
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
import { casesByIds } from './htcds/repo.ts';

let t: TestApp;
let caseworker: TestClient;
let investigator: TestClient;
let focalPoint: TestClient;
let researcher: TestClient;
let outsider: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.loginAs(['caseworker']);
  investigator = await t.loginAs(['investigator']);
  focalPoint = await t.loginAs(['referral_focal_point']);
  researcher = await t.loginAs(['researcher']);
  outsider = await loginInOtherAgency(t, ['caseworker']);
});
afterAll(async () => t?.close());

let serial = 0;
async function person(client: TestClient = caseworker): Promise<string> {
  const res = await client.request('POST', '/api/victims/persons', fullPerson(`case-ext-${++serial}`));
  expect(res.status).toBe(201);
  return (await res.json()).person.id;
}

async function openCase(body: object = {}) {
  const res = await caseworker.request('POST', '/api/victims/cases', body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json.case;
}

describe('cases', () => {
  it('opens a case with its persons, owned by the caseworker, with cas_Status Active', async () => {
    const victimId = await person();
    const created = await openCase({
      externalId: 'C-1',
      openedOn: '2025-02-14',
      persons: [{ personId: victimId, role: 'victim' }],
    });
    expect(created).toMatchObject({
      externalId: 'C-1',
      status: 'open',
      htcdsStatus: 'Active',
      openedOn: '2025-02-14',
      closedAt: null,
      closeReason: null,
      ownerId: caseworker.userId,
    });
    expect(created.persons).toHaveLength(1);
    expect(created.persons[0]).toMatchObject({
      role: 'victim',
      person: { id: victimId, view: 'identity', name: 'Nguyễn Thị Đào' },
    });
  });

  it('walks the lifecycle: closing needs a reason, kept encrypted; impossible moves are 409', async () => {
    const c = await openCase();
    const path = `/api/victims/cases/${c.id}/status`;
    expect((await (await caseworker.request('POST', path, { status: 'active' })).json()).case.status).toBe(
      'active',
    );
    expect(await refusal(await caseworker.request('POST', path, { status: 'closed' }), 400)).toEqual({
      code: 'bad_request',
      paths: ['reason'],
    });
    expect(
      await refusal(await caseworker.request('POST', path, { status: 'referred', reason: 'x' }), 400),
    ).toEqual({
      code: 'bad_request',
      paths: ['reason'],
    });
    // A referral focal point works on a case once on its team; off the team it is "not found".
    expect((await focalPoint.request('POST', path, { status: 'referred' })).status).toBe(404);
    await caseworker.request('POST', `/api/victims/cases/${c.id}/team`, { userId: focalPoint.userId });
    const referred = await (await focalPoint.request('POST', path, { status: 'referred' })).json();
    expect(referred.case).toMatchObject({ status: 'referred', htcdsStatus: 'ClosedReferred' });
    const closed = await (
      await caseworker.request('POST', path, {
        status: 'closed',
        reason: 'Reunited with her family in Hải Phòng',
      })
    ).json();
    expect(closed.case).toMatchObject({
      status: 'closed',
      htcdsStatus: 'Closed',
      closeReason: 'Reunited with her family in Hải Phòng',
    });
    expect(closed.case.closedAt).toEqual(expect.any(String));
    const raw = await sql<{
      close_reason_enc: string;
    }>`select close_reason_enc from cases where id = ${c.id}`.execute(t.deps.db);
    expect(raw.rows[0]?.close_reason_enc).toMatch(/^jf1\./);
    expect(await refusal(await caseworker.request('POST', path, { status: 'referred' }), 409)).toEqual({
      code: 'conflict',
      paths: ['status'],
    });
    const reopened = await (
      await caseworker.request('POST', path, { status: 'active', htcdsStatus: 'FollowUp' })
    ).json();
    expect(reopened.case).toMatchObject({
      status: 'active',
      htcdsStatus: 'FollowUp',
      closedAt: null,
      closeReason: null,
    });
    const actions = (await auditActions(t, c.id)).map((a) => a.action);
    expect(actions).toEqual([
      'case.create',
      'case.status',
      'case_team.add',
      'case.status',
      'case.status',
      'case.status',
    ]);
  });

  it('refuses an unknown cas_Status value, naming it', async () => {
    const c = await openCase();
    const res = await caseworker.request('POST', `/api/victims/cases/${c.id}/status`, {
      status: 'active',
      htcdsStatus: 'Pending',
    });
    expect((await refusal(res, 400)).paths).toEqual(['htcdsStatus']);
  });

  it('shows investigators the case with pseudonymous persons and without the closing reason', async () => {
    const victimId = await person();
    const c = await openCase({ persons: [{ personId: victimId, role: 'victim' }] });
    await caseworker.request('POST', `/api/victims/cases/${c.id}/status`, {
      status: 'closed',
      reason: 'Repatriated',
    });
    expect((await investigator.request('GET', `/api/victims/cases/${c.id}`)).status).toBe(404);
    await caseworker.request('POST', `/api/victims/cases/${c.id}/team`, { userId: investigator.userId });
    const res = await investigator.request('GET', `/api/victims/cases/${c.id}`);
    const seen = (await res.json()).case;
    expect(res.status).toBe(200);
    expect(seen).not.toHaveProperty('closeReason');
    expect(seen.persons[0].person.view).toBe('pseudonym');
    expect(seen.persons[0].person).not.toHaveProperty('name');
    expect(JSON.stringify(seen)).not.toMatch(/Nguy|Repatriated/);
    const audit = await auditActions(t, victimId);
    expect(audit.at(-1)).toEqual({ action: 'person.read', actor_id: investigator.userId });
    expect((await auditActions(t, c.id)).at(-1)).toEqual({
      action: 'case.read',
      actor_id: investigator.userId,
    });
  });

  it('reports a tampered closing reason instead of showing it', async () => {
    const c = await openCase();
    await caseworker.request('POST', `/api/victims/cases/${c.id}/status`, {
      status: 'closed',
      reason: 'Done',
    });
    await tamper(t, 'cases', 'close_reason_enc', 'id', c.id);
    const seen = (await (await caseworker.request('GET', `/api/victims/cases/${c.id}`)).json()).case;
    expect(seen.closeReason).toBeNull();
    expect(seen.integrity).toEqual({ status: 'tampered', tamperedFields: ['closeReason'] });
    expect((await auditActions(t, c.id)).map((a) => a.action)).toContain('case.tamper_detected');
  });

  it('links persons once, only of the same agency', async () => {
    const c = await openCase();
    const victimId = await person();
    const path = `/api/victims/cases/${c.id}/persons`;
    const linked = await caseworker.request('POST', path, { personId: victimId, role: 'victim' });
    expect(linked.status).toBe(201);
    expect((await linked.json()).case.persons.map((p: { person: { id: string } }) => p.person.id)).toEqual([
      victimId,
    ]);
    expect(
      await refusal(await caseworker.request('POST', path, { personId: victimId, role: 'witness' }), 409),
    ).toEqual({
      code: 'conflict',
      paths: ['personId'],
    });
    const foreign = await (
      await outsider.request('POST', '/api/victims/persons', { profile: { gender: 'Masculine' } })
    ).json();
    const before = await countRows(t, 'case_persons');
    expect(
      await refusal(
        await caseworker.request('POST', path, { personId: foreign.person.id, role: 'victim' }),
        400,
      ),
    ).toEqual({
      code: 'bad_request',
      paths: ['personId'],
    });
    expect(
      (await refusal(await caseworker.request('POST', path, { personId: victimId, role: 'boss' }), 400))
        .paths,
    ).toEqual(['role']);
    expect(await countRows(t, 'case_persons')).toBe(before);
    expect((await refusal(await outsider.request('GET', `/api/victims/cases/${c.id}`), 404)).code).toBe(
      'not_found',
    );
    expect(
      (
        await refusal(
          await outsider.request('POST', path, { personId: foreign.person.id, role: 'victim' }),
          404,
        )
      ).code,
    ).toBe('not_found');
  });

  it("reads a batch of cases by id for the asking agency only (the HTCDS repository's casesByIds)", async () => {
    const mine = await openCase({ externalId: 'C-batch' });
    const theirs = await (await outsider.request('POST', '/api/victims/cases', {})).json();
    const read = await casesByIds(t.deps.db, await agencyOf(t, 'cases', mine.id), [
      theirs.case.id,
      mine.id,
      mine.id,
    ]);
    expect(read.map((c) => [c.id, c.external_id])).toEqual([[mine.id, 'C-batch']]);
    const other = await casesByIds(t.deps.db, await agencyOf(t, 'cases', theirs.case.id), [
      mine.id,
      theirs.case.id,
    ]);
    expect(other.map((c) => c.id)).toEqual([theirs.case.id]);
  });

  it('refuses a case with an unknown person or an owner from elsewhere, writing nothing', async () => {
    const before = { cases: await countRows(t, 'cases'), audit: await countRows(t, 'audit_entries') };
    const victimId = await person();
    const mid = { cases: await countRows(t, 'cases'), audit: await countRows(t, 'audit_entries') };
    expect(mid.cases).toBe(before.cases);
    const missing = await caseworker.request('POST', '/api/victims/cases', {
      persons: [
        { personId: victimId, role: 'victim' },
        { personId: randomUUID(), role: 'witness' },
      ],
    });
    expect(await refusal(missing, 400)).toEqual({ code: 'bad_request', paths: ['persons.1.personId'] });
    const owner = await caseworker.request('POST', '/api/victims/cases', { ownerId: outsider.userId });
    expect(await refusal(owner, 400)).toEqual({ code: 'bad_request', paths: ['ownerId'] });
    await openCase({ externalId: 'C-dup' });
    const mid2 = { cases: await countRows(t, 'cases'), audit: await countRows(t, 'audit_entries') };
    const dup = await caseworker.request('POST', '/api/victims/cases', { externalId: 'C-dup' });
    expect(await refusal(dup, 409)).toEqual({ code: 'conflict', paths: ['externalId'] });
    expect({ cases: await countRows(t, 'cases'), audit: await countRows(t, 'audit_entries') }).toEqual(mid2);
    const future = await caseworker.request('POST', '/api/victims/cases', { openedOn: '2999-01-01' });
    expect((await refusal(future, 400)).paths).toEqual(['openedOn']);
    expect({ cases: await countRows(t, 'cases'), audit: await countRows(t, 'audit_entries') }).toEqual(mid2);
  });

  it('lists cases newest first, by status, and audits each listed case', async () => {
    const a = await openCase();
    const b = await openCase();
    await caseworker.request('POST', `/api/victims/cases/${b.id}/status`, { status: 'active' });
    const all = await (await caseworker.request('GET', '/api/victims/cases?limit=2')).json();
    expect(all.cases.map((c: { id: string }) => c.id)).toEqual([b.id, a.id]);
    // Others see only the cases whose team they are on.
    const ids = async (client: TestClient, query = '') =>
      (
        (await (await client.request('GET', `/api/victims/cases${query}`)).json()).cases as { id: string }[]
      ).map((c) => c.id);
    expect(await ids(investigator)).not.toContain(b.id);
    await caseworker.request('POST', `/api/victims/cases/${b.id}/team`, { userId: investigator.userId });
    await caseworker.request('POST', `/api/victims/cases/${a.id}/team`, { userId: focalPoint.userId });
    await caseworker.request('POST', `/api/victims/cases/${b.id}/team`, { userId: focalPoint.userId });
    expect(await ids(investigator)).toContain(b.id);
    expect(await ids(investigator)).not.toContain(a.id);
    const active = await ids(focalPoint, '?status=active');
    expect(active).toContain(b.id);
    expect(active).not.toContain(a.id);
    expect((await auditActions(t, a.id)).map((e) => e.action)).toContain('case.list');
  });

  it('gives researchers no case route, and investigators no case writes', async () => {
    expect((await refusal(await researcher.request('GET', '/api/victims/cases'), 403)).code).toBe(
      'forbidden',
    );
    expect((await refusal(await investigator.request('POST', '/api/victims/cases', {}), 403)).code).toBe(
      'forbidden',
    );
  });
});

describe('catalogue and OpenAPI document', () => {
  it('serves the field catalogue to any logged-in user, researchers included', async () => {
    const res = await researcher.request('GET', '/api/victims/catalogue');
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.licence).toBe('CC BY 4.0');
    const gender = body.fields.find((f: { field: string }) => f.field === 'prs_Gender');
    expect(gender).toMatchObject({
      table: 'persons',
      column: 'gender',
      values: expect.arrayContaining(['Feminine']),
    });
  });

  it('documents every victims route with its schemas', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    for (const path of [
      '/api/victims/catalogue',
      '/api/victims/persons',
      '/api/victims/persons/{id}',
      '/api/victims/cases',
      '/api/victims/cases/{id}',
      '/api/victims/cases/{id}/status',
      '/api/victims/cases/{id}/persons',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['CreatePerson', 'Person', 'PersonSummary', 'Case', 'ChangeCaseStatus']),
    );
  });
});
