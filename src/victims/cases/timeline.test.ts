import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { call, openCaseWith, registerPerson } from '../../../test/helpers/cases.ts';
import { loginInOtherAgency, refusal } from '../../../test/helpers/victims.ts';
import { AUDIT_ACTIONS } from '../../platform/audit/actions.ts';
import { repoPath } from '../../platform/paths.ts';

type Entry = {
  id: string;
  at: string;
  source: string;
  type: string;
  actor: { id: string | null; username: string | null } | null;
  person: { id: string; pseudonym: string; view: string; name?: string | null } | null;
  recordId: string;
  detail: Record<string, unknown>;
  text?: string | null;
  textStatus?: string;
};

const DAY = 86_400_000;
let t: TestApp;
let caseworker: TestClient;
let investigator: TestClient;
let offTeam: TestClient;
let outsider: TestClient;
let caseId: string;
let personId: string;
let taskId: string;

async function timeline(
  client: TestClient,
  query = 'limit=200',
): Promise<{ entries: Entry[]; nextCursor: string | null; users: Record<string, { username: string }> }> {
  return call(client, 'GET', `/api/victims/cases/${caseId}/timeline?${query}`, 200);
}

/** Every page, following nextCursor. */
async function allPages(client: TestClient, limit: number, extra = '') {
  const seen: Entry[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 500; i++) {
    const page = await timeline(client, `limit=${limit}${extra}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    seen.push(...page.entries);
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('the timeline never ended');
}

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.loginAs(['caseworker']);
  investigator = await t.loginAs(['investigator']);
  offTeam = await t.loginAs(['investigator']);
  outsider = await loginInOtherAgency(t, ['caseworker']);
  personId = await registerPerson(caseworker);
  caseId = await openCaseWith(caseworker, [personId]);

  // A little of everything, in this order.
  await call(caseworker, 'POST', `/api/victims/cases/${caseId}/team`, 201, { userId: investigator.userId });
  await call(caseworker, 'POST', `/api/victims/cases/${caseId}/notes`, 201, {
    body: 'Met Đào at the shelter.',
  });
  taskId = (
    await call(caseworker, 'POST', `/api/victims/cases/${caseId}/tasks`, 201, {
      title: 'Ask Đào about her passport',
      dueOn: '2025-03-01',
    })
  ).task.id;
  await call(caseworker, 'POST', `/api/victims/cases/${caseId}/status`, 200, { status: 'active' });
  await call(caseworker, 'POST', `/api/victims/persons/${personId}/consents`, 201, {
    purpose: 'referral',
    categories: ['identity', 'case_history'],
    recipient: { country: 'VN', agency: 'Ministry of Labour, Invalids and Social Affairs' },
    subjectAge: 'adult',
    givenBy: { kind: 'subject' },
    method: { kind: 'signed_form', formSha256: createHash('sha256').update('form').digest('hex') },
    htcds: { con_Consent: true },
    givenAt: new Date(Date.now() - DAY).toISOString(),
    expiresAt: new Date(Date.now() + 180 * DAY).toISOString(),
  });
  await call(caseworker, 'POST', `/api/victims/persons/${personId}/identification-assessments`, 201, {
    subjectAge: 'adult',
    sets: [
      {
        setId: 'forced-criminality-online-scams',
        answers: [
          { indicatorId: 'fc_recruited_job_offer', answer: 'yes' },
          { indicatorId: 'fc_documents_taken', answer: 'yes' },
          { indicatorId: 'fc_forced_online_fraud', answer: 'yes' },
        ],
      },
    ],
    decision: 'presumed_victim',
    rationale: 'Recruited online, passport taken, forced to defraud.',
  });
  const { plan } = await call(caseworker, 'POST', `/api/victims/cases/${caseId}/support-plans`, 201, {
    personId,
    type: 'SocialCare',
  });
  await call(caseworker, 'POST', `/api/victims/support-plans/${plan.id}/items`, 201, {
    kind: 'repatriation',
    repatriationStep: 'nationality_verification',
  });
  await call(caseworker, 'PATCH', `/api/victims/tasks/${taskId}`, 200, { status: 'done' });
  await call(caseworker, 'PATCH', `/api/victims/persons/${personId}`, 200, {
    profile: { ethnicity: 'Kinh' },
  });
  // What the person page reads as it opens: reads, like the person's own.
  await call(caseworker, 'GET', `/api/victims/persons/${personId}/merged-records`, 200);
  await call(caseworker, 'GET', `/api/victims/persons/${personId}/duplicates`, 200);
});
afterAll(async () => t?.close());

describe('case timeline', () => {
  it('shows everything that happened, newest first, with what changed and who did it', async () => {
    const { entries, users } = await timeline(caseworker);
    const types = entries.map((e) => e.type);
    expect(types).toEqual([
      'person.update',
      'case_task.update',
      'support_item.create',
      'support_plan.create',
      'person.update', // the decision set the person's trafficking status
      'identification.assess',
      'consent.record',
      'case.status',
      'case_task.create',
      'case_note.create',
      'case_team.add',
      'case.person_linked',
      'case.opened',
      'person.create',
    ]);
    const at = entries.map((e) => e.at);
    expect([...at].sort().reverse()).toEqual(at);
    const byType = new Map(entries.map((e) => [e.type, e]));
    expect(byType.get('case.status')).toMatchObject({
      source: 'activity',
      actor: { id: caseworker.userId },
      detail: { from: 'open', to: 'active', htcdsStatus: 'Active' },
    });
    expect(byType.get('case_task.update')).toMatchObject({
      detail: { status: 'done' },
      text: 'Ask Đào about her passport',
      textStatus: 'shown',
    });
    expect(byType.get('case_note.create')).toMatchObject({
      text: 'Met Đào at the shelter.',
      textStatus: 'shown',
    });
    expect(byType.get('identification.assess')).toMatchObject({
      detail: { decision: 'presumed_victim', nonPunishment: true },
      person: { id: personId, view: 'identity', name: 'Nguyễn Thị Đào' },
    });
    expect(byType.get('consent.record')?.detail).toMatchObject({
      purpose: 'referral',
      recipientCountry: 'VN',
    });
    expect(byType.get('support_item.create')?.detail).toMatchObject({
      kind: 'repatriation',
      repatriationStep: 'nationality_verification',
      status: 'planned',
    });
    expect(byType.get('case_team.add')?.detail).toEqual({ userId: investigator.userId });
    expect(users[investigator.userId]?.username).toEqual(expect.any(String));
    expect(byType.get('person.update')).toMatchObject({ source: 'audit', actor: { id: caseworker.userId } });
    // Reads are left out unless asked for.
    expect(types.some((x) => x.endsWith('.read') || x.endsWith('.list'))).toBe(false);
    const withReads = await timeline(caseworker, 'limit=200&reads=true');
    expect(withReads.entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['case_timeline.read', 'person.merged_records', 'person.duplicate_search']),
    );
    // Every kind shown has a title in the interface's locales (the web shows an unknown one as its code).
    // The timeline's own kinds, or audit actions (test/audit-actions.test.ts checks those are named).
    const own = JSON.parse(readFileSync(repoPath('web', 'src', 'i18n', 'locales', 'en.json'), 'utf8')).victims
      .timeline.types;
    for (const type of new Set([...types, ...withReads.entries.map((e) => e.type)])) {
      expect(
        Object.hasOwn(own, type.replaceAll('.', '_')) || AUDIT_ACTIONS.some((a) => a === type),
        type,
      ).toBe(true);
    }
  });

  it('shows investigators on the team only pseudonyms, and no narratives', async () => {
    const page = await timeline(investigator);
    const json = JSON.stringify(page);
    expect(json).not.toMatch(/Nguyễn|Đào|passport|shelter/);
    const persons = page.entries.flatMap((e) => (e.person ? [e.person] : []));
    expect(persons.length).toBeGreaterThan(0);
    for (const p of persons)
      expect(p).toEqual({ id: personId, pseudonym: expect.stringMatching(/^P-/), view: 'pseudonym' });
    const note = page.entries.find((e) => e.type === 'case_note.create');
    expect(note).toMatchObject({ text: null, textStatus: 'withheld' });
    // Off the team, or in another agency: the case is not found.
    await refusal(await offTeam.request('GET', `/api/victims/cases/${caseId}/timeline`), 404);
    await refusal(await outsider.request('GET', `/api/victims/cases/${caseId}/timeline`), 404);
  });

  it('audits the read and every person it shows', async () => {
    const before = await t.deps.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    await timeline(investigator, 'limit=5');
    const written = await t.deps.db
      .selectFrom('audit_entries')
      .select(['action', 'record_id', 'actor_id'])
      .where('id', '>', String(before.id ?? 0))
      .orderBy('id')
      .execute();
    expect(written).toEqual([
      { action: 'case_timeline.read', record_id: caseId, actor_id: investigator.userId },
      { action: 'person.read', record_id: personId, actor_id: investigator.userId },
    ]);
  });

  it('pages without skipping or repeating, even when entries share a millisecond', async () => {
    // Rows written at one instant (as an import in one statement would): ties broken by source and id.
    await sql`insert into case_comments (id, agency_id, case_id, author_id, body_enc, created_at)
      select gen_random_uuid(), agency_id, id, ${caseworker.userId}, 'jf1.x.y', '2025-01-01T00:00:00.123Z'
      from cases, generate_series(1, 4) where id = ${caseId}`.execute(t.deps.db);
    await sql`insert into case_activity (agency_id, case_id, at, action, record_type, record_id, detail)
      select agency_id, id, '2025-01-01T00:00:00.123456Z', 'case_team.add', 'case', id::text, '{}'
      from cases, generate_series(1, 3) where id = ${caseId}`.execute(t.deps.db);
    const full = (await timeline(caseworker)).entries.map((e) => e.id);
    expect(new Set(full).size).toBe(full.length);
    for (const limit of [1, 2, 3, 5]) {
      expect(
        (await allPages(caseworker, limit)).map((e) => e.id),
        `limit ${limit}`,
      ).toEqual(full);
    }
    // With reads, each page's own read lands above the cursor: later pages never see it.
    const withReads = (await timeline(caseworker, 'limit=200&reads=true')).entries.map((e) => e.id);
    const paged = await allPages(caseworker, 4, '&reads=true');
    const added = paged.slice(0, paged.length - withReads.length);
    expect(paged.slice(added.length).map((e) => e.id)).toEqual(withReads);
    expect(added.map((e) => e.type).sort()).toEqual(['case_timeline.read', 'person.read']);
  });

  it('shows records made without history (an import) once, from their own row', async () => {
    await sql`insert into case_tasks (id, agency_id, case_id, title_enc, created_by)
      select gen_random_uuid(), agency_id, id, 'jf1.x.y', ${caseworker.userId} from cases where id = ${caseId}`.execute(
      t.deps.db,
    );
    const created = (await timeline(caseworker)).entries.filter((e) => e.type === 'case_task.create');
    expect(created.map((e) => e.detail.source ?? 'activity')).toEqual(['record', 'activity']);
    expect(created[0]).toMatchObject({ source: 'record', textStatus: 'tampered', text: null });
  });

  it('refuses a cursor it did not give, naming it', async () => {
    const forged = Buffer.from(JSON.stringify([1, 'audit', "1'; drop table x"])).toString('base64url');
    for (const cursor of ['nonsense', forged]) {
      const r = await refusal(
        await caseworker.request('GET', `/api/victims/cases/${caseId}/timeline?cursor=${cursor}`),
        400,
      );
      expect(r.paths).toEqual(['cursor']);
    }
    const r = await refusal(
      await caseworker.request('GET', `/api/victims/cases/${caseId}/timeline?limit=0`),
      400,
    );
    expect(r.paths).toEqual(['limit']);
  });
});
