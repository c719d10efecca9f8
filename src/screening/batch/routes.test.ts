import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { runCli } from '../../../test/helpers/cli.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { type JobSystem, startJobs } from '../../platform/jobs/runner.ts';

// POST /api/screen/batch end to end: the upload is stored, a real pg-boss worker screens it, and
// the results are the ones `jaring screen` and POST /api/screen give for the same lines.

const MAX_BYTES = 64 * 1024;
const SCAM_VI =
  'Tuyển CTV đánh máy tại Campuchia, việc nhẹ lương cao 1500$/tháng, bao vé máy bay, bao ăn ở, không cần kinh nghiệm, liên hệ Telegram @tuyendung_kk88';
const ORDINARY =
  'Hiring an accountant in Bangkok, 3 years experience, salary negotiable. Send your CV to hr@example.co.th';
const WATCHED = 'hello, message me on telegram t.me/boss_recruiter9';
const SCAM_TH = 'รับสมัครงานด่วน ทำงานที่กัมพูชา เงินเดือนสูง 50,000 บาท ไม่ต้องมีประสบการณ์ ออกค่าตั๋วให้ ติดต่อไลน์ @jobcambo99';

const posts = [
  { id: 'p1', text: SCAM_VI, country: 'VN' },
  { id: 'p2', text: ORDINARY },
  { id: 'p6', text: WATCHED },
  { text: SCAM_TH },
];
// Line by line: 1 p1, 2 p2, 3 not JSON, 4 blank (skipped), 5 empty text, 6 p6, 7 no id (CRLF), 8 unterminated.
const FILE = [
  JSON.stringify(posts[0]),
  JSON.stringify(posts[1]),
  '{"id": "p3", "text": ',
  '   ',
  JSON.stringify({ id: 'p5', text: '' }),
  `${JSON.stringify(posts[2])}\r`,
  JSON.stringify(posts[3]),
  JSON.stringify({ id: 'p8', text: ORDINARY, country: 'Thailand' }),
].join('\n');

