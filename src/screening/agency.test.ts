import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Role } from '../platform/auth/roles.ts';

// Alerts belong to an agency: every alert route (list, read, assign, review) sees only the caller's
// agency's alerts and answers 404 for another's, as if it did not exist; an alert is assigned only
// to a user of its agency. The watchlist is node-wide by design (README).

const SCAM =
  'Tuyển CTV đánh máy tại Campuchia, việc nhẹ lương cao 1500$/tháng, bao vé máy bay, bao ăn ở, không cần kinh nghiệm, liên hệ Telegram @tuyendung_kk88';
const PASSWORD = 'another long test password';

let t: TestApp;
let analystA: TestClient;
let investigatorA: TestClient;
let analystB: TestClient;
let alertA: string;
let alertB: string;

async function userOfAgency(agencyId: string, roles: Role[]): Promise<TestClient> {
  const username = `b_${Math.random().toString(36).slice(2, 8)}`;
  await t.deps.db
    .insertInto('users')
    .values({
      agency_id: agencyId,
      username,
      display_name: username,
      password_hash: await hashPassword(PASSWORD),
      roles,
    })
    .execute();
  return t.login(username, PASSWORD);
}

async function screen(client: TestClient, text: string): Promise<string> {
  const { alertId } = await (await client.request('POST', '/api/screen', { text })).json();
  expect(alertId).toEqual(expect.any(String));
  return alertId;
}

const ids = async (client: TestClient, query = '') =>
  ((await (await client.request('GET', `/api/alerts${query}`)).json()).alerts as { id: string }[]).map(
    (a) => a.id,
  );

const stored = (id: string) =>
  t.deps.db
    .selectFrom('screening_alerts')
    .select(['status', 'assignee_id', 'review_reason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

async function auditCount(recordId: string): Promise<number> {
  const rows = await t.deps.db
    .selectFrom('audit_entries')
    .select('id')
    .where('record_id', '=', recordId)
    .execute();
  return rows.length;
}

beforeAll(async () => {
  t = await createTestApp();
  analystA = await t.loginAs(['analyst']);
  investigatorA = await t.loginAs(['investigator']);
  const agencyB = await t.deps.db
    .insertInto('agencies')
    .values({ name: 'Agency B', org_type: 'LawEnforcement', country: 'VN' })
    .returning('id')
    .executeTakeFirstOrThrow();
  analystB = await userOfAgency(agencyB.id, ['analyst', 'investigator']);
  alertA = await screen(analystA, SCAM);
  alertB = await screen(analystB, `${SCAM} (B)`);
});
afterAll(async () => t?.close());

describe('alerts of another agency', () => {
  it('are not listed, whatever the filter', async () => {
    expect(await ids(analystA)).toEqual([alertA]);
    expect(await ids(analystB)).toEqual([alertB]);
    for (const query of ['?status=open', '?level=high', `?q=${encodeURIComponent('@tuyendung_kk88')}`]) {
      expect(await ids(analystB, query), query).toEqual([alertB]);
    }
    // Everyone of agency A who reads alerts sees A's queue.
    expect(await ids(investigatorA)).toEqual([alertA]);
  });

  it('answer 404 to read, assign and review, changing nothing', async () => {
    const before = { row: await stored(alertA), audit: await auditCount(alertA) };
    const attempts: [string, string, unknown][] = [
      ['GET', `/api/alerts/${alertA}`, undefined],
      ['POST', `/api/alerts/${alertA}/assign`, { assigneeId: analystB.userId }],
      ['POST', `/api/alerts/${alertA}/assign`, { assigneeId: null }],
      ['POST', `/api/alerts/${alertA}/review`, { decision: 'dismissed', reason: 'not ours' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await analystB.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      const { error } = await res.json();
      expect(error).toMatchObject({ code: 'not_found', message: 'The alert was not found.' });
      // The same answer as for an alert that does not exist at all.
      const none = await analystB.request(method, path.replace(alertA, crypto.randomUUID()), body);
      expect(none.status).toBe(404);
      expect((await none.json()).error).toEqual(error);
    }
    expect(await stored(alertA)).toEqual(before.row);
    expect(await auditCount(alertA)).toBe(before.audit);
  });

  it('cannot be assigned to a user of another agency (400 naming assigneeId)', async () => {
    const before = { row: await stored(alertA), audit: await auditCount(alertA) };
    const res = await analystA.request('POST', `/api/alerts/${alertA}/assign`, {
      assigneeId: analystB.userId,
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toMatch(/assigneeId/);
    expect(error.fields).toEqual([
      { path: 'assigneeId', code: 'not_agency_user', message: 'is not a user of your agency' },
    ]);
    // An unknown user is refused the same way.
    const unknown = await analystA.request('POST', `/api/alerts/${alertA}/assign`, {
      assigneeId: crypto.randomUUID(),
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields[0].path).toBe('assigneeId');
    expect(await stored(alertA)).toEqual(before.row);
    expect(await auditCount(alertA)).toBe(before.audit);

    // A colleague of the same agency may hold it.
    const ok = await analystA.request('POST', `/api/alerts/${alertA}/assign`, {
      assigneeId: investigatorA.userId,
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).alert.assigneeId).toBe(investigatorA.userId);
    expect(await ids(investigatorA, '?assignee=me')).toEqual([alertA]);
  });

  it('leave each agency its own review', async () => {
    const res = await analystB.request('POST', `/api/alerts/${alertB}/review`, {
      decision: 'confirmed',
      reason: 'known recruiter',
    });
    expect(res.status).toBe(200);
    expect((await res.json()).alert).toMatchObject({ id: alertB, status: 'confirmed', text: `${SCAM} (B)` });
    expect((await stored(alertA)).status).toBe('open');
    expect((await analystA.request('GET', `/api/alerts/${alertB}`)).status).toBe(404);
  });
});
