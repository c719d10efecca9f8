import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { MAX_POST_BYTES } from './schema.ts';

const SCAM_VI =
  'Tuyển CTV đánh máy tại Campuchia, việc nhẹ lương cao 1500$/tháng, bao vé máy bay, bao ăn ở, không cần kinh nghiệm, liên hệ Telegram @tuyendung_kk88';
// One clear red flag (a scam hub named) and a Telegram contact: medium, not high.
const MEDIUM_VI = 'Tuyển nhân viên văn phòng làm việc tại Sihanoukville, liên hệ Telegram @tuyen_dung77';
const ORDINARY =
  'Hiring an accountant in Bangkok, 3 years experience, salary negotiable. Send your CV to hr@example.co.th';

let t: TestApp;
let analyst: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.loginAs(['analyst']);
});
afterAll(async () => t?.close());

async function auditActions(recordId: string): Promise<string[]> {
  const rows = await t.deps.db
    .selectFrom('audit_entries')
    .select('action')
    .where('record_id', '=', recordId)
    .execute();
  return rows.map((r) => r.action);
}

describe('POST /api/screen', () => {
  it('flags a recruitment scam with reasons, spans in the original text, identifiers, and an alert', async () => {
    const res = await analyst.request('POST', '/api/screen', { text: SCAM_VI, id: 'post-1', country: 'VN' });
    expect(res.status).toBe(200);
    const { result, alertId } = await res.json();
    expect(result.id).toBe('post-1');
    expect(result.lang).toBe('vi');
    expect(result.level).toBe('high');
    expect(result.indicators.length).toBeGreaterThan(2);
    for (const ind of result.indicators) {
      expect(typeof ind.reason).toBe('string');
      for (const [s, e] of ind.spans) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(SCAM_VI.length);
        expect(e).toBeGreaterThan(s);
      }
    }
    const telegram = result.identifiers.find((i: { kind: string }) => i.kind === 'telegram');
    expect(telegram?.normalized).toBe('tuyendung_kk88');
    const [s, e] = telegram.spans[0];
    expect(SCAM_VI.slice(s, e)).toContain('tuyendung_kk88');
    expect(alertId).toEqual(expect.any(String));
    expect(await auditActions(alertId)).toEqual(['alert.create']);
  });

  it('opens an alert for a post flagged at medium, as screen eval counts it', async () => {
    const res = await analyst.request('POST', '/api/screen', { text: MEDIUM_VI });
    const { result, alertId } = await res.json();
    expect(result.level).toBe('medium');
    expect(alertId).toEqual(expect.any(String));
    expect(await auditActions(alertId)).toEqual(['alert.create']);
  });

  it('takes a post of exactly the limit in UTF-8 bytes, however many lines it has', async () => {
    // 102,400 bytes with 6,000 newlines: JSON-escaped, the body is over the old limit of 106,496.
    const line = `${'ก'.repeat(5)}\n`; // 16 bytes
    const post = line.repeat(6_000) + 'x'.repeat(MAX_POST_BYTES - 16 * 6_000);
    expect(Buffer.byteLength(post)).toBe(MAX_POST_BYTES);
    expect((await analyst.request('POST', '/api/screen', { text: post })).status).toBe(200);
  });

  it('lets an ordinary job ad through without an alert', async () => {
    const res = await analyst.request('POST', '/api/screen', { text: ORDINARY });
    const { result, alertId } = await res.json();
    expect(result.level).toBe('low');
    expect(alertId).toBeNull();
  });

  it('refuses empty, oversized and malformed input, writing nothing', async () => {
    const before = await t.deps.db
      .selectFrom('screening_alerts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect((await analyst.request('POST', '/api/screen', { text: '' })).status).toBe(400);
    expect((await analyst.request('POST', '/api/screen', { text: 'x'.repeat(300 * 1024) })).status).toBe(413);
    // The limit is in UTF-8 bytes, said as a field problem (the web form holds no more than it).
    const thai = await analyst.request('POST', '/api/screen', { text: 'ง'.repeat(40_000) }); // 120,000 bytes
    expect(thai.status).toBe(400);
    expect((await thai.json()).error.fields).toEqual([
      expect.objectContaining({ path: 'text', message: expect.stringContaining('102400 bytes') }),
    ]);
    expect((await analyst.request('POST', '/api/screen', { text: 'ok', country: 'Vietnam' })).status).toBe(
      400,
    );
    expect((await analyst.request('POST', '/api/screen', { text: '\ud800 broken' })).status).toBe(400);
    const after = await t.deps.db
      .selectFrom('screening_alerts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('gives the reasons in the reader’s language (Accept-Language), on the result and on its alert', async () => {
    const english = await (await analyst.request('POST', '/api/screen', { text: SCAM_VI })).json();
    const res = await analyst.request(
      'POST',
      '/api/screen',
      { text: SCAM_VI },
      { 'accept-language': 'th-TH,th;q=0.9,en;q=0.5' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('th');
    const { result, alertId } = await res.json();
    const reason = (r: typeof result, id: string) =>
      r.indicators.find((i: { id: string }) => i.id === id)?.reason;
    // the same matches and shape, only the reasons differ
    expect(result.indicators.map((i: { id: string }) => i.id)).toEqual(
      english.result.indicators.map((i: { id: string }) => i.id),
    );
    expect(Object.keys(result)).toEqual(Object.keys(english.result));
    expect(reason(english.result, 'light_work_high_pay')).toMatch(/^Promises high pay/);
    expect(reason(result, 'light_work_high_pay')).toMatch(/^สัญญาว่าจะได้เงินเดือนสูง/);
    for (const ind of result.indicators) expect(ind.reason, ind.id).toMatch(/[\u0e00-\u0e7f]/);

    // the stored alert is presented in each reader's language too
    const th = await analyst.request('GET', `/api/alerts/${alertId}`, undefined, { 'accept-language': 'th' });
    expect(reason((await th.json()).alert.result, 'light_work_high_pay')).toBe(
      reason(result, 'light_work_high_pay'),
    );
    const vi = await (
      await analyst.request('GET', `/api/alerts/${alertId}`, undefined, { 'accept-language': 'vi' })
    ).json();
    expect(reason(vi.alert.result, 'light_work_high_pay')).toMatch(/^Hứa trả lương cao/);
    const none = await analyst.request('GET', `/api/alerts/${alertId}`, undefined, {
      'accept-language': 'de-DE',
    });
    expect(none.headers.get('content-language')).toBe('en');
    expect(reason((await none.json()).alert.result, 'light_work_high_pay')).toMatch(/^Promises high pay/);
  });

  it('screens 10,000 repeated characters and Zawgyi Burmese without failing', async () => {
    const long = await analyst.request('POST', '/api/screen', { text: 'a'.repeat(10_000) });
    expect(long.status).toBe(200);
    const zawgyi = await analyst.request('POST', '/api/screen', { text: 'ထိုင္းႏိုင္ငံတြင္ အလုပ္ရွာေဖြေနသူမ်ား' });
    expect(zawgyi.status).toBe(200);
    expect((await zawgyi.json()).result.lang).toBe('my');
  });
});

describe('watchlist and alert review', () => {
  it('refuses a value not of its kind once, as a coded field problem that does not repeat it', async () => {
    const value = `+66 ${'9'.repeat(296)}`; // 300 characters, no phone number
    const res = await analyst.request('POST', '/api/watchlist', { kind: 'phone', value });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields).toEqual([
      {
        path: 'value',
        message: 'is not a valid phone',
        code: 'invalid_identifier',
        params: { kind: 'phone' },
      },
    ]);
    expect(error.message).not.toContain(value);
  });

  it('raises an alert whenever a watchlisted identifier appears, and records the review', async () => {
    const add = await analyst.request('POST', '/api/watchlist', {
      kind: 'telegram',
      value: '@Boss_Recruiter9',
      note: 'case 12',
    });
    expect(add.status).toBe(201);
    const { entry } = await add.json();
    expect(entry.normalized).toBe('boss_recruiter9');
    expect(
      (await analyst.request('POST', '/api/watchlist', { kind: 'telegram', value: 'boss_recruiter9' }))
        .status,
    ).toBe(409);
    expect(
      (
        await analyst.request('POST', '/api/watchlist', {
          kind: 'wallet_tron',
          value: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6x',
        })
      ).status,
    ).toBe(400);

    const res = await analyst.request('POST', '/api/screen', {
      text: 'hello, message me on telegram t.me/boss_recruiter9',
    });
    const { alertId, watchlistHits } = await res.json();
    expect(watchlistHits).toEqual(['telegram:boss_recruiter9']);
    expect(alertId).toEqual(expect.any(String));

    const list = await (await analyst.request('GET', '/api/alerts?status=open')).json();
    expect(list.alerts.map((a: { id: string }) => a.id)).toContain(alertId);

    const assign = await analyst.request('POST', `/api/alerts/${alertId}/assign`, {
      assigneeId: analyst.userId,
    });
    expect((await assign.json()).alert.assigneeId).toBe(analyst.userId);
    const mine = await (await analyst.request('GET', '/api/alerts?assignee=me')).json();
    expect(mine.alerts.map((a: { id: string }) => a.id)).toEqual([alertId]);

    const review = await analyst.request('POST', `/api/alerts/${alertId}/review`, {
      decision: 'confirmed',
      reason: 'known recruiter',
    });
    expect(review.status).toBe(200);
    expect((await review.json()).alert.status).toBe('confirmed');
    const again = await analyst.request('POST', `/api/alerts/${alertId}/review`, {
      decision: 'dismissed',
      reason: 'oops',
    });
    expect(again.status).toBe(409);
    expect(await auditActions(alertId)).toEqual(['alert.create', 'alert.assign', 'alert.confirm']);

    const detail = await (await analyst.request('GET', `/api/alerts/${alertId}`)).json();
    expect(detail.alert.text).toContain('t.me/boss_recruiter9');
    expect(detail.alert.reviewReason).toBe('known recruiter');

    const remove = await analyst.request('DELETE', `/api/watchlist/${entry.id}`);
    expect(remove.status).toBe(204);
  });
});