let t: TestApp;
let jobs: JobSystem;
let investigator: TestClient;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({ JARING_BATCH_MAX_BYTES: String(MAX_BYTES) });
  jobs = await startJobs({
    url: t.database.url,
    db: t.deps.db,
    logger: pino({ level: 'silent' }),
    work: true,
    cipher: async () => t.deps.cipher,
  });
  investigator = await t.loginAs(['investigator']);
  dir = mkdtempSync(join(tmpdir(), 'jaring-batch-'));
});
afterAll(async () => {
  await jobs?.stop(5_000);
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What fetch takes as a request body (the DOM's BodyInit, which lib ES2024 does not declare), or none. */
type UploadBody = NonNullable<RequestInit['body']> | null;

/** Sends a raw body as this client, as a browser or curl would. */
function upload(client: TestClient, body: UploadBody, query = '', headers: Record<string, string> = {}) {
  return t.app.request(`/api/screen/batch${query}`, {
    method: 'POST',
    body,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, ...headers },
  });
}

async function waitUntilFinished(client: TestClient, id: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { batch } = await (await client.request('GET', `/api/screen/batch/${id}`)).json();
    if (batch.status === 'done' || batch.status === 'failed') return batch;
    if (Date.now() > deadline) throw new Error(`batch ${id} still ${batch.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function results(client: TestClient, id: string, headers: Record<string, string> = {}, query = '') {
  const res = await client.request('GET', `/api/screen/batch/${id}/results${query}`, undefined, headers);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="screening-${id}.jsonl"`);
  expect(res.headers.get('x-request-id')).toBeTruthy();
  const text = await res.text();
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
}

async function auditCount(action: string, recordId?: string) {
  let q = t.deps.db
    .selectFrom('audit_entries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', action);
  if (recordId) q = q.where('record_id', '=', recordId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Everything an upload could have written. */
async function footprint() {
  const n = async (query: string) =>
    Number((await sql<{ n: string }>`${sql.raw(query)}`.execute(t.deps.db)).rows[0]?.n);
  return {
    batches: await n('select count(*) as n from screening_batches'),
    chunks: await n('select count(*) as n from screening_batch_chunks'),
    audit: await n('select count(*) as n from audit_entries'),
    jobs: await n(`select count(*) as n from pgboss.job where name = 'screening.batch'`),
  };
}

async function userOfOtherAgency(roles: Role[]): Promise<TestClient> {
  const agency = await t.deps.db
    .insertInto('agencies')
    .values({ name: `Other agency ${Math.random()}`, org_type: 'LawEnforcement', country: 'VN' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const username = `other_${Math.random().toString(36).slice(2, 8)}`;
  await t.deps.db
    .insertInto('users')
    .values({
      agency_id: agency.id,
      username,
      display_name: username,
      password_hash: await hashPassword('another long test password'),
      roles,
    })
    .execute();
  return t.login(username, 'another long test password');
}

describe('POST /api/screen/batch', () => {
  let batchId: string;

  it('stores the upload, answers 202 with a status URL, and screens it to the end', async () => {
    const watch = await investigator.request('POST', '/api/watchlist', {
      kind: 'telegram',
      value: 'boss_recruiter9',
    });
    expect(watch.status).toBe(201);
    const alertsBefore = await auditCount('alert.create');

    const res = await upload(investigator, FILE, '?name=export.jsonl', {
      'content-type': 'application/x-ndjson',
    });
    expect(res.status).toBe(202);
    const { batch } = await res.json();
    batchId = batch.id;
    expect(res.headers.get('location')).toBe(`/api/screen/batch/${batchId}`);
    expect(batch).toMatchObject({
      name: 'export.jsonl',
      format: 'jsonl',
      status: 'queued',
      totalBytes: Buffer.byteLength(FILE),
      sha256: createHash('sha256').update(FILE).digest('hex'),
      statusUrl: `/api/screen/batch/${batchId}`,
      resultsUrl: `/api/screen/batch/${batchId}/results`,
    });
    expect(await auditCount('screening_batch.upload', batchId)).toBe(1);

    const done = await waitUntilFinished(investigator, batchId);
    expect(done).toMatchObject({
      status: 'done',
      bytesDone: Buffer.byteLength(FILE),
      linesDone: 8,
      percent: 100,
      error: null,
    });
    expect(done.counts.errors).toBe(3);
    expect(done.counts.low + done.counts.medium + done.counts.high).toBe(4);
    expect(done.counts.high).toBeGreaterThanOrEqual(2);
    // The high-risk posts and the watchlisted one opened alerts, audited as POST /api/screen's are.
    expect(done.alerts).toBeGreaterThanOrEqual(3);
    expect(await auditCount('alert.create')).toBe(alertsBefore + done.alerts);
    const alerts = await t.deps.db
      .selectFrom('screening_alerts')
      .select(['external_id', 'watchlist_hits', 'agency_id', 'created_by', 'batch_id'])
      .where('source', '=', 'batch')
      .execute();
    expect(alerts).toHaveLength(done.alerts);
    expect(new Set(alerts.map((a) => a.batch_id))).toEqual(new Set([batchId]));
    expect(alerts.map((a) => a.external_id)).toEqual(expect.arrayContaining(['p1', 'p6', '7']));
    expect(alerts.find((a) => a.external_id === 'p6')?.watchlist_hits).toEqual(['telegram:boss_recruiter9']);
    expect(new Set(alerts.map((a) => a.created_by))).toEqual(new Set([investigator.userId]));
  });

  it('refuses a line whose postedAt is not a date and time, and stores the alert of one whose is', async () => {
    const file = [
      JSON.stringify({ id: 'when-bad', text: SCAM_VI, postedAt: 'last Monday' }),
      JSON.stringify({ id: 'when-ok', text: SCAM_VI, postedAt: '2026-11-01T10:00:00+07:00' }),
      JSON.stringify({ id: 'lang-bad', text: SCAM_VI, lang: 'Vietnamese' }),
    ].join('\n');
    const res = await upload(investigator, file, '', { 'content-type': 'application/x-ndjson' });
    expect(res.status).toBe(202);
    const { batch } = await res.json();
    const done = await waitUntilFinished(investigator, batch.id);
    expect(done).toMatchObject({ status: 'done', error: null, alerts: 1 });
    expect(await results(investigator, batch.id)).toEqual([
      {
        id: 'when-bad',
        error: 'line 1: postedAt must be an ISO 8601 date and time, such as 2026-11-01T10:00:00+07:00',
      },
      expect.objectContaining({ id: 'when-ok', level: 'high' }),
      { id: 'lang-bad', error: 'line 3: lang must be a language code such as vi or fil' },
    ]);
    const stored = await t.deps.db
      .selectFrom('screening_alerts')
      .select(['posted_at'])
      .where('batch_id', '=', batch.id)
      .executeTakeFirstOrThrow();
    expect(stored.posted_at?.toISOString()).toBe('2026-11-01T03:00:00.000Z');
  });

  it('gives one result per screened line, equal to POST /api/screen, and {id, error} for a bad line', async () => {
    const lines = await results(investigator, batchId);
    expect(lines.map((l) => l.id)).toEqual(['p1', 'p2', '3', 'p5', 'p6', '7', 'p8']);
    expect(lines[2]).toEqual({ id: '3', error: expect.stringMatching(/^line 3: /) });
    expect(lines[3]).toEqual({ id: 'p5', error: expect.stringMatching(/^line 5: text/) });
    expect(lines[6]).toEqual({ id: 'p8', error: expect.stringMatching(/^line 8: country/) });
    const screened = [lines[0], lines[1], lines[4], lines[5]];
    for (const [i, post] of posts.entries()) {
      const res = await investigator.request('POST', '/api/screen', { id: screened[i].id, ...post });
      expect(res.status).toBe(200);
      expect(screened[i]).toEqual((await res.json()).result);
    }
    expect(await auditCount('screening_batch.results.read', batchId)).toBe(1);
  });

  it("gives the reasons in the reader's language, equal to POST /api/screen in that language", async () => {
    const english = await results(investigator, batchId);
    const res = await investigator.request('GET', `/api/screen/batch/${batchId}/results`, undefined, {
      'accept-language': 'vi-VN, en;q=0.5',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('vi');
    const vietnamese = (await res.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const screened = [vietnamese[0], vietnamese[1], vietnamese[4], vietnamese[5]];
    for (const [i, post] of posts.entries()) {
      const answer = await investigator.request(
        'POST',
        '/api/screen',
        { id: screened[i].id, ...post },
        { 'accept-language': 'vi' },
      );
      expect(screened[i]).toEqual((await answer.json()).result);
    }
    // The reasons changed language; nothing else did (error lines included).
    const reasons = (lines: { indicators?: { reason: string }[] }[]) =>
      lines.flatMap((l) => (l.indicators ?? []).map((i) => i.reason));
    expect(reasons(vietnamese).length).toBeGreaterThan(3);
    expect(reasons(vietnamese)).not.toEqual(reasons(english));
    const withoutReasons = (lines: { indicators?: { reason: string }[] }[]) =>
      lines.map((l) => ({ ...l, indicators: l.indicators?.map((i) => ({ ...i, reason: '' })) }));
    expect(withoutReasons(vietnamese)).toEqual(withoutReasons(english));

    // ?lang= (a download link cannot set headers) wins over Accept-Language; a bad one is refused.
    const thai = await results(investigator, batchId, { 'accept-language': 'vi' }, '?lang=th');
    const thaiPost = await investigator.request(
      'POST',
      '/api/screen',
      { id: 'p1', ...posts[0] },
      {
        'accept-language': 'th',
      },
    );
    expect(thai[0]).toEqual((await thaiPost.json()).result);
    const bad = await investigator.request('GET', `/api/screen/batch/${batchId}/results?lang=xx`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe('lang');
    // No language asked: English, as before.
    expect(await results(investigator, batchId, { 'accept-language': 'de' })).toEqual(english);
  });

  it("lists a batch's alerts with ?batch=, each naming it; a single post's alert names none", async () => {
    const { alerts } = await (await investigator.request('GET', `/api/alerts?batch=${batchId}`)).json();
    const { batch } = await (await investigator.request('GET', `/api/screen/batch/${batchId}`)).json();
    expect(alerts).toHaveLength(batch.alerts);
    for (const alert of alerts) expect(alert).toMatchObject({ source: 'batch', batchId });
    const one = await (await investigator.request('GET', `/api/alerts/${alerts[0].id}`)).json();
    expect(one.alert.batchId).toBe(batchId);

    const single = await (await investigator.request('POST', '/api/screen', posts[0])).json();
    expect(single.alertId).toEqual(expect.any(String));
    const alert = await (await investigator.request('GET', `/api/alerts/${single.alertId}`)).json();
    expect(alert.alert).toMatchObject({ source: 'api', batchId: null });
    const after = await (await investigator.request('GET', `/api/alerts?batch=${batchId}`)).json();
    expect(after.alerts.map((a: { id: string }) => a.id)).not.toContain(single.alertId);

    const bad = await investigator.request('GET', '/api/alerts?batch=nope');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe('batch');
  });

  it('gives exactly what `jaring screen` prints for the same file', async () => {
    // Without the blank line: the CLI misnumbers the lines before a skipped blank line in its chunk
    // (it takes the chunk's first line number as lineNo - chunk.length + 1).
    const content = FILE.replace('\n   \n', '\n');
    const file = join(dir, 'export.jsonl');
    writeFileSync(file, content);
    const { code, output } = await runCli(['screen', '--workers', '1', file], {});
    expect(code).toBe(0);
    const printed = output.split('\n').filter((l) => l.startsWith('{'));
    expect(printed).toHaveLength(7);
    const { batch } = await (await upload(investigator, content)).json();
    await waitUntilFinished(investigator, batch.id);
    const res = await investigator.request('GET', `/api/screen/batch/${batch.id}/results`);
    expect((await res.text()).trimEnd().split('\n')).toEqual(printed);

    // In Khmer, byte for byte what `jaring screen --reason-lang km` prints.
    const km = await runCli(['screen', '--workers', '1', '--reason-lang', 'km', file], {});
    expect(km.code).toBe(0);
    const printedKm = km.output.split('\n').filter((l) => l.startsWith('{'));
    expect(printedKm).not.toEqual(printed);
    const inKm = await investigator.request('GET', `/api/screen/batch/${batch.id}/results?lang=km`);
    expect((await inKm.text()).trimEnd().split('\n')).toEqual(printedKm);
  });

  it('screens one post per line with format=text, blank lines reported', async () => {
    const res = await upload(investigator, `${SCAM_TH}\n\n${ORDINARY}\n`, '?format=text', {
      'content-type': 'text/plain',
    });
    expect(res.status).toBe(202);
    const { batch } = await res.json();
    const done = await waitUntilFinished(investigator, batch.id);
    expect(done).toMatchObject({ format: 'text', linesDone: 3, counts: { errors: 1 } });
    const lines = await results(investigator, batch.id);
    expect(lines.map((l) => l.id)).toEqual(['1', '2', '3']);
    expect(lines[1]).toEqual({ id: '2', error: 'line 2: empty text' });
  });

  it('refuses an empty, blank, binary, non-UTF-8, over-cap or form upload with a clear 4xx, writing nothing', async () => {
    const before = await footprint();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const cases: [UploadBody, string, Record<string, string>, number, RegExp][] = [
      [null, '', {}, 400, /empty/],
      ['', '', {}, 400, /empty/],
      ['\n  \r\n\t\n', '', {}, 400, /blank/],
      ['\uFEFF\n', '', {}, 400, /blank/],
      [png, '', {}, 400, /binary/],
      [new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d, 0x0a]), '', {}, 400, /UTF-8/],
      [new Uint8Array([0x61, 0xe1, 0x80]), '', {}, 400, /UTF-8/],
      // Over the cap: streamed without a length, and announced by Content-Length.
      [`${JSON.stringify({ text: 'x'.repeat(MAX_BYTES) })}\n`, '', {}, 413, /limit of 65536 bytes/],
      ['{"text":"ok"}\n', '', { 'content-length': String(MAX_BYTES + 1) }, 413, /limit/],
      ['--x\r\n', '', { 'content-type': 'multipart/form-data; boundary=x' }, 415, /not a form/],
      ['{"text":"ok"}\n', '?format=csv', {}, 400, /format/],
      ['{"text":"ok"}\n', '?name=', {}, 400, /name/],
    ];
    for (const [body, query, headers, status, message] of cases) {
      const res = await upload(investigator, body, query, headers);
      const answer = await res.json();
      expect(res.status, `${query} ${String(body).slice(0, 20)}`).toBe(status);
      expect(answer.error.message).toMatch(message);
    }
    expect(await footprint()).toEqual(before);
  });
});

describe('who sees a batch', () => {
  it('shows a batch to its uploader and the analysts of the agency, to no one else', async () => {
    const { batch } = await (
      await upload(investigator, `${JSON.stringify({ text: ORDINARY })}\n`, '', {
        'content-type': 'application/x-ndjson',
      })
    ).json();
    await waitUntilFinished(investigator, batch.id);
    const path = `/api/screen/batch/${batch.id}`;

    const analyst = await t.loginAs(['analyst']);
    expect((await analyst.request('GET', path)).status).toBe(200);
    expect((await analyst.request('GET', `${path}/results`)).status).toBe(200);
    const agencyList = await (await analyst.request('GET', '/api/screen/batch?scope=agency')).json();
    expect(agencyList.batches.map((b: { id: string }) => b.id)).toContain(batch.id);

    const colleague = await t.loginAs(['investigator']);
    const outsider = await userOfOtherAgency(['analyst', 'investigator']);
    const readsBefore = await auditCount('screening_batch.results.read', batch.id);
    for (const client of [colleague, outsider]) {
      for (const p of [path, `${path}/results`]) {
        const res = await client.request('GET', p);
        expect(res.status, p).toBe(404);
        expect((await res.json()).error.code).toBe('not_found');
      }
      const mine = await (await client.request('GET', '/api/screen/batch')).json();
      expect(mine.batches).toEqual([]);
    }
    const outsiders = await (await outsider.request('GET', '/api/screen/batch?scope=agency')).json();
    expect(outsiders.batches).toEqual([]);
    expect(await auditCount('screening_batch.results.read', batch.id)).toBe(readsBefore);
    expect((await colleague.request('GET', '/api/screen/batch?scope=agency')).status).toBe(403);

    const own = await (await investigator.request('GET', '/api/screen/batch')).json();
    expect(own.batches[0].id).toBe(batch.id);
  });
});
