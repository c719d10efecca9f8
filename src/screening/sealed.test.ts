import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { auditActions } from '../../test/helpers/victims.ts';
import { loadFieldCipher } from '../platform/crypto/fields.ts';
import { parseMasterKey } from '../platform/crypto/master-key.ts';
import { rotateDataKey } from '../platform/crypto/rotate.ts';
import type { Principal } from '../platform/http/policy.ts';
import { type JobSystem, startJobs } from '../platform/jobs/runner.ts';
import { runBatch } from './batch/run.ts';
import { storeUpload } from './batch/upload.ts';
import { MIN_REVIEWS_PER_LABEL } from './retrain.ts';

// An alert's post and screening result are sealed at rest (migrations/0016): the table holds no
// plain text of the post or of the phone numbers and handles in it, the API opens them for the
// agency's readers, a value changed or moved in the database is reported as tampered (never as
// garbage), `q` finds identifiers through keyed tokens, and key rotation re-seals everything.

const PHONE = '+66 81 234 5678';
const HANDLE = 'kk_jobs88';
const POST = `Việc nhẹ lương cao tại Campuchia 1500$/tháng, bao vé máy bay, gọi ngay ${PHONE} hoặc Telegram @${HANDLE}`;
const OTHER =
  'Tuyển CTV đánh máy tại Campuchia, việc nhẹ lương cao 1500$/tháng, bao ăn ở, liên hệ Telegram @tuyendung_kk88';
const SECRETS = [POST, PHONE, '+66812345678', '66812345678', '812345678', '0812345678', HANDLE, 'Campuchia'];

let t: TestApp;
let analyst: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.loginAs(['analyst']);
});
afterAll(async () => t?.close());

async function screen(text: string, id?: string): Promise<string> {
  const res = await analyst.request('POST', '/api/screen', { text, country: 'TH', ...(id ? { id } : {}) });
  expect(res.status).toBe(200);
  const { alertId } = await res.json();
  expect(alertId).toEqual(expect.any(String));
  return alertId;
}

/** Every column of these alerts (or of all), as PostgreSQL prints them. */
async function storedText(ids?: string[]): Promise<string> {
  const { rows } = await sql<{ row: string }>`
    select row_to_json(a)::text as row from screening_alerts a
    where ${ids ? sql`a.id = any(${ids}::uuid[])` : sql`true`}`.execute(t.deps.db);
  return rows.map((r) => r.row).join('\n');
}

function expectNoPlainText(stored: string) {
  expect(stored).toContain('jf1.');
  for (const secret of SECRETS) {
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(JSON.stringify(secret).slice(1, -1));
  }
}

const sealedOf = (id: string) =>
  t.deps.db
    .selectFrom('screening_alerts')
    .select(['post_text_enc', 'result_enc'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const setSealed = (id: string, set: { post_text_enc?: string; result_enc?: string }) =>
  t.deps.db.updateTable('screening_alerts').set(set).where('id', '=', id).execute();

const flipped = (value: string) =>
  `${value.slice(0, -5)}${value.at(-5) === 'A' ? 'B' : 'A'}${value.slice(-4)}`;

async function actionsOn(recordId: string): Promise<string[]> {
  return (await auditActions(t, recordId)).map((r) => r.action);
}

const listIds = async (query: string) =>
  ((await (await analyst.request('GET', `/api/alerts${query}`)).json()).alerts as { id: string }[]).map(
    (a) => a.id,
  );

describe('a sealed alert', () => {
  let alertId: string;

  it('stores no plain text of the post, its phone number or its handle, and gives them to its readers', async () => {
    alertId = await screen(POST, 'post-sealed-1');
    expectNoPlainText(await storedText([alertId]));

    const res = await analyst.request('GET', `/api/alerts/${alertId}`);
    expect(res.status).toBe(200);
    const { alert } = await res.json();
    expect(alert.text).toBe(POST);
    expect(alert.integrity).toEqual({ status: 'ok', tamperedFields: [] });
    expect(alert.result.identifiers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'phone', normalized: '+66812345678' }),
        expect.objectContaining({ kind: 'telegram', normalized: HANDLE }),
      ]),
    );
    const [listed] = (await (await analyst.request('GET', '/api/alerts?q=post-sealed-1')).json()).alerts;
    expect(listed).toMatchObject({ id: alertId, excerpt: POST, integrity: { status: 'ok' } });
  });

  it('is found by an identifier it names, in any written form, or by its id or URL; not by its words', async () => {
    const other = await screen(OTHER);
    for (const q of [
      '+66812345678',
      '081 234 5678',
      '+66 81-234-5678',
      '@kk_jobs88',
      'KK_JOBS88',
      'post-sealed-1',
    ]) {
      expect(await listIds(`?q=${encodeURIComponent(q)}`), q).toEqual([alertId]);
    }
    expect(await listIds(`?q=${encodeURIComponent('@tuyendung_kk88')}`)).toEqual([other]);
    // The words of a post are sealed: no search reads them.
    expect(await listIds(`?q=${encodeURIComponent('Campuchia')}`)).toEqual([]);
    expect(await listIds(`?q=${encodeURIComponent('0899999999')}`)).toEqual([]);
    // The other filters still combine with it.
    expect(await listIds(`?q=${encodeURIComponent(HANDLE)}&status=dismissed`)).toEqual([]);
  });

  it('seals the alerts a batch raises too', async () => {
    const jobs: JobSystem = await startJobs({
      url: t.database.url,
      db: t.deps.db,
      logger: pino({ level: 'silent' }),
      work: false,
    });
    try {
      const principal: Principal = await t.principalOf(analyst);
      const body = new Blob([`${JSON.stringify({ id: 'b1', text: POST, country: 'TH' })}\n`]).stream();
      const meta = { format: 'jsonl' as const, name: null, maxBytes: 1 << 20, chunkBytes: 1 << 20 };
      const batch = await storeUpload(t.deps.db, t.deps.cipher, principal, body, meta);
      expect(await runBatch(t.deps, batch.id)).toBe('done');
      const [raised] = await listIds(`?batch=${batch.id}`);
      expect(raised).toEqual(expect.any(String));
      expectNoPlainText(await storedText([raised ?? '']));
      const { alert } = await (await analyst.request('GET', `/api/alerts/${raised}`)).json();
      expect(alert).toMatchObject({ text: POST, batchId: batch.id, integrity: { status: 'ok' } });
      expect(await listIds(`?q=${encodeURIComponent(PHONE)}&batch=${batch.id}`)).toEqual([raised]);
    } finally {
      await jobs.stop(5_000);
    }
  });
});

describe('a tampered alert', () => {
  it.each([
    [
      'a changed byte in the post',
      async (id: string) => setSealed(id, { post_text_enc: flipped((await sealedOf(id)).post_text_enc) }),
      ['text'],
    ],
    [
      'a changed byte in the result',
      async (id: string) => setSealed(id, { result_enc: flipped((await sealedOf(id)).result_enc) }),
      ['result'],
    ],
    [
      'the post of another alert',
      async (id: string) =>
        setSealed(id, { post_text_enc: (await sealedOf(await screen(OTHER))).post_text_enc }),
      ['text'],
    ],
    [
      'the result moved into the post column',
      async (id: string) => setSealed(id, { post_text_enc: (await sealedOf(id)).result_enc }),
      ['text'],
    ],
    ['not a sealed value at all', async (id: string) => setSealed(id, { post_text_enc: POST }), ['text']],
  ])('is reported as tampered, never shown: %s', async (_, tamper, fields) => {
    const id = await screen(POST);
    await tamper(id);

    const res = await analyst.request('GET', `/api/alerts/${id}`);
    expect(res.status).toBe(200);
    const { alert } = await res.json();
    expect(alert.integrity).toEqual({ status: 'tampered', tamperedFields: fields });
    if (fields.includes('text')) expect(alert).toMatchObject({ text: null, excerpt: null });
    else expect(alert.text).toBe(POST);
    if (fields.includes('result')) expect(alert.result).toBeNull();
    else expect(alert.result.level).toBe('high');
    expect(await actionsOn(id)).toEqual(['alert.create', 'alert.tamper_detected']);

    const listed = (await (await analyst.request('GET', '/api/alerts?limit=200')).json()).alerts.find(
      (a: { id: string }) => a.id === id,
    );
    expect(listed.excerpt).toBe(fields.includes('text') ? null : POST.slice(0, 280));
    expect(listed.integrity.status).toBe(fields.includes('text') ? 'tampered' : 'ok');
  });

  it('is left out of retraining, named, while the intact reviews teach the model', async () => {
    // A retrain needs MIN_REVIEWS_PER_LABEL intact reviews of each label; one more is tampered with.
    const reviewed: Array<[string, 'confirmed' | 'dismissed']> = [];
    for (let i = 0; i <= MIN_REVIEWS_PER_LABEL; i++) {
      if (i < MIN_REVIEWS_PER_LABEL) reviewed.push([await screen(`${POST} ${i}`), 'confirmed']);
      reviewed.push([await screen(`${OTHER} ${i}`), 'dismissed']);
    }
    for (const [id, decision] of reviewed) {
      const res = await analyst.request('POST', `/api/alerts/${id}/review`, { decision, reason: 'checked' });
      expect(res.status).toBe(200);
    }
    const bad = reviewed.at(-1)?.[0] ?? '';
    await setSealed(bad, { post_text_enc: flipped((await sealedOf(bad)).post_text_enc) });
    const res = await analyst.request('POST', '/api/screening/models/retrain');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.tampered).toEqual([bad]);
    expect(body.model.examples).toBe(2 * MIN_REVIEWS_PER_LABEL);
    expect(await actionsOn(bad)).toContain('alert.tamper_detected');
  });
});

describe('key rotation', () => {
  it('re-seals every alert, which then opens and is found as before', async () => {
    // A rotation stops at a value that does not open: the tampered alerts above go first.
    const all = await t.deps.db.selectFrom('screening_alerts').select('id').execute();
    for (const { id } of all) {
      const { alert } = await (await analyst.request('GET', `/api/alerts/${id}`)).json();
      if (alert.integrity.status === 'tampered') {
        await t.deps.db.deleteFrom('screening_alerts').where('id', '=', id).execute();
      }
    }
    const id = await screen(POST, 'rotated');
    const before = await sealedOf(id);
    const count = Number(
      (await sql<{ n: string }>`select count(*) as n from screening_alerts`.execute(t.deps.db)).rows[0]?.n,
    );

    const master = parseMasterKey(t.config.masterKey ?? '');
    const rotation = await rotateDataKey(t.deps.db, master);
    expect(rotation.reEncrypted).toMatchObject({
      'screening_alerts.post_text_enc': count,
      'screening_alerts.result_enc': count,
      'screening_secrets.secret_enc': 1,
    });
    // A restarted process (a fresh cipher) reads everything under the new key.
    t.deps.cipher = await loadFieldCipher(t.deps.db, master);
    const after = await sealedOf(id);
    for (const column of ['post_text_enc', 'result_enc'] as const) {
      expect(after[column]).not.toBe(before[column]);
      expect(t.deps.cipher.keyIdOf(after[column])).toBe(rotation.newKeyId);
    }
    const { alert } = await (await analyst.request('GET', `/api/alerts/${id}`)).json();
    expect(alert).toMatchObject({ text: POST, integrity: { status: 'ok', tamperedFields: [] } });
    expect(alert.result.identifiers.map((i: { normalized: string }) => i.normalized)).toContain(
      '+66812345678',
    );
    // The search secret was re-sealed, not replaced: old tokens still match.
    expect(await listIds(`?q=${encodeURIComponent('081 234 5678')}&status=open`)).toContain(id);
    expectNoPlainText(await storedText());
  });
});
